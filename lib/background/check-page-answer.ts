import { type PageResponses, pageResponses } from '../messaging/page-responses';
import type { PageMessage } from '../messaging/protocol';

/**
 * In test builds, every answer is parsed with its request's schema before it leaves the
 * background, so an answer that drifts from the protocol fails the end-to-end suites
 * rather than a page. Production builds skip it: the answer never leaves the extension,
 * and a review session can hold a hundred thousand steps.
 */
export function checkPageAnswer<K extends PageMessage['type']>(
  type: K,
  answer: PageResponses[K],
): PageResponses[K] {
  if (import.meta.env?.MODE !== 'e2e') return answer;
  const parsed = pageResponses[type].safeParse(answer);
  if (!parsed.success) {
    throw new Error(`The answer to ${type} does not match its schema: ${parsed.error.message}`);
  }
  return answer;
}
