import { parseArgs } from 'node:util';
import { CliError } from '../export/cli-error';
import { missingFlags } from '../missing-flags';

export const REPLAY_USAGE = `Usage: npm run replay -- --episodes FILE --base-url URL [options]

Replays each episode of an episodes export (episodes.jsonl) in a fresh browser and
prints one line per episode:
  REPLAY <episode id> ok|fail <final path> <steps replayed>/<steps>
followed by how its targets were found and, for a failure, why. Exits with 1 when
any episode fails. Each step's progress goes to stderr.

Options:
  --episodes FILE   the episodes file (npm run export -- --format episodes writes one)
  --base-url URL    the site to replay on, e.g. http://127.0.0.1:8788 (it stands in for
                    the origin the episodes were recorded on; paths come from them)
  --values FILE     a JSON object of the values to fill in, keyed by field kind:
                    { "email": "a@b.example", "select": "FR", "checkbox": "on" }
                    (the dataset holds no values; made-up defaults fill the rest)
  --browser NAME    chromium (Playwright, the default) or firefox (WebDriver BiDi)
  --timeout MS      how long a step may wait for its page or target (default 8000)
  --quiet           no progress on stderr
  -h, --help        this text

Browsers: Debian's chromium and firefox-esr; CHROMIUM_PATH and FIREFOX_PATH point
elsewhere.
`;

export type ReplayArgs = {
  episodes: string;
  baseUrl: string;
  values: string | undefined;
  browser: 'chromium' | 'firefox';
  timeoutMs: number;
  quiet: boolean;
};

/** The command line, or `help`; a mistake throws a CliError with exit code 2. */
export function parseReplayArgs(args: string[]): ReplayArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        episodes: { type: 'string' },
        'base-url': { type: 'string' },
        values: { type: 'string' },
        browser: { type: 'string', default: 'chromium' },
        timeout: { type: 'string', default: '8000' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (values.help) return 'help';
  const missing = missingFlags(values, ['episodes', 'base-url']);
  if (missing) throw usageError(missing);
  const browser = String(values.browser);
  if (browser !== 'chromium' && browser !== 'firefox') {
    throw usageError(`--browser must be chromium or firefox, not "${browser}".`);
  }
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100) {
    throw usageError(
      `--timeout must be a number of milliseconds (100 or more), not "${values.timeout}".`,
    );
  }
  return {
    episodes: String(values.episodes),
    baseUrl: siteOrigin(String(values['base-url']), 'replay'),
    values: values.values as string | undefined,
    browser,
    timeoutMs,
    quiet: values.quiet === true,
  };
}

/** An http(s) URL reduced to its origin; a path, query or fragment is a mistake. */
export function siteOrigin(text: string, command: 'replay' | 'convert'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(
      `--base-url must be a URL such as http://127.0.0.1:8788, not "${text}".`,
      command,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--base-url must be an http: or https: URL, not "${text}".`, command);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw usageError(
      `--base-url must be the site's origin only (such as ${url.origin}): the paths come from the episodes.`,
      command,
    );
  }
  return url.origin;
}

function usageError(message: string, command: 'replay' | 'convert' = 'replay'): CliError {
  return new CliError(`${message}\nSee: npm run ${command} -- --help`, 2);
}
