import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../collector/common/config-error';
import { DEFAULT_IP_RATE_LIMIT, DEFAULT_TOKEN_RATE_LIMIT } from '../../collector/common/limits';
import { resolveRateLimits } from '../../collector/http/rate-limit-config';
import { apiError, type EnrollmentResponse } from '../../lib/schema';
import { clickBatch } from './support/events';
import { enroll, upload } from './support/http';
import { type LoggedApp, startLoggedApp } from './support/logged-app';
import { send } from './support/send';
import { studyFile } from './support/studies';
import { snapshotTables } from './support/table-snapshot';

// Bursts over the rate limits, over real HTTP: each app front below shares one database
// and has limits small enough to trip in a few requests.
const study = studyFile('flood');
let app: LoggedApp;
let alice: EnrollmentResponse;
let bob: EnrollmentResponse;

beforeAll(async () => {
  app = await startLoggedApp([study]);
  alice = await enroll(app.url, study);
  bob = await enroll(app.url, study);
});
afterAll(async () => {
  await app?.dispose();
});

const batch = () => clickBatch({ study: study.id, consentVersion: study.consent.version });
const manifest = (url: string, headers: Record<string, string> = {}) =>
  send(`${url}/v1/studies/${study.id}`, { headers });

/**
 * A 429 in the shared error shape that changed nothing, with Retry-After the seconds
 * until the next request fits: `full` for a bucket just emptied, a second less once
 * the slow machine has let one tick by.
 */
async function expectLimited(
  request: () => Promise<Response>,
  full: number,
  what: RegExp,
): Promise<Response> {
  const before = await snapshotTables(app.db);
  const response = await request();
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect([full, Math.max(1, full - 1)]).toContain(retryAfter);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe('rate_limited');
  expect(body.message).toMatch(what);
  expect(body.message).toMatch(
    new RegExp(`Nothing was done; wait ${retryAfter} seconds? \\(Retry-After\\) and send it again`),
  );
  expect(await snapshotTables(app.db)).toEqual(before);
  return response;
}

describe('rate limits', () => {
  it('limits each token on its own, with Retry-After', async () => {
    const front = await app.front({
      rateLimits: { perToken: { requests: 3, seconds: 60 }, perIp: null },
    });
    for (let i = 0; i < 3; i++) {
      expect((await upload(front.url, alice.uploadToken, batch())).status).toBe(200);
    }
    // 3 a minute is one every 20 seconds.
    await expectLimited(
      () => upload(front.url, alice.uploadToken, batch()),
      20,
      /^Too many requests with this token: at most 3 every 60 seconds\./,
    );
    // A bad token is limited too: guessing costs the same as uploading.
    for (let i = 0; i < 3; i++) {
      expect((await upload(front.url, 'guess', batch())).status).toBe(401);
    }
    await expectLimited(() => upload(front.url, 'guess', batch()), 20, /with this token/);
    // Another participant on the same address is not held back by Alice.
    expect((await upload(front.url, bob.uploadToken, batch())).status).toBe(200);
    // Requests without a token are not counted per token.
    expect((await manifest(front.url)).status).toBe(200);
    expect(front.logLines.map((line) => JSON.parse(line).error)).toContain('rate_limited');
  });

  it('limits each client address, whatever the token, and ignores X-Forwarded-For', async () => {
    const front = await app.front({
      rateLimits: { perToken: null, perIp: { requests: 5, seconds: 60 } },
    });
    for (let i = 0; i < 5; i++) expect((await manifest(front.url)).status).toBe(200);
    await expectLimited(
      () => manifest(front.url),
      12,
      /^Too many requests from this address: at most 5 every 60 seconds\./,
    );
    await expectLimited(() => upload(front.url, bob.uploadToken, batch()), 12, /from this address/);
    // Without a trusted proxy, a client cannot claim to be someone else.
    await expectLimited(
      () => manifest(front.url, { 'X-Forwarded-For': '203.0.113.77' }),
      12,
      /from this address/,
    );
  });

  it('behind a trusted proxy, limits the address the proxy saw', async () => {
    const front = await app.front({
      rateLimits: { perToken: null, perIp: { requests: 2, seconds: 60 }, trustProxy: true },
    });
    const from = (chain: string) => manifest(front.url, { 'X-Forwarded-For': chain });
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(200);
    await expectLimited(() => from('203.0.113.1'), 30, /from this address/);
    // The proxy appends what it saw: earlier entries are the client's own words.
    await expectLimited(() => from('198.51.100.9, 203.0.113.1'), 30, /from this address/);
    expect((await from('203.0.113.1, 203.0.113.2')).status).toBe(200);
  });

  it('lets a client in again once Retry-After has passed', async () => {
    const front = await app.front({
      rateLimits: { perToken: { requests: 1, seconds: 1 }, perIp: null },
    });
    expect((await upload(front.url, alice.uploadToken, batch())).status).toBe(200);
    await expectLimited(() => upload(front.url, alice.uploadToken, batch()), 1, /with this token/);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await upload(front.url, alice.uploadToken, batch())).status).toBe(200);
  });

  it('lets the extension read a 429 and its Retry-After', async () => {
    const front = await app.front({
      rateLimits: { perToken: null, perIp: { requests: 1, seconds: 60 } },
    });
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    expect((await manifest(front.url, { Origin: origin })).status).toBe(200);
    const limited = await expectLimited(
      () => manifest(front.url, { Origin: origin }),
      60,
      /from this address/,
    );
    expect(limited.headers.get('access-control-allow-origin')).toBe(origin);
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });

  it('never trips the other suites: defaults are generous and on', async () => {
    // The app under every other collector test runs with these defaults.
    expect(resolveRateLimits({}, {})).toEqual({
      perToken: DEFAULT_TOKEN_RATE_LIMIT,
      perIp: DEFAULT_IP_RATE_LIMIT,
      trustProxy: false,
    });
    expect(DEFAULT_TOKEN_RATE_LIMIT.requests).toBeGreaterThanOrEqual(600);
    expect(DEFAULT_IP_RATE_LIMIT.requests).toBeGreaterThanOrEqual(3000);
  });
});

describe('rate limit settings', () => {
  it('come from the options, else the environment, else the defaults', () => {
    const env = {
      TASKTRACE_RATE_LIMIT_TOKEN: '120/60',
      TASKTRACE_RATE_LIMIT_IP: 'off',
      TASKTRACE_TRUST_PROXY: '1',
    };
    expect(resolveRateLimits({}, env)).toEqual({
      perToken: { requests: 120, seconds: 60 },
      perIp: null,
      trustProxy: true,
    });
    expect(
      resolveRateLimits(
        { perToken: null, perIp: { requests: 9, seconds: 3 }, trustProxy: false },
        env,
      ),
    ).toEqual({ perToken: null, perIp: { requests: 9, seconds: 3 }, trustProxy: false });
  });

  it('refuse what they cannot read, saying how to write it', () => {
    for (const value of ['600', '600/0', '0/60', 'lots', '1.5/60']) {
      expect(() => resolveRateLimits({}, { TASKTRACE_RATE_LIMIT_TOKEN: value })).toThrow(
        ConfigError,
      );
    }
    expect(() => resolveRateLimits({}, { TASKTRACE_RATE_LIMIT_IP: 'x' })).toThrow(
      /TASKTRACE_RATE_LIMIT_IP="x" is not a rate limit: write REQUESTS\/SECONDS, such as 600\/60, or off/,
    );
    expect(() => resolveRateLimits({}, { TASKTRACE_TRUST_PROXY: 'maybe' })).toThrow(
      /TASKTRACE_TRUST_PROXY="maybe" must be 1 or 0/,
    );
  });
});
