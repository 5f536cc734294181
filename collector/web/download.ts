import { request } from './api';

/** The file name the collector suggests, if it is a plain one. */
function suggestedName(response: Response): string | null {
  const match = response.headers.get('content-disposition')?.match(/filename="([\w.-]+)"/);
  return match?.[1] ?? null;
}

/**
 * Streams a file from the collector with the bearer token, reporting bytes as they come,
 * then hands it to the browser as a download. A stream that breaks off throws: a
 * truncated dataset is never saved as if it were complete.
 */
export async function downloadWithToken(
  path: string,
  token: string,
  fallbackName: string,
  onProgress: (bytes: number) => void,
): Promise<{ file: string; bytes: number }> {
  const response = await request(path, token);
  const file = suggestedName(response) ?? fallbackName;
  const chunks: BlobPart[] = [];
  let bytes = 0;
  if (response.body) {
    const reader = response.body.getReader();
    let painted = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        if (Date.now() - painted > 100) {
          painted = Date.now();
          onProgress(bytes);
        }
      }
    } catch {
      throw new BrokenDownload(bytes);
    }
  }
  onProgress(bytes);
  const url = URL.createObjectURL(new Blob(chunks, { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { file, bytes };
}

export class BrokenDownload extends Error {
  override name = 'BrokenDownload';

  constructor(readonly bytes: number) {
    super(
      'the connection broke off before the end, so nothing was saved (the file would be incomplete). Try again.',
    );
  }
}
