import { parseArgs } from 'node:util';
import { CliError } from '../export/cli-error';
import { missingFlags } from '../missing-flags';
import { siteOrigin } from './replay-args';

export const CONVERT_USAGE = `Usage: npm run convert -- --in FILE --to playwright|recorder --out DIR [options]

Writes one file per episode of an episodes export (episodes.jsonl) into DIR:
  --to playwright  <episode>.mjs: a standalone Node script that replays the episode with
                   playwright-core in Chromium. Slots are variables: TASKTRACE_SLOT_<KIND>,
                   or a JSON values file (--values FILE or TASKTRACE_VALUES when it runs),
                   or made-up defaults; TASKTRACE_BASE_URL names the site.
  --to recorder    <episode>.json: a Chrome DevTools Recorder recording, replayable with
                   @puppeteer/replay (npx @puppeteer/replay FILE) and importable in Chrome's
                   Recorder panel. A recording holds values: the slots are filled now, from
                   --values or the defaults.
Prints one line per episode: CONVERT <episode id> <file> <steps written>/<steps>, and why
when a script stops early (a gap, a tab step, a step without a selector).

Options:
  --in FILE        the episodes file
  --to FORMAT      playwright or recorder
  --out DIR        where to write (created if missing)
  --base-url URL   the site the scripts open (default: the origin the episode was recorded on)
  --values FILE    recorder only: a JSON object of values keyed by field kind
                   ({ "email": "a@b.example", "select": "FR" }); defaults fill the rest
  -h, --help       this text
`;

export type ConvertArgs = {
  input: string;
  to: 'playwright' | 'recorder';
  out: string;
  baseUrl: string | undefined;
  values: string | undefined;
};

/** The command line, or `help`; a mistake throws a CliError with exit code 2. */
export function parseConvertArgs(args: string[]): ConvertArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        in: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        values: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (values.help) return 'help';
  const missing = missingFlags(values, ['in', 'to', 'out']);
  if (missing) throw usageError(missing);
  const to = String(values.to);
  if (to !== 'playwright' && to !== 'recorder') {
    throw usageError(`--to must be playwright or recorder, not "${to}".`);
  }
  if (values.values && to === 'playwright') {
    throw usageError(
      '--values is for --to recorder: a Playwright script reads its values when it runs (node FILE --values values.json).',
    );
  }
  return {
    input: String(values.in),
    to,
    out: String(values.out),
    baseUrl: values['base-url'] ? siteOrigin(String(values['base-url']), 'convert') : undefined,
    values: values.values as string | undefined,
  };
}

function usageError(message: string): CliError {
  return new CliError(`${message}\nSee: npm run convert -- --help`, 2);
}
