import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OUTBOX_PREFIX } from '../../lib/messaging/recorder-outbox';
import {
  BEFORE_SETTINGS,
  RECORDER_SETTINGS_KEY,
  type RecorderSettings,
} from '../../lib/messaging/recorder-settings';
import { runContentRecorder } from '../../lib/messaging/run-content-recorder';
import { sitePatterns } from '../../lib/privacy/site-patterns';
import { trusted } from './support/record';

type Posted = {
  events: { cseq: number; v: string; draft: { kind: string; page: { path: string } } }[];
};

function settings(overrides: Partial<RecorderSettings> = {}): RecorderSettings {
  const allowlist = [
    { match: `${location.origin.replace(/:\d+$/, '')}/*`, excludePaths: ['/account/*'] },
  ];
  return {
    v: 'v1',
    record: true,
    captureLevel: 'structure',
    testIdAttributes: ['data-testid'],
    routeTemplates: ['/items/:item'],
    queryKeys: [],
    allowlist,
    sites: sitePatterns(allowlist),
    words: ['shop', 'items'],
    ...overrides,
  };
}

let posted: Posted[];
let controller: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  posted = [];
  (globalThis as { tasktraceRecorder?: unknown }).tasktraceRecorder = undefined;
  const port = {
    postMessage: (text: string) => posted.push(JSON.parse(text) as Posted),
    disconnect: () => undefined,
    onMessage: { addListener: () => undefined },
    onDisconnect: { addListener: () => undefined },
  };
  fakeBrowser.runtime.connect = vi.fn(() => port) as never;
  history.replaceState(null, '', '/shop');
  document.body.innerHTML = '<button data-testid="go">Go</button>';
  controller = new AbortController();
});
afterEach(() => controller.abort());

const click = () =>
  document
    .querySelector('button')!
    .dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
// Observations of the page's skeleton are sent too; their own tests are observe-interface*.
const sent = () =>
  posted.flatMap((message) => message.events).filter((event) => event.draft.kind !== 'observation');

describe('the content recorder', () => {
  it('holds what happens before its settings are read, then sends it under them', async () => {
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings() });
    history.replaceState(null, '', '/items/alice');
    const running = runContentRecorder(undefined, controller);
    click();
    await Promise.resolve();
    expect(sent()).toEqual([]);
    await running;
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({
      v: 'v1',
      draft: { kind: 'click', page: { path: '/items/:item' } },
    });
  });

  it('follows every change of its settings, and records nothing once they are removed', async () => {
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings() });
    await runContentRecorder(undefined, controller);
    click();
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings({ v: 'v2' }) });
    click();
    await fakeBrowser.storage.local.set({
      [RECORDER_SETTINGS_KEY]: settings({ v: 'v3', record: false }),
    });
    click();
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings({ v: 'v4' }) });
    await fakeBrowser.storage.local.remove(RECORDER_SETTINGS_KEY);
    click();
    await vi.waitFor(() => expect(sent().map((event) => event.v)).toEqual(['v1', 'v2']));
  });

  it('records nothing on an excluded path reached without a load, and again once it leaves', async () => {
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings() });
    await runContentRecorder(undefined, controller);
    for (const path of ['/account/x', '/Account/x', '/%61ccount/x', '/shop/..//account/./x/']) {
      history.pushState(null, '', path);
      click();
    }
    history.pushState(null, '', '/shop');
    click();
    await vi.waitFor(() => expect(sent()).not.toEqual([]));
    expect(JSON.stringify(sent())).not.toMatch(/ccount/i);
    expect(sent().filter((event) => event.draft.kind === 'click')).toHaveLength(1);
  });

  it('leaves its events in the outbox until the background has answered', async () => {
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings() });
    await runContentRecorder(undefined, controller);
    click();
    await vi.waitFor(async () => {
      const stored = await fakeBrowser.storage.local.get(null);
      const outbox = Object.entries(stored).filter(([key]) => key.startsWith(OUTBOX_PREFIX));
      expect(outbox).toHaveLength(1);
      // With the page's observation, made before or after the click as time allows.
      expect(outbox[0]?.[1]).toMatchObject({
        top: true,
        events: expect.arrayContaining([
          expect.objectContaining({ v: 'v1', draft: expect.objectContaining({ kind: 'click' }) }),
        ]),
      });
    });
  });

  it('leaves what it held to the outbox when the page goes before its settings are read', async () => {
    await fakeBrowser.storage.local.set({ [RECORDER_SETTINGS_KEY]: settings() });
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    // The browser is slow to answer: the settings' read is still out when the page goes.
    fakeBrowser.storage.local.get = vi.fn((keys: unknown) =>
      keys === RECORDER_SETTINGS_KEY ? new Promise(() => undefined) : read(keys as never),
    ) as never;
    onTestFinished(() => {
      fakeBrowser.storage.local.get = read;
    });
    history.replaceState(null, '', '/items/alice');
    void runContentRecorder(undefined, controller);
    click();
    window.dispatchEvent(trusted(new PageTransitionEvent('pagehide', { persisted: false })));
    await vi.waitFor(async () => {
      const stored = await read(null);
      const [outbox] = Object.entries(stored).filter(([key]) => key.startsWith(OUTBOX_PREFIX));
      const clicks = (outbox?.[1] as Posted | undefined)?.events.filter(
        (event) => event.draft.kind === 'click',
      );
      // Made at the strictest level: no route template, no words, no test id, and said so.
      expect(clicks).toEqual([
        expect.objectContaining({
          v: BEFORE_SETTINGS,
          draft: expect.objectContaining({
            page: { origin: location.origin, path: '/:text/:text' },
          }),
        }),
      ]);
      expect(JSON.stringify(clicks)).not.toContain('data-testid');
    });
  });

  it('records nothing without settings', async () => {
    await runContentRecorder(undefined, controller);
    click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent()).toEqual([]);
  });
});
