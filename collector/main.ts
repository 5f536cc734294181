import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from './common/config-error';
import { RESEARCHER_TOKEN_ENV } from './common/researcher-token';
import { type RunningCollector, startCollector } from './start-collector';
import { runTokenCommand } from './token-commands';

const USAGE = `Usage:
  npm run collector -- [--port 8787] [--data ./data] [--studies ./studies] [--host 127.0.0.1] [--public-url URL]
  npm run collector -- token [--data ./data]     print the researcher token (creating it if needed)
  npm run collector -- token create --role annotator|researcher [--label NAME] [--data ./data]
                                                 make an access token; printed once, stored hashed
  npm run collector -- token list [--data ./data]          id, role, label, created, revoked
  npm run collector -- token revoke ID [--data ./data]     the collector refuses it from then on
Storage: embedded PGlite in --data, or PostgreSQL when DATABASE_URL is set
(postgres://USER:PASSWORD@HOST:5432/DATABASE); several collectors may share one PostgreSQL.
With embedded storage, the token commands that touch the database (create, list, revoke)
need the collector stopped.`;

/** Set: PostgreSQL, shared by every collector given it. Unset or empty: embedded PGlite. */
const DATABASE_URL_ENV = 'DATABASE_URL';

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
      role: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(values.data);
  const databaseUrl = process.env[DATABASE_URL_ENV] || undefined;
  const [command, ...extra] = positionals;
  if (command === 'token') {
    await runTokenCommand(
      extra,
      {
        dataDir,
        databaseUrl,
        role: values.role,
        label: values.label,
        env: process.env[RESEARCHER_TOKEN_ENV],
      },
      { out: (line) => console.log(line), note: (line) => console.error(line) },
    );
    return;
  }
  if (command !== undefined || values.role !== undefined || values.label !== undefined) {
    const unexpected = command ?? (values.role !== undefined ? '--role' : '--label');
    throw new ConfigError(`Unexpected argument "${unexpected}".\n${USAGE}`);
  }

  const collector = await startCollector({
    port: parsePort(values.port),
    host: values.host,
    dataDir,
    databaseUrl,
    studiesDir: path.resolve(values.studies),
    publicUrl: values['public-url'],
    log: (line) => console.log(line),
  });
  stopOnSignals(collector);
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
