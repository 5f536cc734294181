import { type ChromiumDriver, launchChromium } from '../tests/e2e/support/launch-chromium';
import { BENCH_EXTENSION } from './paths';

/** Every page the bench serves on 127.0.0.1 is recorded; the same pages on localhost are not. */
export const RECORDED_SITE = 'http://127.0.0.1/*';

/**
 * Chromium with the bench build, recording for oneself (no study, no collector) on
 * 127.0.0.1 at capture level `structure`. The bench build, like the e2e build, lists
 * loopback hosts in its manifest, so adding the site needs no permission prompt.
 */
export async function launchBenchBrowser(): Promise<ChromiumDriver> {
  const driver = await launchChromium({ extensionDir: BENCH_EXTENSION });
  const answers = await driver.extensionPage.evaluate(async (match) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const started = await api.runtime.sendMessage({
      type: 'local/start',
      captureLevel: 'structure',
    });
    const added = await api.runtime.sendMessage({ type: 'local/add-site', match });
    return JSON.stringify([started, added]);
  }, RECORDED_SITE);
  for (const answer of JSON.parse(answers) as { ok: boolean; error?: string }[]) {
    if (!answer.ok) {
      await driver.close();
      throw new Error(`Could not start local recording: ${answer.error}`);
    }
  }
  return driver;
}
