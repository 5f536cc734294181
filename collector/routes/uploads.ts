import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type UploadBatch, type UploadResponse, uploadBatch } from '../../lib/schema';
import { MAX_SEQ, MAX_UPLOAD_BYTES } from '../common/limits';
import type { Logger } from '../common/log';
import type { EventBatch, IdempotencyKeyRef, Participant, Store, UploadNotes } from '../db/store';
import { isUnstorableText } from '../db/unstorable-text';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { authenticateParticipant, invalidToken } from '../http/authenticate-participant';
import { idempotencyKey } from '../http/idempotency-key';
import { parseHashedBody } from '../http/parse-body';
import type { Study } from '../studies/load-studies';
import { keepWithinConsent } from '../studies/within-consent';

/**
 * Uploads follow the Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header):
 * every request names its batch with a key, scoped to the participant. A repeat of an
 * answered request (same key, same decompressed body) gets the stored answer again with
 * `Idempotent-Replayed: true`; the same key with another body is refused (422); a repeat
 * while the first is still in flight is told to retry (409). Only 2xx answers are kept:
 * after a failure the key is freed. Events stay unique on (session, seq) underneath, so
 * even the same batch under a new key stores nothing twice.
 *
 * What is stored is what the study's consent covers, whatever the extension sent (see
 * within-consent.ts): names and labels are stripped below capture level `labels`, and
 * events from pages the study does not certainly allow are dropped; the answer counts
 * both (`stripped`, `dropped`). The key's body hash is of the request as sent, so a
 * replay of the same batch is still recognised.
 */
export function uploadsRoutes(deps: Pick<AppDeps, 'store' | 'studies'> & { logger: Logger }) {
  const app = new Hono();

  app.post('/', async (c) => {
    // Authenticate before reading the body: unknown callers get no decompression work.
    const participant = await authenticateParticipant(deps.store, c.req.header('authorization'));
    const key = idempotencyKey(c.req.header('idempotency-key'));
    const { value: batch, sha256 } = await parseHashedBody(c.req.raw, uploadBatch, {
      maxBytes: MAX_UPLOAD_BYTES,
      invalid: {
        code: 'invalid_batch',
        message:
          'The batch does not match the upload schema, so none of it was stored. Fix the fields listed in issues; unknown keys are never accepted.',
      },
    });

    const ref: IdempotencyKeyRef = { participantId: participant.id, key };
    const claim = await deps.store.claimIdempotencyKey({ ...ref, requestHash: sha256 });
    switch (claim.kind) {
      case 'answered':
        return c.json(
          claim.answer.body as UploadResponse,
          claim.answer.status as ContentfulStatusCode,
          { 'Idempotent-Replayed': 'true' },
        );
      case 'in-flight':
        throw new ApiFailure(
          409,
          'idempotency_key_in_use',
          'An upload with this Idempotency-Key is still being processed; this request stored nothing. Retry shortly with the same key and body.',
        ).withHeaders({ 'Retry-After': '1' });
      case 'other-body':
        throw new ApiFailure(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different body; nothing was stored. Use a new key for a different batch.',
        );
      case 'erased':
        throw invalidToken();
      case 'claimed':
        break;
    }

    let stored: StoredBatch;
    try {
      stored = await storeBatch(deps, batch, participant, ref);
      if (!stored.answered) {
        await deps.store.completeIdempotencyKey(ref, { status: 200, body: stored.response });
      }
    } catch (error) {
      // Failures are not kept for replay: free the key so a retry is processed afresh.
      // Should the release fail too, the claim's lease frees the key later.
      await deps.store.releaseIdempotencyKey(ref).catch(() => undefined);
      throw error;
    }
    logRemoved(deps.logger, participant.studyId, batch.events.length, stored.response);
    return c.json(stored.response, 200);
  });

  return app;
}

interface StoredBatch {
  response: UploadResponse;
  /** Whether the key's answer was stored with the events already. */
  answered: boolean;
}

/**
 * A batch for a session the participant already has (all but a session's first) takes
 * one statement, which stores the key's answer too; the first batch claims its session,
 * then inserts.
 */
async function storeBatch(
  deps: { store: Store; studies: ReadonlyMap<string, Study> },
  batch: UploadBatch,
  participant: Participant,
  ref: IdempotencyKeyRef,
): Promise<StoredBatch> {
  const { store } = deps;
  checkBatchFitsParticipant(batch, participant);
  const study = studyOf(deps.studies, participant);
  const consented = keepWithinConsent(study, batch.events);
  const notes: UploadNotes = {};
  if (consented.stripped > 0) notes.stripped = consented.stripped;
  if (consented.dropped > 0) notes.dropped = consented.dropped;
  const events: EventBatch = {
    sessionId: batch.session.id,
    participantId: participant.id,
    studyId: participant.studyId,
    extensionVersion: batch.extensionVersion,
    consentVersion: batch.consentVersion,
    events: consented.events,
  };
  const answer = (accepted: number): UploadResponse => ({
    accepted,
    duplicates: consented.events.length - accepted,
    ...notes,
  });

  const known = await storable(store.insertSessionEvents(events, ref, notes));
  if (known.owner === participant.id) return { response: answer(known.accepted), answered: true };
  if (known.owner !== undefined) throw sessionConflict(batch.session.id);
  // Nothing left to store: no session is opened for it (it would hold no events).
  if (consented.events.length === 0) return { response: answer(0), answered: false };

  const owner = await store.claimSession({
    id: batch.session.id,
    participantId: participant.id,
    studyId: participant.studyId,
    startedAt: batch.session.startedAt,
  });
  // Erased between authentication and now: the token no longer counts.
  if (owner === undefined) throw invalidToken();
  if (owner !== participant.id) throw sessionConflict(batch.session.id);
  return { response: answer(await storable(store.insertEvents(events))), answered: false };
}

/** One line for a stored batch the collector had to cut down: counts only, never content. */
function logRemoved(logger: Logger, study: string, events: number, answer: UploadResponse): void {
  if (!answer.stripped && !answer.dropped) return;
  logger('warn', 'upload outside consent', {
    study,
    events,
    stripped: answer.stripped ?? 0,
    dropped: answer.dropped ?? 0,
  });
}

/** The participant's study as this collector runs it now; without it nothing can be checked. */
function studyOf(studies: ReadonlyMap<string, Study>, participant: Participant): Study {
  const study = studies.get(participant.studyId);
  if (study) return study;
  throw new ApiFailure(
    404,
    'unknown_study',
    `Study "${participant.studyId}" is no longer on this collector, so nothing can be stored for it. Ask the researcher for the study's new link.`,
  );
}

function sessionConflict(sessionId: string): ApiFailure {
  return new ApiFailure(
    409,
    'session_conflict',
    `Session ${sessionId} belongs to another participant. Start a new session with a fresh random id.`,
  );
}

/** The database's refusal of text it cannot store, as the client's 400. */
async function storable<T>(inserting: Promise<T>): Promise<T> {
  try {
    return await inserting;
  } catch (error) {
    if (!isUnstorableText(error)) throw error;
    throw new ApiFailure(
      400,
      'unstorable_text',
      'The batch holds text the database cannot store (a NUL character or a lone UTF-16 surrogate); nothing was stored. Remove it from the events and upload again.',
    );
  }
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
