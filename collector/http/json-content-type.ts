import { ApiFailure } from './api-failure';

/**
 * Every body the API reads is JSON, and must say so. Besides catching mistakes (a form
 * post, a file upload), it keeps web pages out: a page may send a `text/plain` POST to
 * any origin without asking, but `application/json` makes the browser ask first (a CORS
 * preflight), which only the extension passes.
 */
export function requireJsonContentType(header: string | null): void {
  const [mediaType = '', ...params] = (header ?? '').split(';').map((part) => part.trim());
  const charset = params
    .map((param) => param.match(/^charset\s*=\s*"?([^"]*)"?$/i)?.[1])
    .find((value) => value !== undefined);
  const isJson = mediaType.toLowerCase() === 'application/json';
  const isUtf8 = charset === undefined || /^utf-?8$/i.test(charset);
  if (isJson && isUtf8) return;
  const got = header
    ? `this request said "${header.slice(0, 100)}"`
    : 'this request had no Content-Type';
  throw new ApiFailure(
    415,
    'unsupported_media_type',
    `Send the body as UTF-8 JSON with "Content-Type: application/json"; ${got}. Nothing was stored.`,
  );
}
