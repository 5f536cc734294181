import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './config-error';
import { RESEARCHER_TOKEN_ENV, resolveResearcherToken } from './researcher-token';
import { type RunningCollector, startCollector } from './start-collector';

const USAGE = `Usage:
  npm run collector -- [--port 8787] [--data ./data] [--studies ./studies] [--host 127.0.0.1] [--public-url URL]
  npm run collector -- token [--data ./data]     print the researcher token (creating it if needed)`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      studies: { type: 'string', default: './studies' },
      'public-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(values.data);
  const [command, ...extra] = positionals;
  if (extra.length > 0 || (command !== undefined && command !== 'token')) {
    throw new ConfigError(`Unexpected argument "${extra[0] ?? command}".\n${USAGE}`);
  }
  if (command === 'token') {
    await printToken(dataDir);
    return;
  }

  const collector = await startCollector({
    port: parsePort(values.port),
    host: values.host,
    dataDir,
    studiesDir: path.resolve(values.studies),
    publicUrl: values['public-url'],
    log: (line) => console.log(line),
  });
  stopOnSignals(collector);
}

async function printToken(dataDir: string): Promise<void> {
  const token = await resolveResearcherToken({ dataDir, env: process.env[RESEARCHER_TOKEN_ENV] });
  if (token.source === 'created') console.error(`created a new researcher token in ${token.file}`);
  if (token.source === 'env') console.error(`(from ${RESEARCHER_TOKEN_ENV})`);
  console.log(token.token);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new ConfigError(`--port ${value} is not a port number (0–65535; 0 picks a free one).`);
  }
  return port;
}

function stopOnSignals(collector: RunningCollector): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now", even if a request is still draining.
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping the collector…`);
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Setup mistakes are the operator's to fix: the message is enough, a stack trace is noise. */
function explain(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return 'The port is already in use: stop the other process or pick another --port.';
  if (code === 'EACCES')
    return 'Not allowed to listen on that port or host: pick a port above 1023.';
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return `${(error as Error).message}\n${USAGE}`;
  }
  return undefined;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(explain(error) ?? error);
  process.exit(1);
});
