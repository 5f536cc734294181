import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_EXTENSION = fileURLToPath(
  new URL('../../../.output/chrome-mv3-e2e', import.meta.url),
);
export const FIREFOX_EXTENSION = fileURLToPath(
  new URL('../../../.output/firefox-mv3-e2e', import.meta.url),
);
export const STUDIES = fileURLToPath(new URL('../../../studies', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
