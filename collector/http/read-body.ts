import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ApiFailure } from './api-failure';

const gunzipAsync = promisify(gunzip);

/**
 * The request body's bytes, gunzipped if sent with `Content-Encoding: gzip`. The cap
 * applies to the bytes on the wire and again to the decompressed bytes, so a small
 * gzip bomb is stopped by zlib before it fills memory.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiFailure(
      415,
      'unsupported_encoding',
      `Content-Encoding "${encoding}" is not supported: send the body as gzip or uncompressed.`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const raw = await readCapped(request, maxBytes);
  return encoding === 'gzip' ? await gunzipCapped(raw, maxBytes) : raw;
}

async function readCapped(request: Request, maxBytes: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function gunzipCapped(raw: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new ApiFailure(
      400,
      'invalid_gzip',
      'The body says Content-Encoding: gzip but could not be decompressed; send valid gzip or drop the header.',
    );
  }
}

function tooLarge(maxBytes: number): ApiFailure {
  return new ApiFailure(
    413,
    'body_too_large',
    `The request body is larger than ${describeSize(maxBytes)} once decompressed; nothing was stored. Send less at a time (uploads: split the batch).`,
    // The rest of the body may still be on its way, unread: the connection cannot be reused.
  ).withHeaders({ Connection: 'close' });
}

function describeSize(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes >= mib ? `${+(bytes / mib).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
}
