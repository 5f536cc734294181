import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore } from '../../collector/db/create-sql-store';
import { runMigrations } from '../../collector/db/run-migrations';
import type { SqlClient } from '../../collector/db/sql-client';
import type { Store } from '../../collector/db/store';
import { clickEvent } from './support/events';
import { openTestDatabase, type TestDatabase } from './support/test-database';

// The store straight on the database (PGlite, or PostgreSQL in the collector-pg project),
// for what the HTTP API cannot show (rows left after erasure).
let database: TestDatabase;
let db: SqlClient;
let store: Store;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await runMigrations(db);
  store = createSqlStore(db);
});
afterAll(async () => {
  await database?.dispose();
});

async function participantWithEvents(id: string, count: number) {
  await store.createParticipant({
    id,
    studyId: 'demo',
    tokenHash: `hash-of-${id}`,
    consentVersion: '1',
    extensionVersion: '0.1.0',
  });
  const session = randomUUID();
  expect(
    await store.claimSession({ id: session, participantId: id, studyId: 'demo', startedAt: 1 }),
  ).toBe(id);
  const events = Array.from({ length: count }, (_, seq) => clickEvent(session, seq));
  const batch = {
    sessionId: session,
    participantId: id,
    studyId: 'demo',
    extensionVersion: '0.1.0',
    consentVersion: '1',
    events,
  };
  expect(await store.insertEvents(batch)).toBe(count);
  expect(await store.insertEvents(batch)).toBe(0);
}

describe('SQL store', () => {
  it('applies each migration once', async () => {
    expect(await runMigrations(db)).toEqual([]);
    const { rows } = await db.query<{ id: string }>('select id from schema_migrations');
    expect(rows.map((row) => row.id)).toEqual([
      '0001-participants-sessions-events',
      '0002-participant-consents',
      '0003-idempotency-keys',
      '0004-tokens',
      '0005-session-tasks',
    ]);
  });

  it('finds participants by token hash only', async () => {
    await participantWithEvents('p_000000000000000000000001', 1);
    expect(await store.findParticipantByTokenHash('hash-of-p_000000000000000000000001')).toEqual({
      id: 'p_000000000000000000000001',
      studyId: 'demo',
      consentVersions: ['1'],
      erasedAt: null,
    });
    expect(await store.findParticipantByTokenHash('p_000000000000000000000001')).toBeUndefined();
  });

  it('leaves erased participants out of the export', async () => {
    await participantWithEvents('p_000000000000000000000002', 2);
    await participantWithEvents('p_000000000000000000000003', 3);
    await db.query('update participants set erased_at = now() where id = $1', [
      'p_000000000000000000000002',
    ]);
    const erased = await store.findParticipantByTokenHash('hash-of-p_000000000000000000000002');
    expect(erased?.erasedAt).toBeInstanceOf(Date);

    const page = await store.readEventsPage('demo', undefined, 100);
    expect(page.map((row) => row.participantId)).not.toContain('p_000000000000000000000002');
    expect(page.filter((row) => row.participantId === 'p_000000000000000000000003')).toHaveLength(
      3,
    );
  });

  it('stores no session or event for a participant erased after they authenticated', async () => {
    const id = 'p_000000000000000000000019';
    await participantWithEvents(id, 1);
    await store.eraseParticipant(id);
    const session = randomUUID();
    // An upload that authenticated just before the erasure reaches the database after it.
    expect(
      await store.claimSession({ id: session, participantId: id, studyId: 'demo', startedAt: 1 }),
    ).toBeUndefined();
    const late = {
      sessionId: session,
      participantId: id,
      studyId: 'demo',
      extensionVersion: '0.1.0',
      consentVersion: '1',
      events: [clickEvent(session, 0)],
    };
    expect(await store.insertEvents(late)).toBe(0);
    const { rows } = await db.query<{ n: number }>(
      'select (select count(*) from events where participant_id = $1)::int + (select count(*) from sessions where participant_id = $1)::int as n',
      [id],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('records each consent once, oldest first', async () => {
    await participantWithEvents('p_000000000000000000000004', 1);
    await store.addConsent('p_000000000000000000000004', '2');
    await store.addConsent('p_000000000000000000000004', '2');
    const found = await store.findParticipantByTokenHash('hash-of-p_000000000000000000000004');
    expect(found?.consentVersions).toEqual(['1', '2']);
  });

  it('erasure deletes the consent records of that participant only', async () => {
    await participantWithEvents('p_000000000000000000000005', 1);
    await participantWithEvents('p_000000000000000000000006', 1);
    await store.addConsent('p_000000000000000000000005', '2');
    const consents = async (id: string) =>
      (
        await db.query(
          'select consent_version from participant_consents where participant_id = $1',
          [id],
        )
      ).rows.length;
    expect(await consents('p_000000000000000000000005')).toBe(2);

    expect(await store.eraseParticipant('p_000000000000000000000005')).toEqual({
      sessions: 1,
      events: 1,
    });
    expect(await consents('p_000000000000000000000005')).toBe(0);
    expect(await consents('p_000000000000000000000006')).toBe(1);
    // A consent arriving after erasure leaves no record either.
    await store.addConsent('p_000000000000000000000005', '3');
    expect(await consents('p_000000000000000000000005')).toBe(0);
    const erased = await store.findParticipantByTokenHash('hash-of-p_000000000000000000000005');
    expect(erased).toMatchObject({ consentVersions: [], erasedAt: expect.any(Date) });
  });

  it('claims an idempotency key once, then replays, refuses or waits', async () => {
    const id = 'p_000000000000000000000007';
    await participantWithEvents(id, 1);
    const ref = { participantId: id, key: 'session:0-2:abc' };
    const claim = { ...ref, requestHash: 'hash-a' };

    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'claimed' });
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'in-flight' });
    expect(await store.claimIdempotencyKey({ ...claim, requestHash: 'hash-b' })).toEqual({
      kind: 'other-body',
    });
    // Freed after a failure: the next request claims it afresh.
    await store.releaseIdempotencyKey(ref);
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'claimed' });

    const answer = { status: 200, body: { accepted: 3, duplicates: 0 } };
    await store.completeIdempotencyKey(ref, answer);
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'answered', answer });
    expect(await store.claimIdempotencyKey({ ...claim, requestHash: 'hash-b' })).toEqual({
      kind: 'other-body',
    });
    // An answered key is never released or overwritten.
    await store.releaseIdempotencyKey(ref);
    await store.completeIdempotencyKey(ref, { status: 201, body: {} });
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'answered', answer });

    // Keys are per participant: another one claims the same key for itself.
    await participantWithEvents('p_000000000000000000000008', 1);
    expect(
      await store.claimIdempotencyKey({ ...claim, participantId: 'p_000000000000000000000008' }),
    ).toEqual({ kind: 'claimed' });
  });

  it('hands a claim left in flight past the lease to a retry of the same body only', async () => {
    const id = 'p_000000000000000000000009';
    await participantWithEvents(id, 1);
    const claim = { participantId: id, key: 'stale', requestHash: 'hash-a' };
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'claimed' });
    await db.query(
      `update idempotency_keys set created_at = now() - interval '61 seconds'
       where participant_id = $1`,
      [id],
    );
    expect(await store.claimIdempotencyKey({ ...claim, requestHash: 'hash-b' })).toEqual({
      kind: 'other-body',
    });
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'claimed' });
    expect(await store.claimIdempotencyKey(claim)).toEqual({ kind: 'in-flight' });
  });

  it('erasure deletes the idempotency keys of that participant only', async () => {
    const leaving = 'p_000000000000000000000010';
    const staying = 'p_000000000000000000000011';
    await participantWithEvents(leaving, 1);
    await participantWithEvents(staying, 1);
    for (const participantId of [leaving, staying]) {
      for (const key of ['answered', 'in-flight']) {
        const ref = { participantId, key };
        await store.claimIdempotencyKey({ ...ref, requestHash: 'h' });
        if (key === 'answered') {
          await store.completeIdempotencyKey(ref, { status: 200, body: { accepted: 1 } });
        }
      }
    }
    const keys = async (id: string) =>
      (await db.query('select key from idempotency_keys where participant_id = $1', [id])).rows
        .length;
    expect(await keys(leaving)).toBe(2);

    await store.eraseParticipant(leaving);
    expect(await keys(leaving)).toBe(0);
    expect(await keys(staying)).toBe(2);
    // A claim arriving after erasure leaves no row either, and an in-flight request
    // completing afterwards writes nothing back.
    expect(
      await store.claimIdempotencyKey({ participantId: leaving, key: 'late', requestHash: 'h' }),
    ).toEqual({ kind: 'erased' });
    await store.completeIdempotencyKey(
      { participantId: leaving, key: 'in-flight' },
      { status: 200, body: { accepted: 1 } },
    );
    expect(await keys(leaving)).toBe(0);
  });

  it('saves task lists by version, and erasure deletes them', async () => {
    const id = 'p_000000000000000000000012';
    await participantWithEvents(id, 2);
    const { rows } = await db.query<{ id: string }>(
      'select id from sessions where participant_id = $1',
      [id],
    );
    const sessionId = rows[0]!.id;
    const tasks = [{ start: 0, end: 1, goal: null, outcome: 'unknown' as const }];
    const save = (by: 'volunteer' | 'annotator', expectedVersion: number) =>
      store.saveSessionTasks({ sessionId, by, expectedVersion, tasks });

    // Nothing saved is version 0: any other version is stale.
    expect(await save('annotator', 1)).toEqual({ kind: 'conflict', currentVersion: 0 });
    expect(await save('annotator', 0)).toEqual({ kind: 'saved', version: 1 });
    expect(await save('annotator', 0)).toEqual({ kind: 'conflict', currentVersion: 1 });
    expect(await save('annotator', 1)).toEqual({ kind: 'saved', version: 2 });
    // The volunteer's list has its own version.
    expect(await save('volunteer', 0)).toEqual({ kind: 'saved', version: 1 });
    expect((await store.readSessionTasks([sessionId])).get(sessionId)).toEqual({
      annotator: { version: 2, tasks },
      volunteer: { version: 1, tasks },
    });

    await store.eraseParticipant(id);
    const left = await db.query('select 1 from session_tasks where session_id = $1', [sessionId]);
    expect(left.rows).toHaveLength(0);
    // A save that authenticated before the erasure stores nothing after it.
    expect(await save('annotator', 0)).toEqual({ kind: 'gone' });
    expect(await save('volunteer', 1)).toEqual({ kind: 'gone' });
  });

  it('keeps staff tokens by hash, and revokes each once', async () => {
    const token = { id: 'tok_0123456789abcdef', role: 'annotator' as const, label: 'Ann' };
    await store.createStaffToken({ ...token, tokenHash: 'hash-of-staff-token' });
    const found = await store.findStaffTokenByHash('hash-of-staff-token');
    expect(found).toEqual({ ...token, createdAt: expect.any(Date), revokedAt: null });
    expect(await store.listStaffTokens()).toEqual([found]);

    expect(await store.revokeStaffToken(token.id)).toBe('revoked');
    const revoked = await store.findStaffTokenByHash('hash-of-staff-token');
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(await store.revokeStaffToken(token.id)).toBe('already-revoked');
    // The first revocation's time stays.
    expect(await store.findStaffTokenByHash('hash-of-staff-token')).toEqual(revoked);
    expect(await store.revokeStaffToken('tok_0000')).toBe('unknown');
  });

  it('never stores the token itself', async () => {
    const { rows } = await db.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'participants'`,
    );
    expect(rows.map((row) => row.column_name)).not.toContain('token');
    const staff = await db.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'tokens'`,
    );
    expect(staff.rows.map((row) => row.column_name)).toEqual(
      expect.arrayContaining(['id', 'role', 'token_hash', 'label', 'created_at', 'revoked_at']),
    );
    expect(staff.rows.map((row) => row.column_name)).not.toContain('token');
  });
});
