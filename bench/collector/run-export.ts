import { BENCH_STUDY } from './make-batches';
import type { CollectorProcess } from './spawn-collector';

export type ExportRun = { rows: number; seconds: number; baseRss: number; peakRss: number };

/**
 * Streams the whole study as the researcher would, counting lines as they arrive, while
 * the collector's resident memory is sampled: growth is its peak over the idle baseline.
 */
export async function runExport(collector: CollectorProcess, token: string): Promise<ExportRun> {
  const baseRss = await collector.rss();
  let peakRss = baseRss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, await collector.rss());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const response = await fetch(`${collector.url}/v1/export?study=${BENCH_STUDY}&format=events`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok || !response.body) {
    sampling = false;
    await sampler;
    throw new Error(`export: ${response.status} ${await response.text()}`);
  }
  let rows = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  return { rows, seconds, baseRss, peakRss };
}
