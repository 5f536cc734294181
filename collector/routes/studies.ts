import { Hono } from 'hono';
import { type EnrollmentResponse, enrollmentRequest, enrollmentResponse } from '../../lib/schema';
import { MAX_ENROLLMENT_BYTES } from '../common/limits';
import { hashToken, newParticipantId, newSecretToken } from '../common/tokens';
import { ApiFailure } from '../http/api-failure';
import type { AppDeps } from '../http/app-deps';
import { parseBody } from '../http/parse-body';
import { studyIdParam } from '../http/study-id-param';
import type { Study } from '../studies/load-studies';
import { toManifest } from '../studies/to-manifest';

/** The public study manifest, and joining a study. */
export function studiesRoutes(deps: Pick<AppDeps, 'store' | 'studies' | 'publicUrl'>) {
  const app = new Hono();

  function findStudy(param: string): Study {
    const id = studyIdParam(param);
    const study = deps.studies.get(id);
    if (!study) {
      throw new ApiFailure(
        404,
        'unknown_study',
        `There is no study "${id}" on this collector. Check the study link you were given.`,
      );
    }
    return study;
  }

  app.get('/:id', (c) => c.json(toManifest(findStudy(c.req.param('id')), deps.publicUrl())));

  app.post('/:id/enrollments', async (c) => {
    const study = findStudy(c.req.param('id'));
    const request = await parseBody(c.req.raw, enrollmentRequest, {
      maxBytes: MAX_ENROLLMENT_BYTES,
      invalid: {
        code: 'invalid_enrollment',
        message:
          'The enrollment request must be { consentVersion, extensionVersion } and nothing else.',
      },
    });
    if (request.consentVersion !== study.consent.version) {
      throw new ApiFailure(
        409,
        'consent_changed',
        `The consent for study "${study.id}" is now version ${study.consent.version}, not ${request.consentVersion}. Reload the study link, read the consent again and agree to it to join.`,
      );
    }
    const uploadToken = newSecretToken();
    const participantId = newParticipantId();
    await deps.store.createParticipant({
      id: participantId,
      studyId: study.id,
      tokenHash: hashToken(uploadToken),
      consentVersion: request.consentVersion,
      extensionVersion: request.extensionVersion,
    });
    const body: EnrollmentResponse = enrollmentResponse.parse({
      participantId,
      uploadToken,
      study: toManifest(study, deps.publicUrl()),
    });
    return c.json(body, 201);
  });

  return app;
}
