import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/schema';
import { missingFlags } from '../missing-flags';
import { CliError } from './cli-error';

export const TOKEN_ENV = 'TASKTRACE_RESEARCHER_TOKEN';

export interface ExportOptions {
  /** Without a trailing slash; may have a path, for a collector behind a proxy. */
  collector: string;
  study: string;
  out: string;
  format: ExportFormat;
  from: string | undefined;
  to: string | undefined;
  annotated: boolean;
  token: string;
}

/** The command line, or `help` when asked for; a mistake throws a CliError with exit code 2. */
export function parseExportArgs(
  args: string[],
  env: Record<string, string | undefined>,
): ExportOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        collector: { type: 'string' },
        study: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'events' },
        from: { type: 'string' },
        to: { type: 'string' },
        annotated: { type: 'boolean', default: false },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (values.help) return 'help';

  const missing = missingFlags(values, ['collector', 'study', 'out']);
  if (missing) throw usageError(missing);
  const format = String(values.format);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`--format must be ${EXPORT_FORMATS.join(' or ')}, not "${format}".`);
  }
  const token = (values.token as string | undefined) ?? env[TOKEN_ENV];
  if (!token) {
    throw new CliError(
      `No researcher token. Set ${TOKEN_ENV} (or pass --token). Print the token on the collector's machine with: npm run collector -- token --data <data folder>`,
      2,
    );
  }
  return {
    collector: collectorUrl(String(values.collector)),
    study: String(values.study),
    out: String(values.out),
    format: format as ExportFormat,
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    annotated: values.annotated === true,
    token,
  };
}

function collectorUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--collector must be a URL such as http://127.0.0.1:8787, not "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--collector must be an http: or https: URL, not "${text}".`);
  }
  if (url.search || url.hash) {
    throw usageError('--collector must not have a query or fragment.');
  }
  return url.href.replace(/\/+$/, '');
}

function usageError(message: string): CliError {
  return new CliError(`${message}\nSee: npm run export -- --help`, 2);
}
