import { request } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface SendOptions {
  method?: string;
  token?: string;
  /** JSON-encoded unless a string or bytes; sent as is. */
  body?: unknown;
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null;
  gzip?: boolean;
  headers?: Record<string, string>;
}

/** One request exactly as a hostile or careless client might send it. */
export function send(url: string, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  let body: Uint8Array | string | undefined;
  if (options.body !== undefined) {
    body =
      typeof options.body === 'string' || options.body instanceof Uint8Array
        ? options.body
        : JSON.stringify(options.body);
    if (options.gzip) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    const contentType =
      options.contentType === undefined ? 'application/json' : options.contentType;
    // fetch() labels a string body text/plain by itself; bytes go without a type.
    if (contentType === null) body = Buffer.from(body);
    else headers['Content-Type'] = contentType;
  }
  return fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
  });
}

/** A GET with the path exactly as given: fetch() would resolve `..` before sending. */
export function rawGet(
  base: string,
  rawPath: string,
): Promise<{ status: number; contentType: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
