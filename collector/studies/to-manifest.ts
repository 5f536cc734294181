import { type StudyManifest, studyManifest } from '../../lib/schema';
import { ConfigError } from '../common/config-error';
import { formatIssues } from '../common/format-issues';
import type { Study } from './load-studies';

/**
 * The study as served to the extension. Uploads go to the study's own endpoint if it
 * names one, else to this collector.
 */
export function toManifest(study: Study, publicUrl: string): StudyManifest {
  const result = studyManifest.safeParse({ ...study, endpoint: study.endpoint ?? publicUrl });
  if (!result.success) {
    throw new ConfigError(
      `Study "${study.id}" cannot be served: ${formatIssues(result.error).join('; ')}. ` +
        'Give the collector a --public-url that extensions can reach (https:, or http: on loopback), or set "endpoint" in the study file.',
    );
  }
  return result.data;
}
