import { existsSync } from 'node:fs';
import { CliError } from '../export/cli-error';

/** Debian's browsers; CHROMIUM_PATH and FIREFOX_PATH point elsewhere. */
export function browserPath(name: 'chromium' | 'firefox'): string {
  const path =
    name === 'chromium'
      ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    const variable = name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new CliError(
      `No ${name} at ${path}. Install Debian's ${pkg} package (apt-get install ${pkg}), or set ${variable} to the browser's executable.`,
    );
  }
  return path;
}
