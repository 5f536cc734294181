import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUTPUT = new URL(`../../../${process.env.TASKTRACE_OUT_DIR ?? '.output'}/`, import.meta.url);
export const CHROME_EXTENSION = fileURLToPath(new URL('chrome-mv3-e2e', OUTPUT));
export const FIREFOX_EXTENSION = fileURLToPath(new URL('firefox-mv3-e2e', OUTPUT));
export const STUDIES = fileURLToPath(new URL('../../../studies', import.meta.url));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
