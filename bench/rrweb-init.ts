import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The init script for the rrweb configuration: rrweb's UMD build, then `record()` with
 * inputs masked, keeping every event in page memory so its size can be measured. Two
 * `load` listeners around rrweb's own time its full snapshot, which it takes on load.
 * Init scripts run in every frame, including the blank iframe rrweb makes to find
 * untouched DOM prototypes: recording there too would recurse without end.
 */
export function rrwebInitScript(): string {
  const entry = createRequire(import.meta.url).resolve('rrweb');
  const umd = readFileSync(join(dirname(entry), 'rrweb.umd.min.cjs'), 'utf8');
  return `${umd}
;(function () {
  if (window.top !== window) return;
  var events = [];
  var loadStart = 0;
  window.__rrwebEvents = events;
  window.addEventListener('load', function () { loadStart = performance.now(); });
  rrweb.record({ emit: function (event) { events.push(event); }, maskAllInputs: true });
  window.addEventListener('load', function () { window.__rrwebSnapshotMs = performance.now() - loadStart; });
})();`;
}
