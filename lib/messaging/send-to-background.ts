import { browser } from 'wxt/browser';
import type { PageResponses } from './page-responses';
import type { PageMessage, Result } from './protocol';

/**
 * Sends a page request to the background and unwraps its result or throws its error.
 * The answer's type is the protocol table's (page-responses.ts).
 */
export async function sendToBackground<M extends PageMessage>(
  message: M,
): Promise<PageResponses[M['type']]> {
  const result = (await browser.runtime.sendMessage(message)) as
    | Result<PageResponses[M['type']]>
    | undefined;
  if (!result) throw new Error('The extension did not answer. Reload the page and try again.');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
