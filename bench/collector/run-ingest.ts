import { BENCH_CONSENT, BENCH_STUDY, type PreparedBatch } from './make-batches';

export type IngestRun = { events: number; seconds: number; batchMs: number[] };

async function enroll(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/studies/${BENCH_STUDY}/enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ consentVersion: BENCH_CONSENT, extensionVersion: '0.1.0' }),
  });
  if (response.status !== 201)
    throw new Error(`enrollment: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { uploadToken: string }).uploadToken;
}

/** One uploader: its batches in order, each waiting for the last, as the extension does. */
async function upload(url: string, token: string, batches: PreparedBatch[], batchMs: number[]) {
  for (const batch of batches) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'idempotency-key': batch.key,
      },
      body: new Uint8Array(batch.body),
    });
    const text = await response.text();
    batchMs.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`upload: ${response.status} ${text}`);
  }
}

/** `uploaders` participants upload at once; events per second over the whole run. */
export async function runIngest(url: string, work: PreparedBatch[][]): Promise<IngestRun> {
  const tokens = await Promise.all(work.map(() => enroll(url)));
  const batchMs: number[] = [];
  const started = performance.now();
  await Promise.all(work.map((batches, i) => upload(url, tokens[i] as string, batches, batchMs)));
  const seconds = (performance.now() - started) / 1000;
  const events = work.flat().reduce((sum, batch) => sum + batch.events, 0);
  return { events, seconds, batchMs };
}
