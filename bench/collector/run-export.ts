import { BENCH_STUDY } from './make-batches';
import type { CollectorProcess } from './spawn-collector';

export type ExportRun = { rows: number; seconds: number; baseRss: number; peakRss: number };

/**
 * What the client asks for. `identity` measures the export itself (the bar's "rows/s
 * streamed"); `gzip` is what fetch and browsers ask for by default, so it adds the
 * collector's compression and the client's decompression to the time.
 */
export type ExportEncoding = 'identity' | 'gzip';

/**
 * Streams the whole study as the researcher would, counting lines as they arrive, while
 * the collector's resident memory is sampled: growth is its peak over the baseline
 * taken just before the request.
 */
export async function runExport(
  collector: CollectorProcess,
  token: string,
  encoding: ExportEncoding,
): Promise<ExportRun> {
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
  // fetch decodes a gzip answer itself; with identity the server sends it uncompressed.
  const response = await fetch(`${collector.url}/v1/export?study=${BENCH_STUDY}&format=events`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding },
  });
  if (!response.ok || !response.body) {
    sampling = false;
    await sampler;
    throw new Error(`export: ${response.status} ${await response.text()}`);
  }
  const sent = response.headers.get('content-encoding') ?? 'identity';
  if (sent !== encoding) {
    sampling = false;
    await sampler;
    await response.body.cancel();
    throw new Error(`export: asked for ${encoding}, the collector sent ${sent}`);
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
