import { expect } from 'vitest';
import { hashToken, newSecretToken, newStaffTokenId } from '../../../collector/common/tokens';
import { createSqlStore } from '../../../collector/db/create-sql-store';
import type { SqlClient } from '../../../collector/db/sql-client';
import { apiError, type StaffRole } from '../../../lib/schema';

/** An annotator or researcher token stored as `token create` stores it. */
export async function addStaffToken(
  db: SqlClient,
  role: StaffRole,
): Promise<{ id: string; token: string }> {
  const token = newSecretToken();
  const id = newStaffTokenId();
  await createSqlStore(db).createStaffToken({ id, role, tokenHash: hashToken(token), label: role });
  return { id, token };
}

/** A JSON request with a bearer token, as the annotation pages send it. */
export function call(
  url: string,
  token: string | undefined,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
}

/** Checks an error answer's status and code against the shared error shape; returns it. */
export async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe(code);
  return body;
}
