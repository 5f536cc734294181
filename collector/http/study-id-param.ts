import { studyFile } from '../../lib/schema';
import { ApiFailure } from './api-failure';

/**
 * A study id from a path or query, checked against the study file schema before any
 * lookup: `../`, `%2e%2e`, slashes and oversized values never get further than this.
 */
export function studyIdParam(value: string): string {
  const result = studyFile.shape.id.safeParse(value);
  if (!result.success) {
    throw new ApiFailure(
      400,
      'invalid_study_id',
      `${JSON.stringify(value.slice(0, 64))} is not a study id: study ids are 2 to 63 lowercase letters, digits and dashes, such as "demo", as in the study link.`,
    );
  }
  return result.data;
}
