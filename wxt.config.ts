import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Production builds request sites only at runtime (optional_host_permissions).
// The e2e build (`--mode e2e`) also lists loopback hosts so automated tests can
// grant them without a permission prompt nobody can answer. The benchmarks' build
// (bench/wxt.config.ts) reuses this config, with the e2e build's manifest.
type AliasList = { find: string | RegExp; replacement: string }[];

function normalizeAliases(alias: unknown): AliasList {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias as AliasList;
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({
    find,
    replacement,
  }));
}

const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // A separate output folder lets several builds of the working tree coexist (one per
  // developer task); tests read the same variable (tests/e2e/support/paths.ts).
  outDir: process.env.TASKTRACE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, mode }) => ({
    name: 'tasktrace',
    description:
      'Record consented task traces for research studies. Only sites you grant, never what you type.',
    // `idle` (auto-pause after the volunteer is away) shows no install warning.
    // activeTab: the popup may read the address of the tab it was opened on, and no other.
    permissions: ['storage', 'scripting', 'webNavigation', 'alarms', 'idle', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOSTS } : {}),
    // Private windows are never recorded: the extension does not run there at all.
    incognito: 'not_allowed',
    action: { default_title: 'tasktrace' },
    // Alt+Shift+P is free in Chromium and Firefox, and both accept it as a suggested key.
    commands: {
      'toggle-recording': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Pause or resume recording',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tasktrace@tasktrace.invalid',
              strict_min_version: '128.0',
              // Interactions on granted sites are website activity; nothing else is collected.
              data_collection_permissions: { required: ['websiteActivity'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      // The recorder (an unlisted script the background registers as a content script)
      // runs in every granted frame, so its bundle must stay small. It only
      // sends messages and listens without answering, which both browsers' native
      // promise-based APIs do identically; pages and the background keep the polyfill.
      if (entrypoints.every((entrypoint) => entrypoint.type === 'unlisted-script')) {
        viteConfig.resolve ??= {};
        viteConfig.resolve.alias = [
          { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' },
          ...normalizeAliases(viteConfig.resolve.alias),
        ];
      }
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // The recorder is registered at runtime for granted sites only; WXT leaves an
      // empty array behind that would read as "content scripts everywhere" to a reviewer.
      if (Array.isArray(manifest.content_scripts) && manifest.content_scripts.length === 0) {
        delete manifest.content_scripts;
      }
    },
  },
});
