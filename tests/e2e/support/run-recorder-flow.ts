import { readFile } from 'node:fs/promises';
import { createRunner, PuppeteerRunnerExtension, parse } from '@puppeteer/replay';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH } from './paths';

/**
 * Replays a Chrome DevTools Recorder recording with @puppeteer/replay in a fresh headless
 * Chromium, as a researcher would; whether it ran to the end, and the address it ended on.
 */
export async function runRecorderFlow(file: string): Promise<{ ok: boolean; url: URL }> {
  const flow = parse(JSON.parse(await readFile(file, 'utf8')));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const runner = await createRunner(
      flow,
      new PuppeteerRunnerExtension(browser, page, { timeout: 15_000 }),
    );
    const ok = await runner.run();
    return { ok, url: new URL(page.url()) };
  } finally {
    await browser.close();
  }
}
