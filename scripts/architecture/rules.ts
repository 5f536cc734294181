/**
 * Which part of tasktrace may import which, and why. ARCHITECTURE.md says the same in
 * prose; `npm run lint` runs check-architecture.ts against this table.
 *
 * A part is a folder; a file belongs to the longest part its path starts with. Parts
 * not listed here (tests, bench, scripts, demo) may import anything, and nothing in the
 * product may import them.
 */
export type PartRule = {
  /** Parts this part may import, besides itself. */
  mayImport: readonly string[];
  /** May use the extension API (WXT, the polyfill, the `browser`/`chrome` globals). */
  extensionApi: boolean;
  /** Why the part is bounded so: printed with every violation. */
  why: string;
};

/** Package specifiers that reach the extension API. */
export const EXTENSION_API_PACKAGES = [
  /^wxt($|\/)/,
  /^@wxt-dev\//,
  /^webextension-polyfill$/,
  /^#imports$/,
];

/** Folders that are not the product: they may import it, it may not import them. */
export const OUTSIDE_PRODUCT = ['tests', 'bench', 'scripts', 'demo'];

const PURE = 'runs in pages, the content script and the collector alike';

/** Files at the top of the repository: build and test configuration. */
export const ROOT_PART = '(root)';

export const PARTS: Record<string, PartRule> = {
  [ROOT_PART]: {
    mayImport: [],
    extensionApi: true,
    why: 'build and test configuration, which builds the product and nothing else',
  },
  'lib/schema': {
    mayImport: [],
    extensionApi: false,
    why: 'the one source of truth for every shape; everything imports it, so it imports nothing',
  },
  'lib/trace': {
    mayImport: ['lib/schema'],
    extensionApi: false,
    why: `trace logic the extension and the collector share; it ${PURE}`,
  },
  'lib/privacy': {
    mayImport: ['lib/schema'],
    extensionApi: false,
    why: `the privacy rules, unit-tested as plain code; it ${PURE}`,
  },
  'lib/recorder': {
    mayImport: ['lib/schema', 'lib/privacy'],
    extensionApi: false,
    why: 'plain DOM code in every granted frame: small, unit-testable, no storage',
  },
  'lib/db': {
    mayImport: ['lib/schema', 'lib/trace'],
    extensionApi: false,
    why: 'IndexedDB, written by the background only; it knows nothing of messages or pages',
  },
  'lib/settings': {
    mayImport: ['lib/schema', 'lib/privacy'],
    extensionApi: true,
    why: 'studies, consent and enrollment; below the background, beside the db',
  },
  'lib/upload': {
    mayImport: ['lib/schema', 'lib/db', 'lib/trace'],
    extensionApi: false,
    why: 'batches and the upload queue, driven by the background',
  },
  'lib/messaging': {
    mayImport: ['lib/schema', 'lib/privacy', 'lib/recorder'],
    extensionApi: true,
    why: 'the protocol between pages, recorders and the background; the background implements it, so it may not import the background',
  },
  'lib/background': {
    mayImport: [
      'lib/schema',
      'lib/trace',
      'lib/privacy',
      'lib/db',
      'lib/settings',
      'lib/upload',
      'lib/messaging',
    ],
    extensionApi: true,
    why: 'the service worker: the only writer of IndexedDB and storage',
  },
  components: {
    mayImport: ['lib/schema', 'lib/trace', 'lib/privacy'],
    extensionApi: false,
    why: 'Preact views with data in by props, shared by extension pages and the collector web UI',
  },
  ...Object.fromEntries(
    [
      'entrypoints/popup',
      'entrypoints/options',
      'entrypoints/onboarding',
      'entrypoints/review',
    ].map((page) => [
      page,
      {
        mayImport: [
          'components',
          'lib/schema',
          'lib/trace',
          'lib/privacy',
          'lib/settings',
          'lib/messaging',
        ],
        extensionApi: true,
        why: 'an extension page: it asks the background for data and never opens IndexedDB itself',
      },
    ]),
  ),
  'entrypoints/recorder.ts': {
    mayImport: ['lib/schema', 'lib/privacy', 'lib/recorder', 'lib/messaging'],
    extensionApi: true,
    why: 'the content script in every granted frame: it bundles the recorder and its messages, nothing else',
  },
  entrypoints: {
    mayImport: [
      'components',
      'lib/schema',
      'lib/trace',
      'lib/privacy',
      'lib/recorder',
      'lib/db',
      'lib/settings',
      'lib/upload',
      'lib/messaging',
      'lib/background',
    ],
    extensionApi: true,
    why: 'wiring only: each entrypoint mounts a page or starts the background or the recorder',
  },
  collector: {
    mayImport: ['lib/schema', 'lib/trace', 'lib/privacy', 'components'],
    extensionApi: false,
    why: 'a server and its web UI: it never loads WXT or the extension database',
  },
};
