import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BARS } from './bars';
import { PRODUCTION_COPY } from './paths';
import { info, judge } from './results';
import type { BenchSuite } from './suite';

const gzipAsync = promisify(gzip);

/** Part 6: the content script of the production build, as the browser loads it. */
export const bundleSuite: BenchSuite = {
  parts: [6],
  title: 'Content-script bundle size',
  async run() {
    const file = join(PRODUCTION_COPY, 'recorder.js');
    const bundle = await readFile(file);
    const gzipped = (await gzipAsync(bundle, { level: 9 })).length;
    return [
      {
        part: 6,
        title: 'Content-script bundle',
        figures: [
          judge('recorder content script, minified', bundle.length, 'B', BARS.bundle),
          info('recorder content script, gzipped', gzipped, 'B'),
        ],
        notes: [
          'The production Chromium build (`wxt build`, written aside to `.output/bench-production` so a test run reading `.output/chrome-mv3` is never disturbed); 1 KB = 1,000 bytes.',
        ],
        data: { bytes: bundle.length, gzipBytes: gzipped },
      },
    ];
  },
};
