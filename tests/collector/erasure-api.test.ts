import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, erasureReceipt } from '../../lib/schema';
import { clickBatch } from './support/events';
import { batchKey, consent, enroll, exportEvents, upload } from './support/http';
import { studyFile } from './support/studies';
import { startTempCollector, type TempCollector } from './support/temp-collector';

const study = studyFile('erasure');
let collector: TempCollector;

beforeAll(async () => {
  collector = await startTempCollector([study]);
});
afterAll(async () => {
  await collector?.dispose();
});

const erase = (token: string | undefined) =>
  fetch(`${collector.url}/v1/participants/me`, {
    method: 'DELETE',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

describe('DELETE /v1/participants/me', () => {
  it("erases every row of the caller, and only the caller's, with a receipt", async () => {
    const leaving = await enroll(collector.url, study);
    const staying = await enroll(collector.url, study);
    const batch = (first: number) =>
      clickBatch({
        study: study.id,
        consentVersion: study.consent.version,
        count: 4,
        firstSeq: first,
      });
    await upload(collector.url, leaving.uploadToken, batch(0));
    await upload(collector.url, leaving.uploadToken, batch(0));
    await upload(collector.url, staying.uploadToken, batch(0));
    const before = await exportEvents(collector.url, collector.researcherToken, study.id);
    expect(before).toHaveLength(12);

    const response = await erase(leaving.uploadToken);
    expect(response.status).toBe(200);
    const receipt = erasureReceipt.parse(await response.json());
    expect(receipt).toMatchObject({ participant: leaving.participantId, sessions: 2, events: 8 });

    const after = (await exportEvents(collector.url, collector.researcherToken, study.id)) as {
      participant: string;
    }[];
    expect(after).toHaveLength(4);
    expect(after.every((line) => line.participant === staying.participantId)).toBe(true);
    expect(JSON.stringify(after)).not.toContain(leaving.participantId);
  });

  it('refuses further uploads from an erased participant, and erasing again is harmless', async () => {
    const leaving = await enroll(collector.url, study);
    await erase(leaving.uploadToken);
    const late = await upload(
      collector.url,
      leaving.uploadToken,
      clickBatch({ study: study.id, consentVersion: study.consent.version }),
    );
    expect(late.status).toBe(401);
    const reconsent = await consent(collector.url, leaving.uploadToken, {
      consentVersion: study.consent.version,
    });
    expect(reconsent.status).toBe(401);
    const again = await erase(leaving.uploadToken);
    expect(again.status).toBe(200);
    expect(erasureReceipt.parse(await again.json())).toMatchObject({ sessions: 0, events: 0 });
  });

  it('replays no stored upload answer once the participant is erased', async () => {
    const leaving = await enroll(collector.url, study);
    const batch = clickBatch({ study: study.id, consentVersion: study.consent.version });
    const idempotencyKey = batchKey(batch);
    const first = await upload(collector.url, leaving.uploadToken, batch, { idempotencyKey });
    expect(first.status).toBe(200);
    await erase(leaving.uploadToken);
    const replay = await upload(collector.url, leaving.uploadToken, batch, { idempotencyKey });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('idempotent-replayed')).toBeNull();
    expect(apiError.parse(await replay.json()).error).toBe('invalid_token');
  });

  it('needs the participant token', async () => {
    const response = await erase(undefined);
    expect(response.status).toBe(401);
    expect(apiError.parse(await response.json()).error).toBe('missing_token');
    expect((await erase('not-a-real-token-0123456789abcdef0123456789')).status).toBe(401);
  });
});
