import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startCollector } from '../collector/start-collector';
import { serveDemoSite } from '../demo/serve-demo-site';

// `npm start`: everything a newcomer needs to try tasktrace on one machine.
const COLLECTOR_PORT = Number(process.env.TASKTRACE_PORT ?? 8787);
const DEMO_PORT = Number(process.env.TASKTRACE_DEMO_PORT ?? 8788);
const root = path.resolve(import.meta.dirname, '..');

function step(text: string) {
  console.log(`\n▸ ${text}`);
}

async function main() {
  step('Building the extension for Chromium and Firefox, and the collector pages…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error(
      'The extension build failed (see above). Fix the error and run npm start again.',
    );
  }

  step('Starting the collector…');
  const collector = await startCollector({
    port: COLLECTOR_PORT,
    dataDir: path.join(root, 'data'),
    studiesDir: path.join(root, 'studies'),
    log: (line) => console.log(`  ${line}`),
  });
  const site = await serveDemoSite({ port: DEMO_PORT });

  console.log(`
tasktrace is running.

  Collector      ${collector.url}   (data in ./data)
  Demo shop      ${site.url}/shop/
  Study link     ${collector.url}/v1/studies/demo
  Dashboard      ${collector.url}/           (enter the researcher token)
  Annotation     ${collector.url}/annotate   (an annotator or the researcher token)

Next steps
  1. Load the extension:
     Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked",
               choose ${path.join('.output', 'chrome-mv3')}
     Firefox:  open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…",
               choose ${path.join('.output', 'firefox-mv3', 'manifest.json')}
  2. On the page the extension opens, paste the study link above, press "Join study",
     read the consent screen and press "I agree" (the browser asks to allow 127.0.0.1).
  3. Use the demo shop at ${site.url}/shop/ — the toolbar button shows what is recorded,
     pauses, and uploads.
  4. Export what was uploaded (data, JSON Schema, datasheet and manifest) into ./export:
     TASKTRACE_RESEARCHER_TOKEN=$(npm run --silent collector -- token) \\
       npm run export -- --collector ${collector.url} --study demo --out ./export

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await Promise.allSettled([site.close(), collector.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `A port is already in use (collector ${COLLECTOR_PORT}, demo shop ${DEMO_PORT}). Stop the other process, or set TASKTRACE_PORT / TASKTRACE_DEMO_PORT.`,
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
