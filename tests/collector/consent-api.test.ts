import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlStore } from '../../collector/db/create-sql-store';
import { migrations } from '../../collector/db/migrations';
import { runMigrations } from '../../collector/db/run-migrations';
import {
  apiError,
  consentReceipt,
  type EnrollmentResponse,
  eventLine,
  uploadResponse,
} from '../../lib/schema';
import { clickBatch } from './support/events';
import { consent, enroll, exportEvents, upload } from './support/http';
import { studyFile } from './support/studies';
import {
  restartTempCollector,
  startTempCollector,
  type TempCollector,
} from './support/temp-collector';
import { openTestDatabase } from './support/test-database';

const before = studyFile('changing');
// What the researcher changes: the text, the sites and the version.
const after = studyFile('changing', {
  consent: {
    text: 'We now also record how you check out on shop.example and pay.example.',
    version: '2026-02',
  },
  allowlist: [{ match: 'https://shop.example/*' }, { match: 'https://pay.example/*' }],
});
const OLD = before.consent.version;
const NEW = after.consent.version;

let collector: TempCollector;
/** Joined under the old consent, before the researcher changed it. */
let veteran: EnrollmentResponse;

beforeAll(async () => {
  collector = await startTempCollector([before]);
  veteran = await enroll(collector.url, before);
  const early = await upload(
    collector.url,
    veteran.uploadToken,
    clickBatch({ study: before.id, consentVersion: OLD }),
  );
  expect(early.status).toBe(200);
  collector = await restartTempCollector(collector, [after]);
});
afterAll(async () => {
  await collector?.dispose();
});

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = apiError.parse(await response.json());
  expect(body.error).toBe(code);
  return body;
}

describe('POST /v1/participants/me/consents', () => {
  it('lets a participant agree to the changed consent and upload under either version', async () => {
    const tooEarly = await upload(
      collector.url,
      veteran.uploadToken,
      clickBatch({ study: after.id, consentVersion: NEW }),
    );
    const refused = await expectError(tooEarly, 409, 'consent_mismatch');
    expect(refused.message).toContain(`agreed to version ${OLD} only`);

    const response = await consent(collector.url, veteran.uploadToken, { consentVersion: NEW });
    expect(response.status).toBe(200);
    expect(consentReceipt.parse(await response.json())).toEqual({
      participant: veteran.participantId,
      consentVersions: [OLD, NEW],
    });

    // Recorded before the change but uploaded after it, and recorded after it.
    for (const version of [OLD, NEW]) {
      const sent = await upload(
        collector.url,
        veteran.uploadToken,
        clickBatch({ study: after.id, consentVersion: version }),
      );
      expect(sent.status).toBe(200);
      expect(uploadResponse.parse(await sent.json())).toEqual({ accepted: 3, duplicates: 0 });
    }
    const lines = (await exportEvents(collector.url, collector.researcherToken, after.id)).map(
      (line) => eventLine.parse(line),
    );
    const mine = lines.filter((line) => line.participant === veteran.participantId);
    expect(mine.filter((line) => line.consentVersion === OLD)).toHaveLength(6);
    expect(mine.filter((line) => line.consentVersion === NEW)).toHaveLength(3);
  });

  it('answers the same when agreeing to the same version again', async () => {
    const newcomer = await enroll(collector.url, after);
    for (let i = 0; i < 2; i++) {
      const response = await consent(collector.url, newcomer.uploadToken, { consentVersion: NEW });
      expect(response.status).toBe(200);
      expect(consentReceipt.parse(await response.json())).toEqual({
        participant: newcomer.participantId,
        consentVersions: [NEW],
      });
    }
    // An old version stays refused for someone who never agreed to it.
    const old = await upload(
      collector.url,
      newcomer.uploadToken,
      clickBatch({ study: after.id, consentVersion: OLD }),
    );
    await expectError(old, 409, 'consent_mismatch');
  });

  it('accepts only the current consent version', async () => {
    for (const version of [OLD, '2027-01']) {
      const response = await consent(collector.url, veteran.uploadToken, {
        consentVersion: version,
      });
      const body = await expectError(response, 409, 'consent_changed');
      expect(body.message).toContain(`now version ${NEW}, not ${version}`);
      expect(body.message).toContain('read the consent again');
    }
  });

  it('needs the participant token', async () => {
    await expectError(
      await consent(collector.url, undefined, { consentVersion: NEW }),
      401,
      'missing_token',
    );
    await expectError(
      await consent(collector.url, 'not-a-real-token-0123456789abcdef0123456789', {
        consentVersion: NEW,
      }),
      401,
      'invalid_token',
    );
  });

  it('refuses a malformed body', async () => {
    const token = veteran.uploadToken;
    await expectError(
      await consent(collector.url, token, '{"consentVersion":'),
      400,
      'invalid_json',
    );
    for (const body of [
      {},
      { consentVersion: '' },
      { consentVersion: 'x'.repeat(65) },
      { consentVersion: 202602 },
      { consentVersion: NEW, extensionVersion: '0.1.0' },
    ]) {
      const refused = await expectError(
        await consent(collector.url, token, body),
        400,
        'invalid_consent',
      );
      expect(refused.issues?.length).toBeGreaterThan(0);
    }
  });

  it('refuses an erased participant as uploads do', async () => {
    const leaving = await enroll(collector.url, after);
    const erased = await fetch(`${collector.url}/v1/participants/me`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${leaving.uploadToken}` },
    });
    expect(erased.status).toBe(200);

    const late = await upload(
      collector.url,
      leaving.uploadToken,
      clickBatch({ study: after.id, consentVersion: NEW }),
    );
    const uploadError = await expectError(late, 401, 'invalid_token');
    const refused = await consent(collector.url, leaving.uploadToken, { consentVersion: NEW });
    expect(await expectError(refused, 401, 'invalid_token')).toEqual(uploadError);
  });
});

describe('migration 0002-participant-consents', () => {
  it('records the consent each existing participant joined under', async () => {
    const database = await openTestDatabase();
    const { db } = database;
    try {
      expect(await runMigrations(db, migrations.slice(0, 1))).toEqual([
        '0001-participants-sessions-events',
      ]);
      const joined = '2026-01-05T09:30:00.000Z';
      await db.query(
        `insert into participants (id, study_id, token_hash, consent_version, extension_version, created_at, erased_at)
         values ($1, 'demo', 'hash-kept', '2026-01', '0.1.0', $3, null),
                ($2, 'demo', 'hash-gone', '2026-01', '0.1.0', $3, now())`,
        ['p_kept000000000000000', 'p_gone000000000000000', joined],
      );

      expect(await runMigrations(db, migrations.slice(0, 2))).toEqual([
        '0002-participant-consents',
      ]);
      const { rows } = await db.query<{
        participant_id: string;
        consent_version: string;
        agreed_at: Date;
      }>('select participant_id, consent_version, agreed_at from participant_consents');
      // Erasure leaves no record of what was agreed to, so the erased participant gets none.
      expect(rows).toEqual([
        {
          participant_id: 'p_kept000000000000000',
          consent_version: '2026-01',
          agreed_at: new Date(joined),
        },
      ]);
      const kept = await createSqlStore(db).findParticipantByTokenHash('hash-kept');
      expect(kept?.consentVersions).toEqual(['2026-01']);
    } finally {
      await database.dispose();
    }
  });
});
