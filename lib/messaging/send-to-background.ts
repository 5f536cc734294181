import { browser } from 'wxt/browser';
import type { PageMessage, Result } from './protocol';

/** Sends a page request to the background and unwraps its result or throws its error. */
export async function sendToBackground<T>(message: PageMessage): Promise<T> {
  const result = (await browser.runtime.sendMessage(message)) as Result<T> | undefined;
  if (!result) throw new Error('The extension did not answer. Reload the page and try again.');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
