import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, enrollmentResponse, studyManifest } from '../../lib/schema';
import { studyFile } from './support/studies';
import { startTempCollector, type TempCollector } from './support/temp-collector';

const demo = studyFile('demo');
const elsewhere = studyFile('elsewhere', { endpoint: 'https://collector.example' });
let collector: TempCollector;

beforeAll(async () => {
  collector = await startTempCollector([demo, elsewhere]);
});
afterAll(async () => {
  await collector?.dispose();
});

describe('GET /healthz', () => {
  it('answers ok', async () => {
    const response = await fetch(`${collector.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('GET /v1/studies/:id', () => {
  it('serves the manifest with the endpoint filled with the collector URL', async () => {
    const response = await fetch(`${collector.url}/v1/studies/demo`);
    expect(response.status).toBe(200);
    const manifest = studyManifest.parse(await response.json());
    expect(manifest.endpoint).toBe(collector.url);
    expect(manifest).toMatchObject({
      id: 'demo',
      consent: demo.consent,
      captureLevel: 'structure',
    });
  });

  it("keeps a study's own endpoint", async () => {
    const manifest = studyManifest.parse(
      await (await fetch(`${collector.url}/v1/studies/elsewhere`)).json(),
    );
    expect(manifest.endpoint).toBe('https://collector.example');
  });

  it('answers 404 with a clear message for an unknown study', async () => {
    const response = await fetch(`${collector.url}/v1/studies/nope`);
    expect(response.status).toBe(404);
    const body = apiError.parse(await response.json());
    expect(body.error).toBe('unknown_study');
    expect(body.message).toMatch(/no study "nope".*study link/);
  });
});

describe('POST /v1/studies/:id/enrollments', () => {
  function enrollWith(body: unknown, study = 'demo'): Promise<Response> {
    return fetch(`${collector.url}/v1/studies/${study}/enrollments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('returns a participant id, an upload token and the manifest', async () => {
    const response = await enrollWith({ consentVersion: '2026-01', extensionVersion: '0.1.0' });
    expect(response.status).toBe(201);
    const body = enrollmentResponse.parse(await response.json());
    expect(body.participantId).toMatch(/^p_[0-9a-f]{24}$/);
    expect(body.uploadToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.study.endpoint).toBe(collector.url);
  });

  it('gives every enrollment its own id and token', async () => {
    const request = { consentVersion: '2026-01', extensionVersion: '0.1.0' };
    const a = enrollmentResponse.parse(await (await enrollWith(request)).json());
    const b = enrollmentResponse.parse(await (await enrollWith(request)).json());
    expect(a.participantId).not.toBe(b.participantId);
    expect(a.uploadToken).not.toBe(b.uploadToken);
  });

  it('answers 409 when the consent version is not the current one', async () => {
    const response = await enrollWith({ consentVersion: '2025-12', extensionVersion: '0.1.0' });
    expect(response.status).toBe(409);
    const body = apiError.parse(await response.json());
    expect(body.error).toBe('consent_changed');
    expect(body.message).toMatch(/Reload the study link.*consent again/);
  });

  it('answers 400 with issues for an unknown key', async () => {
    const response = await enrollWith({
      consentVersion: '2026-01',
      extensionVersion: '0.1.0',
      email: 'someone@example.org',
    });
    expect(response.status).toBe(400);
    const body = apiError.parse(await response.json());
    expect(body.issues?.join('\n')).toMatch(/email/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${collector.url}/v1/studies/demo/enrollments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'consent=yes',
    });
    expect(response.status).toBe(400);
    expect(apiError.parse(await response.json()).error).toBe('invalid_json');
  });

  it('answers 404 for an unknown study', async () => {
    const response = await enrollWith(
      { consentVersion: '2026-01', extensionVersion: '0.1.0' },
      'nope',
    );
    expect(response.status).toBe(404);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${collector.url}/v1/uploads`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization,content-type,content-encoding,idempotency-key',
      },
    });

  it('allows a chrome-extension:// origin', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const response = await preflight(origin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'GET,POST,PUT,DELETE,OPTIONS',
    );
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toBe(
      'authorization,content-type,content-encoding,idempotency-key',
    );
    const get = await fetch(`${collector.url}/v1/studies/demo`, { headers: { Origin: origin } });
    expect(get.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('allows a moz-extension:// origin', async () => {
    const origin = 'moz-extension://0b9d3c52-4b8e-4a55-9a3b-6e1f4c2d9a10';
    const response = await fetch(`${collector.url}/v1/studies/demo`, {
      headers: { Origin: origin },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('sends no CORS headers to a web origin', async () => {
    for (const response of [
      await preflight('http://evil.example'),
      await fetch(`${collector.url}/v1/studies/demo`, {
        headers: { Origin: 'http://evil.example' },
      }),
    ]) {
      const cors = [...response.headers.keys()].filter((name) =>
        name.startsWith('access-control-'),
      );
      expect(cors).toEqual([]);
    }
  });
});

describe('unknown routes', () => {
  it('answer 404 in the API error shape', async () => {
    const response = await fetch(`${collector.url}/v2/whatever`);
    expect(response.status).toBe(404);
    expect(apiError.parse(await response.json()).error).toBe('not_found');
  });
});
