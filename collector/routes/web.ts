import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';

/** Where `npm run build:web` puts the pages (collector/web/vite.config.ts). */
export const DEFAULT_WEB_DIR = fileURLToPath(
  new URL('../../.output/collector-web', import.meta.url),
);

/**
 * The pages load only their own scripts and styles and talk only to this collector; no
 * inline script or style, no frames, no plugins, no other origin.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A hashed build file name: nothing that could step out of the assets folder. */
const ASSET_NAME = /^[A-Za-z0-9_-]{1,100}\.(js|css)$/;

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>tasktrace</title><p>The collector\'s web pages are not built yet: run <code>npm run build:web</code>, then reload this page.</p></html>\n';

type ManifestEntry = { file?: string; css?: string[]; assets?: string[] };

/**
 * The dashboard (`/`), the annotation page (`/annotate`) and their assets, from the
 * Vite build. An asset is served only if the build's manifest lists it and its name is
 * a plain file name, so no request can reach any other file.
 */
export function webRoutes(options: { webDir?: string | undefined } = {}) {
  const dir = options.webDir ?? DEFAULT_WEB_DIR;
  const app = new Hono();

  const page = async (c: Context, file: string) => {
    pageHeaders(c);
    const html = await readIfThere(path.join(dir, file));
    if (html === undefined) return c.html(NOT_BUILT, 503);
    return c.html(html.toString('utf8'));
  };

  app.get('/', (c) => page(c, 'dashboard.html'));
  app.get('/annotate', (c) => page(c, 'annotate.html'));
  // Browsers ask for it on every page; there is none, and a 404 would litter their console.
  app.get('/favicon.ico', (c) => c.body(null, 204));

  app.get('/assets/:file', async (c) => {
    const name = c.req.param('file');
    const match = ASSET_NAME.exec(name);
    const listed = match ? await listedAssets(dir) : new Set<string>();
    const body = listed.has(`assets/${name}`)
      ? await readIfThere(path.join(dir, 'assets', name))
      : undefined;
    c.header('X-Content-Type-Options', 'nosniff');
    if (!match || body === undefined) {
      c.header('Cache-Control', 'no-store');
      return c.text('Not found\n', 404);
    }
    c.header('Content-Type', CONTENT_TYPES[match[1] as string]);
    // Names carry a content hash: a new build makes new names.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(body));
  });

  return app;
}

function pageHeaders(c: Context): void {
  c.header('Content-Security-Policy', WEB_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  // A rebuild must show at once; the pages are small.
  c.header('Cache-Control', 'no-cache');
}

/** Every file the build's manifest names, relative to the build folder. */
async function listedAssets(dir: string): Promise<Set<string>> {
  const text = await readIfThere(path.join(dir, '.vite', 'manifest.json'));
  const files = new Set<string>();
  if (text === undefined) return files;
  let manifest: Record<string, ManifestEntry>;
  try {
    manifest = JSON.parse(text.toString('utf8')) as Record<string, ManifestEntry>;
  } catch {
    return files;
  }
  for (const entry of Object.values(manifest)) {
    for (const file of [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])]) {
      if (typeof file === 'string') files.add(file);
    }
  }
  return files;
}

async function readIfThere(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
