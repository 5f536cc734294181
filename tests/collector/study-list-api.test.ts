import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffToken, call, expectError } from './support/annotation';
import { enroll } from './support/http';
import { studyFile } from './support/studies';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let annotator: string;
let revoked: string;

beforeAll(async () => {
  app = await startTestApp([
    studyFile('zeta', { name: 'Zeta tasks' }),
    studyFile('alpha', { name: 'Alpha shop' }),
  ]);
  annotator = (await addStaffToken(app.db, 'annotator')).token;
  const old = await addStaffToken(app.db, 'annotator');
  await app.db.query('update tokens set revoked_at = now() where id = $1', [old.id]);
  revoked = old.token;
});

afterAll(async () => {
  await app?.dispose();
});

describe('GET /v1/studies', () => {
  it('lists the studies by name, id and name only, to researchers and annotators', async () => {
    for (const token of [app.researcherToken, annotator]) {
      const response = await call(`${app.url}/v1/studies`, token);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        studies: [
          { id: 'alpha', name: 'Alpha shop' },
          { id: 'zeta', name: 'Zeta tasks' },
        ],
      });
    }
  });

  it('is not public: the study link stays the only way to a study', async () => {
    const volunteer = await enroll(app.url, studyFile('alpha', { name: 'Alpha shop' }));
    await expectError(await call(`${app.url}/v1/studies`, undefined), 401, 'invalid_staff_token');
    await expectError(
      await call(`${app.url}/v1/studies`, volunteer.uploadToken),
      401,
      'invalid_staff_token',
    );
    await expectError(await call(`${app.url}/v1/studies`, revoked), 401, 'revoked_token');
    // Each manifest stays public.
    const manifest = await fetch(`${app.url}/v1/studies/alpha`);
    expect(manifest.status).toBe(200);
  });
});
