import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureLevel, eventLine, type TraceEvent } from '../../lib/schema';
import { sessionActions } from '../../lib/trace/to-actions';
import { convertSteps } from '../../scripts/replay/convert-steps';
import { DEFAULT_VALUES } from '../../scripts/replay/default-values';
import { toPlaywrightScript } from '../../scripts/replay/to-playwright';
import { toRecorderFlow } from '../../scripts/replay/to-recorder-json';
import { pointIn } from './support/center-of';
import type { Driver, PageHandle } from './support/driver';
import { launchChromium } from './support/launch-chromium';
import { launchFirefox } from './support/launch-firefox';
import { waitForEvents } from './support/read-extension-db';
import { dumpExtensionStorage } from './support/read-extension-storage';
import { readMessageLog } from './support/read-message-log';
import { type CanaryStack, startCanaryStack } from './support/start-canary-stack';

/**
 * The canary suite: fixture pages plant one unique secret in every place a recorder
 * could leak it; a scripted session interacts with all of them; then every byte that
 * left the pages — each message the background received, everything the extension
 * stores, and the collector's export — is searched for the secret. The same run
 * checks that each event kind was recorded with the right descriptor.
 */
const LAUNCHERS = { chromium: () => launchChromium(), firefox: () => launchFirefox() } as const;
const RUNS = (['chromium', 'firefox'] as const).flatMap((browser) =>
  (['structure', 'labels'] as const).map((level) => [browser, level] as const),
);

/**
 * Name-like secrets names.html plants in a path, an id, a class and link text: no pattern
 * recognises them, only the fail-closed rule (structural words only) keeps them out.
 */
const NAME_SECRETS = ['zebulon', 'quillfeather', 'marie-zoe', 'chlamydia', 'biopsy'];

const sel = (testId: string) => `[data-testid="${testId}"]`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(RUNS)(
  'canary suite in %s at capture level %s',
  (browserName, level: CaptureLevel) => {
    // Token-like on purpose: at level `labels`, label text holding it must become `<token>`.
    const secret = `tt7${randomBytes(12).toString('hex')}`;
    const study = `canary-${level}`;
    let stack: CanaryStack;
    let driver: Driver;
    let site: PageHandle;
    let fileDir: string;
    let events: TraceEvent[] = [];
    let main: string;

    beforeAll(async () => {
      stack = await startCanaryStack(secret);
      main = stack.fixtures.mainOrigin;
      driver = await LAUNCHERS[browserName]();
      fileDir = await mkdtemp(join(tmpdir(), 'tasktrace-canary-files-'));
      const onboarding = driver.extensionPage;
      await onboarding.fillByLabel('Study link', `${stack.collectorUrl}/v1/studies/${study}`);
      await onboarding.clickButton('Join study');
      await onboarding.clickButton('I agree');
      await onboarding.waitForText('You joined');
      site = await driver.newPage();
    });

    afterAll(async () => {
      await driver?.close();
      await stack?.close();
      if (fileDir) await rm(fileDir, { recursive: true, force: true });
    });

    it('runs a scripted session over every leak path', async () => {
      // Fields: typed into, picked, toggled, submitted.
      await site.goto(`${main}/canary/fields.html`);
      await site.click(sel('controlled'));
      await site.typeText('more');
      await site.click(sel('notes'));
      await site.typeText(secret);
      await site.click(sel('pw'));
      await site.typeText(secret);
      await site.click(sel('show-password'));
      await site.click(sel('pw'));
      await site.typeText('visible');
      // A real key press on the select: automation's selectOption fires untrusted events.
      await site.evaluate(
        (selector) => (document.querySelector(selector) as HTMLElement).focus(),
        sel('sel'),
      );
      await site.press('ArrowUp');
      await site.click(sel('radio'));
      await site.click(sel('checkbox'));
      await site.click(sel('decorated'));
      await site.typeText('x');
      await site.click(sel('aria-labelled'));
      await site.typeText('y');
      for (const id of [
        'ce-true',
        'ce-empty',
        'ce-plain',
        'cc-number',
        'cc-csc',
        'otp',
        'current-pw',
      ]) {
        await site.click(sel(id));
        await site.typeText(secret);
      }
      await site.click(sel('seventeen'));
      await site.typeText('abcdefghijklmnopq');
      await site.click('[name^="n-"]');
      await site.typeText('z');
      for (const host of ['open-host', 'closed-host']) {
        // On the label's text: activating the label focuses the field inside the shadow root.
        const point = await pointIn(site, sel(host), { x: 8, y: 8 });
        await site.clickAt(point.x, point.y);
        await site.typeText(secret);
      }
      await site.click(sel('submit'));

      // Clicks on content, clipboard, files, requests.
      await site.goto(`${main}/canary/clicks.html`);
      for (const id of [
        'email-span',
        'submit-input',
        'mailto',
        'svg-icon',
        'mixed',
        'img',
        'canvas',
      ]) {
        await site.click(sel(id));
      }
      await site.evaluate((selector) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(selector) as Node);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }, sel('copy-source'));
      await site.press('Control+c');
      await site.click(sel('paste-target'));
      await site.press('Control+v');
      await site.click(sel('cut-source'));
      await site.press('Control+a');
      await site.press('Control+x');
      const file = join(fileDir, `${secret}.txt`);
      await writeFile(file, secret);
      await site.setFiles(sel('file'), file);
      await site.click(sel('send-requests'));
      await site.waitForText('done');
      await site.clickWith(sel('double'), { clicks: 2 });
      await site.clickWith(sel('menu'), { button: 'right' });
      await site.press('Escape');

      // Addresses: query, fragment, pushState, hash, identifiers in the path, scrolling, keys.
      await site.goto(`${main}/canary/nav.html?q=${secret}&sort=price#${secret}`);
      await site.click(sel('push'));
      await site.click(sel('replace'));
      await site.click(sel('hash'));
      const scroller = await pointIn(site, sel('scroller'));
      await site.wheel(scroller.x, scroller.y, 300);
      await site.wheel(5, 5, 800);
      await site.press('PageDown');
      await site.press('Tab');
      await site.click(sel('new-tab'));
      await pause(500);
      await site.bringToFront();
      await site.click(sel('path-link'));
      await site.waitForText('A plain page');
      await site.click(sel('plain-button'));
      await site.goto(`${main}/canary/excluded/page.html?${secret}`);
      await site.click(sel('plain-button'));

      // Names: a hyphenated full name in an id and a class, a name and a mail subject as
      // link text, a medical search and a first name in the path.
      await site.goto(`${main}/canary/names.html`);
      await site.click('#msg-from-marie-zoe-quillfeather');
      await site.click(sel('name-link'));
      await site.click(sel('search-link'));
      await site.waitForText('A plain page');
      await site.goto(`${main}/canary/names.html`);
      await site.click(sel('name-path-link'));
      await site.waitForText('A plain page');

      // Frames: a foreign frame in an allowed page, and an allowed frame in a foreign page.
      await site.goto(`${main}/canary/frames.html`);
      for (const frame of ['foreign-frame', 'own-frame']) {
        const button = await pointIn(site, sel(frame), { x: 100, y: 20 });
        await site.clickAt(button.x, button.y);
        const input = await pointIn(site, sel(frame), { x: 100, y: 55 });
        await site.clickAt(input.x, input.y);
        await site.typeText(secret);
      }
      await site.goto(`${stack.fixtures.otherOrigin}/canary/frames-reverse.html`);
      const reverse = await pointIn(site, sel('allowed-frame'), { x: 100, y: 20 });
      await site.clickAt(reverse.x, reverse.y);

      // Tabs: a second tab joins the session, then the first is switched back to and the second closed.
      const second = await driver.newPage();
      await second.goto(`${main}/canary/page.html`);
      await second.click(sel('plain-button'));
      await site.goto(`${main}/canary/page.html`);
      await site.bringToFront();
      await second.close();

      // The last click proves the pipeline has caught up with everything before it.
      await site.click(sel('plain-button'));
      await pause(600);
      events = await waitForEvents(
        driver.extensionPage,
        (all) =>
          all.filter((event) => event.kind === 'tab' && event.action === 'closed').length > 0,
      );

      await driver.openExtensionPage('popup.html');
      await driver.extensionPage.clickButton('Upload now');
      await driver.extensionPage.waitForText('Everything is uploaded.', 60_000);
      expect(stack.fixtures.echoed()).toBe(2);
    });

    it('leaks the secret nowhere: messages, IndexedDB, storage, export', async () => {
      const { indexedDb, storage } = await dumpExtensionStorage(driver.extensionPage);
      const messages = await readMessageLog(driver.extensionPage);
      expect(messages.length).toBeGreaterThan(20);
      const exported = await stack.exportText(study);
      expect(exported.split('\n').filter(Boolean).length).toBeGreaterThan(20);
      // The whole session as one episode, as the episodes export makes one of a task, and
      // converted to a Playwright script and a Recorder file: none may carry the secret.
      const exportedEvents = exported
        .split('\n')
        .filter(Boolean)
        .map((line) => eventLine.parse(JSON.parse(line)).event);
      const observed = exportedEvents.filter((event) => event.kind === 'observation');
      expect(observed.length).toBeGreaterThan(0);
      const last = exportedEvents.at(-1)?.seq ?? 0;
      const [whole] = sessionActions(exportedEvents, [{ start: 0, end: last }]);
      expect(whole?.actions.length).toBeGreaterThan(10);
      const episode = { id: 'canary:0', goal: null, ...whole! };
      const converted = convertSteps(episode);
      const places = {
        messages: messages.join('\n'),
        indexedDb,
        storage: JSON.stringify(storage),
        export: exported,
        collectorLog: stack.collectorLog.join('\n'),
        episode: JSON.stringify(episode),
        playwright: toPlaywrightScript(converted, 'http://127.0.0.1:1'),
        recorder: JSON.stringify(toRecorderFlow(converted, 'http://127.0.0.1:1', DEFAULT_VALUES)),
      };
      for (const [place, text] of Object.entries(places)) {
        for (const planted of [secret, ...NAME_SECRETS]) {
          expect(
            text.toLowerCase().includes(planted.toLowerCase()),
            `${planted} found in ${place}`,
          ).toBe(false);
        }
      }
    });

    describe('records every event kind with the right descriptor', () => {
      const on = (testId: string) => (event: TraceEvent) =>
        'target' in event &&
        typeof event.target === 'object' &&
        event.target?.selector === sel(testId);
      const kinds = (testId: string) => events.filter(on(testId)).map((event) => event.kind);

      it('clicks, double clicks and context menus', () => {
        const click = events.find((event) => event.kind === 'click' && on('email-span')(event));
        expect(click).toMatchObject({ target: { tag: 'span' }, button: 0, clicks: 1 });
        const svg = events.find((event) => event.kind === 'click' && on('svg-button')(event));
        expect(svg).toMatchObject({ target: { tag: 'button', role: 'button' } });
        expect(kinds('double')).toContain('dblclick');
        const menu = events.find((event) => event.kind === 'contextmenu');
        expect(menu).toMatchObject({ button: 2, target: { selector: sel('menu') } });
      });

      it('focus and one edit per burst, with field kinds and no lengths', () => {
        const edits = (testId: string) =>
          events.filter((event) => event.kind === 'edit' && on(testId)(event));
        expect(edits('seventeen')).toHaveLength(1);
        expect(events.filter((event) => event.kind === 'key' && on('seventeen')(event))).toEqual(
          [],
        );
        expect(edits('pw').map((event) => event.kind === 'edit' && event.target.field)).toEqual([
          'password',
          'password',
        ]);
        for (const [id, field] of [
          ['ce-true', 'contenteditable'],
          ['ce-empty', 'contenteditable'],
          ['ce-plain', 'contenteditable'],
          ['cc-number', 'cc-number'],
          ['cc-csc', 'cc-csc'],
          ['otp', 'one-time-code'],
          ['current-pw', 'password'],
          ['notes', 'textarea'],
        ] as const) {
          expect(
            edits(id).map((event) => event.kind === 'edit' && event.target.field),
            id,
          ).toEqual([field]);
        }
        expect(kinds('cc-number')).toContain('focus');
      });

      it('edits inside open and closed shadow roots, with the shadow-host path', () => {
        for (const mode of ['open', 'closed']) {
          const edit = events.find(
            (event) => event.kind === 'edit' && on(`${mode}-shadow-input`)(event),
          );
          expect(edit, mode).toMatchObject({
            target: { tag: 'input', shadow: [sel(`${mode}-host`)] },
          });
        }
      });

      it('changes of picked fields, never to what', () => {
        for (const [id, field] of [
          ['sel', 'select'],
          ['radio', 'radio'],
          ['checkbox', 'checkbox'],
          ['file', 'file'],
        ] as const) {
          const change = events.find((event) => event.kind === 'change' && on(id)(event));
          expect(change, id).toMatchObject({ target: { field } });
        }
      });

      it('a submit with the count of fields by kind', () => {
        const submit = events.find((event) => event.kind === 'submit');
        expect(submit).toMatchObject({
          target: { tag: 'form', selector: sel('canary-form') },
          fields: { password: 2, select: 1, radio: 1, checkbox: 1, textarea: 1, 'cc-number': 1 },
        });
      });

      it('named keys and chords', () => {
        const keys = events.flatMap((event) =>
          event.kind === 'key' ? [`${event.mods.join('+')}:${event.key}`] : [],
        );
        expect(keys).toEqual(
          expect.arrayContaining([':Escape', ':PageDown', ':Tab', 'ctrl:c', 'ctrl:v']),
        );
      });

      it('copy, cut and paste, and nothing of what was on the clipboard', () => {
        const actions = events.flatMap((event) =>
          event.kind === 'clipboard' ? [event.action] : [],
        );
        expect(actions).toEqual(expect.arrayContaining(['copy', 'paste', 'cut']));
      });

      it('scrolls of the page and of an element', () => {
        const scrolls = events.filter((event) => event.kind === 'scroll');
        expect(
          scrolls.some(
            (event) => event.kind === 'scroll' && event.target === sel('scroller') && event.y > 0,
          ),
        ).toBe(true);
        expect(
          scrolls.some(
            (event) => event.kind === 'scroll' && event.target === undefined && event.y > 0,
          ),
        ).toBe(true);
      });

      it('history, hash changes and loads, with scrubbed addresses', () => {
        const history = events.flatMap((event) => (event.kind === 'history' ? [event.method] : []));
        expect(history).toEqual(expect.arrayContaining(['push', 'replace']));
        expect(events.some((event) => event.kind === 'hashchange')).toBe(true);
        const loads = events.filter((event) => event.kind === 'navigation');
        const paths = loads.map((event) => event.kind === 'navigation' && event.page.path);
        expect(paths).toEqual(
          expect.arrayContaining([
            '/canary/fields.html',
            '/canary/nav.html',
            '/canary/u/:email/orders/:id/:uuid/:token',
            '/canary/names.html',
            '/canary/search/:text',
            '/canary/people/:text',
          ]),
        );
        const navPage = loads.find(
          (event) => event.kind === 'navigation' && event.page.path === '/canary/nav.html',
        );
        expect(navPage).toMatchObject({ page: { queryKeys: ['sort'] } });
      });

      it('tabs opened, switched and closed, by session-local index', () => {
        const actions = events.flatMap((event) => (event.kind === 'tab' ? [event.action] : []));
        expect(actions).toEqual(expect.arrayContaining(['opened', 'switched', 'closed']));
        for (const event of events) if ('tab' in event) expect(event.tab).toBeLessThan(10);
      });

      it('frames: allowed frames with their path; nothing from foreign frames or excluded pages', () => {
        const inner = events.filter(on('inner-button'));
        expect(inner.length).toBeGreaterThan(0);
        for (const event of inner) {
          expect(event).toMatchObject({
            frame: [1],
            page: { origin: main, path: '/canary/frame-inner.html' },
          });
        }
        const origins = new Set(
          events.flatMap((event) => ('page' in event && event.page ? [event.page.origin] : [])),
        );
        expect([...origins]).toEqual([main]);
        expect(
          events.some(
            (event) => 'page' in event && event.page?.path.startsWith('/canary/excluded'),
          ),
        ).toBe(false);
      });

      it(`observes each page's interface, naming parts only at labels (${level})`, () => {
        const observations = events.filter((event) => event.kind === 'observation');
        expect(observations.length).toBeGreaterThan(0);
        expect(observations.some((event) => event.full && event.nodes.length > 5)).toBe(true);
        const names = observations.flatMap((event) =>
          event.nodes.flatMap((node) => (node.name ? [node.name] : [])),
        );
        if (level === 'structure') expect(names).toEqual([]);
        else expect(names).toContain('Double click me');
        // Actions name the observation they were taken against.
        const grounded = events.filter((event) => 'at' in event && event.at);
        expect(grounded.length).toBeGreaterThan(0);
      });

      it(`names controls only at capture level labels (${level})`, () => {
        const named = events.filter(
          (event) => 'target' in event && typeof event.target === 'object' && event.target?.name,
        );
        if (level === 'structure') {
          expect(named).toEqual([]);
          return;
        }
        const double = events.find((event) => event.kind === 'dblclick');
        expect(double).toMatchObject({ target: { name: 'Double click me' } });
        const notes = events.find((event) => event.kind === 'edit' && on('notes')(event));
        expect(notes).toMatchObject({ target: { name: 'Notes' } });
        const aria = events.find((event) => event.kind === 'edit' && on('aria-labelled')(event));
        expect(aria).toMatchObject({ target: { name: expect.stringContaining('<token>') } });
        const nameLink = events.find((event) => event.kind === 'click' && on('name-link')(event));
        expect(nameLink).toMatchObject({ target: { name: 'Message from <text>' } });
        const subject = events.find((event) => event.kind === 'click' && on('search-link')(event));
        expect(subject).toMatchObject({ target: { name: 'Re: your <text> results' } });
        const person = events.find(
          (event) => event.kind === 'click' && on('name-path-link')(event),
        );
        expect(person).toMatchObject({ target: { name: '<text>' } });
        const radio = events.find((event) => event.kind === 'click' && on('radio')(event));
        expect(radio?.kind === 'click' ? radio.target.name : undefined).toBeUndefined();
      });
    });
  },
);
