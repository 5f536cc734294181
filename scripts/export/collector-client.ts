import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { apiError } from '../../lib/schema';
import { CliError } from './cli-error';

/** How long the collector may stay silent (connecting, or mid-download) before giving up. */
const IDLE_TIMEOUT_MS = 60_000;

/** Error bodies are small JSON; anything longer is not the collector's. */
const MAX_ERROR_BODY = 64 * 1024;

export interface CollectorClient {
  /** A 200 answer, its body still to read; anything else throws a CliError that explains it. */
  get(path: string, options?: { gzip?: boolean }): Promise<IncomingMessage>;
  /** A 200 JSON answer, parsed. */
  json(path: string): Promise<unknown>;
}

/**
 * Plain node:http rather than fetch: the CLI decides itself when to decompress, and a
 * connection cut mid-download surfaces as an error on the body, never as a clean end.
 */
export function collectorClient(base: string, token: string, study: string): CollectorClient {
  const get = (path: string, options: { gzip?: boolean } = {}) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const url = new URL(`${base}${path}`);
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (options.gzip) headers['Accept-Encoding'] = 'gzip';
      const client = url.protocol === 'https:' ? https : http;
      const request = client.get(url, { headers }, (response) => {
        if (response.statusCode === 200) resolve(response);
        else readFailure(response).then((failure) => reject(explain(failure, base, study)), reject);
      });
      request.setTimeout(IDLE_TIMEOUT_MS, () =>
        request.destroy(
          new CliError(
            `The collector at ${base} stopped answering for ${IDLE_TIMEOUT_MS / 1000} s. Check that it is running and not overloaded, then run the export again.`,
          ),
        ),
      );
      request.on('error', (error) => reject(unreachable(error, base)));
    });

  return {
    get,
    async json(path) {
      const response = await get(path);
      const text = await readText(response, Number.POSITIVE_INFINITY);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new CliError(
          `The collector at ${base} answered ${path} with something that is not JSON: is --collector a tasktrace collector?`,
        );
      }
    },
  };
}

interface Failure {
  status: number;
  code: string | undefined;
  message: string;
  issues: string[];
}

async function readFailure(response: IncomingMessage): Promise<Failure> {
  const text = await readText(response, MAX_ERROR_BODY).catch(() => '');
  const parsed = apiError.safeParse(safeJson(text));
  return {
    status: response.statusCode ?? 0,
    code: parsed.success ? parsed.data.error : undefined,
    message: parsed.success ? parsed.data.message : response.statusMessage || 'no explanation',
    issues: parsed.success ? (parsed.data.issues ?? []) : [],
  };
}

function explain(failure: Failure, base: string, study: string): CliError {
  const said = `${failure.message}${failure.code ? ` (${failure.code})` : ''}`;
  switch (failure.status) {
    case 401:
      return new CliError(
        `The collector refused the researcher token: ${said}\nCheck the token in TASKTRACE_RESEARCHER_TOKEN (or --token).`,
      );
    case 403:
      return new CliError(
        `This token may not export: ${said}\nUse a researcher token (an annotator token cannot export).`,
      );
    case 404:
      return failure.code === 'unknown_study'
        ? new CliError(
            `The collector at ${base} has no study "${study}". Check --study against the study files the collector was started with (the dashboard lists them).`,
          )
        : new CliError(
            `The collector at ${base} has no export endpoint here (${failure.status}): is --collector the address of a tasktrace collector?`,
          );
    case 400:
      return new CliError(
        `The collector refused the request: ${failure.issues.length > 0 ? failure.issues.map((issue) => `\n  ${flagName(issue)}`).join('') : said}\nSee: npm run export -- --help`,
        2,
      );
    default:
      return new CliError(
        `The collector answered ${failure.status}: ${said}\nTry again later; the collector's log says more.`,
      );
  }
}

/** Query parameter names as the CLI's flags: `from: …` becomes `--from: …`. */
function flagName(issue: string): string {
  return issue.replace(/^(from|to|annotated|format|study):/, '--$1:');
}

function unreachable(error: Error, base: string): Error {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new CliError(
    `Could not reach the collector at ${base}${code ? ` (${code})` : ''}: ${error.message}\nIs it running (npm run collector) and is --collector its address?`,
  );
}

function readText(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) response.destroy(new Error('answer too large'));
      else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
