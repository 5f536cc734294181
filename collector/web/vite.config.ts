import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The collector's web UI (dashboard at `/`, annotation at `/annotate`): two HTML pages
 * with hashed assets in `.output/collector-web/`, which `collector/routes/web.ts` serves.
 * The manifest lists every asset, so the collector serves those files and nothing else.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: here('../../.output/collector-web'),
    emptyOutDir: true,
    manifest: true,
    // No inline scripts or data: URLs, so the pages run under a strict CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // lib/schema only defines zod schemas: a page that uses none of them (these use its
      // types and its plain helpers) ships no zod, and zod's eval probe never meets the CSP.
      treeshake: { moduleSideEffects: (id) => !id.includes('/lib/schema/') },
      input: {
        dashboard: here('dashboard.html'),
        annotate: here('annotate.html'),
      },
      output: {
        chunkFileNames: 'assets/shared-[hash].js',
        assetFileNames: 'assets/styles-[hash][extname]',
      },
    },
  },
});
