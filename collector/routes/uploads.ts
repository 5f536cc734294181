import { Hono } from 'hono';
import { type UploadBatch, type UploadResponse, uploadBatch } from '../../lib/schema';
import type { AppDeps } from '../app';
import type { Participant } from '../db/store';
import { isUnstorableText } from '../db/unstorable-text';
import { ApiFailure } from '../http/api-failure';
import { authenticateParticipant } from '../http/authenticate-participant';
import { parseBody } from '../http/parse-body';
import { MAX_SEQ, MAX_UPLOAD_BYTES } from '../limits';

/**
 * Uploads are idempotent: events are unique on (session, seq), so a retried batch, with
 * or without the same Idempotency-Key, stores nothing twice. The key is accepted for
 * clients and proxies but not needed here.
 */
export function uploadsRoutes(deps: Pick<AppDeps, 'store'>) {
  const app = new Hono();

  app.post('/', async (c) => {
    // Authenticate before reading the body: unknown callers get no decompression work.
    const participant = await authenticateParticipant(deps.store, c.req.header('authorization'));
    const batch = await parseBody(c.req.raw, uploadBatch, {
      maxBytes: MAX_UPLOAD_BYTES,
      invalid: {
        code: 'invalid_batch',
        message:
          'The batch does not match the upload schema, so none of it was stored. Fix the fields listed in issues; unknown keys are never accepted.',
      },
    });
    checkBatchFitsParticipant(batch, participant);

    const owner = await deps.store.claimSession({
      id: batch.session.id,
      participantId: participant.id,
      studyId: participant.studyId,
      startedAt: batch.session.startedAt,
    });
    if (owner !== participant.id) {
      throw new ApiFailure(
        409,
        'session_conflict',
        `Session ${batch.session.id} belongs to another participant. Start a new session with a fresh random id.`,
      );
    }

    let accepted: number;
    try {
      accepted = await deps.store.insertEvents({
        sessionId: batch.session.id,
        participantId: participant.id,
        studyId: participant.studyId,
        extensionVersion: batch.extensionVersion,
        consentVersion: batch.consentVersion,
        events: batch.events,
      });
    } catch (error) {
      if (!isUnstorableText(error)) throw error;
      throw new ApiFailure(
        400,
        'unstorable_text',
        'The batch holds text the database cannot store (a NUL character or a lone UTF-16 surrogate); nothing was stored. Remove it from the events and upload again.',
      );
    }
    const response: UploadResponse = { accepted, duplicates: batch.events.length - accepted };
    return c.json(response, 200);
  });

  return app;
}

function checkBatchFitsParticipant(batch: UploadBatch, participant: Participant): void {
  if (batch.study !== participant.studyId) {
    throw new ApiFailure(
      403,
      'wrong_study',
      `This token belongs to study "${participant.studyId}", but the batch is for study "${batch.study}". Upload each study's events with that study's token.`,
    );
  }
  // Every stored event is stamped with the consent version; it must be one the participant gave.
  if (!participant.consentVersions.includes(batch.consentVersion)) {
    throw new ApiFailure(
      409,
      'consent_mismatch',
      `The batch says consent version ${batch.consentVersion}, but this participant agreed to ${describeVersions(participant.consentVersions)} only. Upload events with the token of the enrollment they were recorded under, or agree to the study's current consent first (POST /v1/participants/me/consents).`,
    );
  }
  const issues = batch.events.flatMap((event, index) =>
    event.seq > MAX_SEQ ? [`events.${index}.seq: must be at most ${MAX_SEQ}`] : [],
  );
  if (issues.length > 0) {
    throw new ApiFailure(
      400,
      'invalid_batch',
      'The batch has sequence numbers too large to store; none of it was stored.',
      issues,
    );
  }
}

function describeVersions(versions: string[]): string {
  if (versions.length === 0) return 'no consent version';
  return `${versions.length === 1 ? 'version' : 'versions'} ${versions.join(', ')}`;
}
