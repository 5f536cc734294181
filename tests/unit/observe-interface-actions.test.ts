import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS } from '../../lib/recorder/idle-slices';
import { SETTLE_MS } from '../../lib/recorder/observe-interface';
import { SCROLL_SETTLE_MS } from '../../lib/recorder/observe-scroll';
import { type ObservedNode, type PageEventDraft, pageEventDraft } from '../../lib/schema';
import {
  click,
  folded,
  recordInterface,
  settle,
  stubBoxes,
  trustedEvent,
} from './support/record-interface';

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '/shop');
  stubBoxes();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (window as { requestIdleCallback?: unknown }).requestIdleCallback;
  document.body.innerHTML = '';
});

const PAGE = `
  <main>
    <button id="buy"><svg><path></path></svg><span id="icon">Buy</span></button>
    <ul><li><span id="plain">Plain text</span></li></ul>
    <div id="card" tabindex="0"><span id="inside">Card</span></div>
    <form id="form"><input id="email" type="email"><button id="send">Send</button></form>
  </main>`;

type Action = Exclude<PageEventDraft, { kind: 'observation' }>;
const actions = (drafts: PageEventDraft[]) =>
  drafts.filter((draft): draft is Action => draft.kind !== 'observation');
const atOf = (draft: PageEventDraft | undefined) => (draft && 'at' in draft ? draft.at : undefined);

/** The node a reader finds for an action's `at`, by what it is. */
function groundedNode(
  drafts: PageEventDraft[],
  draft: PageEventDraft | undefined,
): ObservedNode | null | undefined {
  const at = atOf(draft);
  if (!at || at.node === null) return at && null;
  const index = drafts.indexOf(draft as PageEventDraft);
  return folded(drafts.slice(0, index)).find((node) => node.id === at.node);
}

describe('actions', () => {
  it('name the latest observation and the control their target is, or is inside', async () => {
    document.body.innerHTML = PAGE;
    const { drafts, observations } = recordInterface();
    await settle();
    const [first] = observations();
    click(document.getElementById('icon')!);
    click(document.getElementById('plain')!);
    click(document.getElementById('inside')!);
    const [onIcon, onText, onCard] = actions(drafts);
    for (const action of [onIcon, onText, onCard]) {
      expect(pageEventDraft.parse(action)).toEqual(action);
      expect(atOf(action)).toMatchObject({ doc: first!.doc, n: 1 });
    }
    expect(groundedNode(drafts, onIcon)).toMatchObject({ tag: 'button', role: 'button' });
    // Plain text inside a list item: the item is not something to act on.
    expect(atOf(onText)?.node).toBeNull();
    // A focusable card is.
    expect(groundedNode(drafts, onCard)).toMatchObject({ tag: 'div', states: ['focusable'] });
    expect(observations()).toHaveLength(1);
  });

  it('of every kind carry the grounding: focus, edit, key, submit, clipboard, scroll', async () => {
    document.body.innerHTML = PAGE;
    const { drafts } = recordInterface();
    await settle();
    const email = document.getElementById('email')!;
    email.dispatchEvent(trustedEvent(new PointerEvent('pointerdown', { bubbles: true })));
    email.dispatchEvent(trustedEvent(new FocusEvent('focusin', { bubbles: true })));
    email.dispatchEvent(trustedEvent(new Event('input', { bubbles: true })));
    email.dispatchEvent(
      trustedEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    document.body.dispatchEvent(
      trustedEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    email.dispatchEvent(trustedEvent(new Event('copy', { bubbles: true })));
    document.getElementById('form')!.dispatchEvent(trustedEvent(new Event('submit')));
    // The page scrolls: its scroll events fire at the document.
    document.dispatchEvent(trustedEvent(new Event('scroll')));
    await vi.advanceTimersByTimeAsync(SCROLL_SETTLE_MS + 10);
    const grounded = actions(drafts).map((draft) => {
      const node = groundedNode(drafts, draft);
      return [draft.kind, node === null ? null : node?.tag];
    });
    expect(grounded).toEqual([
      ['focus', 'input'],
      ['edit', 'input'],
      ['key', 'input'],
      ['key', null],
      ['clipboard', 'input'],
      ['submit', 'form'],
      ['scroll', null],
    ]);
    for (const draft of actions(drafts)) expect(atOf(draft)?.n).toBe(1);
  });

  it('on what the page added before it settled name the observation made for them at once', async () => {
    document.body.innerHTML = PAGE;
    const { drafts, observations } = recordInterface();
    await settle();
    const added = Object.assign(document.createElement('button'), { textContent: 'New' });
    document.querySelector('main')!.append(added);
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 3);
    click(added);
    // The handler walked nothing: observation 1 lacks the button, so the click names the
    // next one, and the button's node in it.
    expect(drafts.map((draft) => draft.kind)).toEqual(['observation', 'click']);
    expect(atOf(drafts[1])).toEqual({
      doc: observations()[0]!.doc,
      n: 2,
      node: expect.any(Number),
    });
    // It comes without waiting for the page to settle, and lists the button.
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 3);
    expect(observations()[1]).toMatchObject({ n: 2, full: false, cause: 'action' });
    expect(observations()[1]!.nodes).toEqual([
      expect.objectContaining({ tag: 'button', id: atOf(drafts[1])?.node }),
    ]);
    // A click on what the latest observation has names it.
    click(document.getElementById('buy')!);
    expect(atOf(drafts.at(-1))).toMatchObject({ n: 2 });
    expect(groundedNode(drafts, drafts.at(-1))).toMatchObject({ tag: 'button' });
    click(added);
    expect(atOf(drafts.at(-1))).toMatchObject({ n: 2, node: atOf(drafts[1])?.node });
    expect(groundedNode(drafts, drafts.at(-1))).toMatchObject({ tag: 'button', parent: 1 });
    // Nothing left to record once the page settles.
    await settle();
    expect(observations()).toHaveLength(2);
  });

  it('right after the page loads name the first observation, being made, and their node in it', async () => {
    document.body.innerHTML = PAGE;
    const { drafts, observations } = recordInterface();
    click(document.getElementById('icon')!);
    expect(drafts.map((draft) => draft.kind)).toEqual(['click']);
    expect(atOf(drafts[0])).toMatchObject({ n: 1, node: expect.any(Number) });
    await settle();
    expect(drafts.map((draft) => draft.kind)).toEqual(['click', 'observation']);
    expect(observations()[0]).toMatchObject({ n: 1, full: true, cause: 'load' });
    const node = observations()[0]!.nodes.find((each) => each.id === atOf(drafts[0])?.node);
    expect(node).toMatchObject({ tag: 'button', role: 'button' });
  });

  it('never walk the page in their own handler, however large it is', async () => {
    document.body.innerHTML = `<main>${'<section><button>x</button></section>'.repeat(200)}</main>`;
    const { drafts, observations } = recordInterface();
    await settle();
    // From now on every look at the clock takes 0.3 ms: a walk of the page takes far
    // longer than an action's budget.
    let clock = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.3));
    const added = Object.assign(document.createElement('button'), { textContent: 'New' });
    document.querySelector('main')!.append(added);
    const clock0 = clock;
    click(added);
    // The handler's own looks at the clock (describing the target), far fewer than a
    // walk of the page's 400 elements takes (one every 16 of them, and one per node).
    expect((clock - clock0) / 0.3).toBeLessThan(15);
    expect(drafts.map((draft) => draft.kind)).toEqual(['observation', 'click']);
    expect(atOf(drafts[1])).toMatchObject({ n: 2, node: expect.any(Number) });
    // The observation it started follows, marked as made for an action.
    await settle(60_000);
    expect(observations()).toHaveLength(2);
    expect(observations()[1]).toMatchObject({ n: 2, cause: 'action' });
    expect(observations()[1]!.nodes).toEqual([
      expect.objectContaining({ tag: 'button', id: atOf(drafts[1])?.node }),
    ]);
  });

  it('are grounded in names as the current capture level has them', async () => {
    document.body.innerHTML = PAGE;
    const { context, observations } = recordInterface();
    await settle();
    expect(observations()[0]!.nodes.some((node) => 'name' in node)).toBe(false);
    context.captureLevel = 'labels';
    click(document.getElementById('buy')!);
    await settle();
    expect(observations()[1]).toMatchObject({ cause: 'action' });
    expect(observations()[1]!.nodes.find((node) => node.tag === 'button')?.name).toBe('Buy');
  });
});

describe('observations are built in slices', () => {
  it('in idle callbacks where the browser has them, each ending by its deadline', async () => {
    const slices: number[] = [];
    const idle = vi.fn((callback: (deadline: IdleDeadline) => void, _options?: unknown) => {
      setTimeout(() => {
        // Idle periods of 3 ms: several slices each, every one its own task.
        const start = performance.now();
        const timeRemaining = () => Math.max(0, start + 3 - performance.now());
        callback({ didTimeout: false, timeRemaining } as IdleDeadline);
        slices.push(performance.now() - start);
      }, 5);
      return 1;
    });
    document.body.innerHTML = '<main></main>';
    const { observations } = recordInterface();
    await settle();
    // From now on the browser has idle callbacks.
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = idle;
    document.querySelector('main')!.innerHTML = '<div><a href="/shop/x">x</a></div>'.repeat(300);
    let clock = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.05));
    await settle(60_000);
    expect(observations()).toHaveLength(2);
    expect(observations()[1]!.nodes).toHaveLength(300);
    // 0.05 ms a look at the clock: the first slice of each period ends after SLICE_MS.
    expect(slices.length).toBeGreaterThan(3);
    // Allowing for the clock being read only every few elements.
    expect(Math.max(...slices)).toBeLessThan(SLICE_MS + 0.5);
    expect(idle.mock.calls[0]?.[1]).toMatchObject({ timeout: expect.any(Number) });
    expect(SLICE_MS).toBeLessThanOrEqual(2);
  });
});

describe('on a page that gives no idle time', () => {
  it('observations go on in short timer tasks once an idle callback times out', async () => {
    // Chromium runs idle callbacks of a background tab only at their timeout.
    const idle = vi.fn(
      (callback: (deadline: IdleDeadline) => void, options?: IdleRequestOptions) => {
        setTimeout(
          () => callback({ didTimeout: true, timeRemaining: () => 0 } as IdleDeadline),
          options?.timeout ?? 0,
        );
        return 1;
      },
    );
    document.body.innerHTML = '<main></main>';
    const { observations } = recordInterface();
    await settle();
    (window as { requestIdleCallback?: unknown }).requestIdleCallback = idle;
    document.querySelector('main')!.innerHTML = '<div><a href="/shop/x">x</a></div>'.repeat(300);
    let clock = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.1));
    await settle(2_000);
    expect(observations()).toHaveLength(2);
    expect(idle).toHaveBeenCalledTimes(1);
  });
});

describe('gates', () => {
  it('record nothing, and do no work, while recording is paused', async () => {
    document.body.innerHTML = PAGE;
    let recording = false;
    const boxes = stubBoxes();
    const { drafts } = recordInterface({ recordsAt: () => recording });
    await settle();
    document.querySelector('main')!.append(document.createElement('nav'));
    await settle();
    click(document.getElementById('buy')!);
    expect(drafts).toEqual([]);
    expect(boxes).not.toHaveBeenCalled();
    recording = true;
    click(document.getElementById('buy')!);
    await settle();
    expect(drafts.map((draft) => draft.kind)).toEqual(['click', 'observation']);
    expect(drafts[1]).toMatchObject({ n: 1, full: true });
  });

  it('stop a walk under way when recording stops, and record nothing of it', async () => {
    document.body.innerHTML = `<main>${'<section><button>x</button></section>'.repeat(100)}</main>`;
    let recording = true;
    let clock = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.2));
    const { drafts } = recordInterface({ recordsAt: () => recording });
    for (let slice = 0; slice < 3; slice++) await vi.advanceTimersToNextTimerAsync();
    recording = false;
    await settle(60_000);
    expect(drafts).toEqual([]);
    // Back to recording, the next action finds the page still to be observed.
    recording = true;
    click(document.querySelector('button')!);
    await settle(60_000);
    expect(drafts.map((draft) => draft.kind)).toEqual(['click', 'observation']);
    expect(drafts[1]).toMatchObject({ n: 1, full: true, cause: 'load' });
  });

  it('record nothing on an excluded path, and describe the page again once it is left', async () => {
    document.body.innerHTML = PAGE;
    const { drafts, observations } = recordInterface({
      recordsAt: (url) => !new URL(url).pathname.startsWith('/account'),
    });
    await settle();
    history.pushState(null, '', '/account/settings');
    document.querySelector('main')!.innerHTML =
      '<form><input name="card"><button>Save</button></form>';
    await settle();
    click(document.querySelector('button')!);
    expect(drafts.map((draft) => draft.kind)).toEqual(['observation']);
    history.pushState(null, '', '/shop/cart');
    document.querySelector('main')!.innerHTML = '<h1>Cart</h1><button>Checkout</button>';
    await settle();
    expect(observations()).toHaveLength(2);
    expect(observations()[1]).toMatchObject({ cause: 'change', page: { path: '/shop/cart' } });
    expect(JSON.stringify(drafts)).not.toContain('account');
  });

  it('stop everything at teardown', async () => {
    document.body.innerHTML = PAGE;
    const { drafts, stop } = recordInterface();
    stop();
    await settle();
    document.querySelector('main')!.append(document.createElement('nav'));
    await settle();
    expect(drafts).toEqual([]);
  });
});
