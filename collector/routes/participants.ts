import { Hono } from 'hono';
import { type ConsentReceipt, consentRequest, type ErasureReceipt } from '../../lib/schema';
import { MAX_CONSENT_BYTES } from '../common/limits';
import type { Logger } from '../common/log';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { authenticateParticipant } from '../http/authenticate-participant';
import { parseBody } from '../http/parse-body';

/** What a participant does about themselves; the token says who, nothing else can. */
export function participantsRoutes(deps: Pick<AppDeps, 'store' | 'studies'> & { logger: Logger }) {
  const app = new Hono();

  app.delete('/me', async (c) => {
    const participant = await authenticateParticipant(deps.store, c.req.header('authorization'), {
      allowErased: true,
    });
    const erased = await deps.store.eraseParticipant(participant.id);
    deps.logger('info', 'participant erased', {
      participant: participant.id,
      sessions: erased.sessions,
      events: erased.events,
    });
    const receipt: ErasureReceipt = {
      participant: participant.id,
      erasedAt: new Date().toISOString(),
      ...erased,
    };
    return c.json(receipt);
  });

  // After a study's consent changes, the volunteer agrees again and keeps their token:
  // what they recorded under earlier versions can still be uploaded.
  app.post('/me/consents', async (c) => {
    const participant = await authenticateParticipant(deps.store, c.req.header('authorization'));
    const request = await parseBody(c.req.raw, consentRequest, {
      maxBytes: MAX_CONSENT_BYTES,
      invalid: {
        code: 'invalid_consent',
        message:
          'The consent request must be { consentVersion } and nothing else: the version of the consent the volunteer just agreed to.',
      },
    });
    const study = deps.studies.get(participant.studyId);
    if (!study) {
      throw new ApiFailure(
        404,
        'unknown_study',
        `Study "${participant.studyId}" is no longer on this collector, so there is no consent to agree to. Ask the researcher for the study's new link.`,
      );
    }
    if (request.consentVersion !== study.consent.version) {
      throw new ApiFailure(
        409,
        'consent_changed',
        `The consent for study "${study.id}" is now version ${study.consent.version}, not ${request.consentVersion}. Reload the study link, read the consent again and agree to it to keep taking part.`,
      );
    }
    await deps.store.addConsent(participant.id, request.consentVersion);
    const receipt: ConsentReceipt = {
      participant: participant.id,
      consentVersions: participant.consentVersions.includes(request.consentVersion)
        ? participant.consentVersions
        : [...participant.consentVersions, request.consentVersion],
    };
    return c.json(receipt);
  });

  return app;
}
