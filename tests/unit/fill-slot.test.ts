import { describe, expect, it } from 'vitest';
import { fillSlot } from '../../scripts/replay/fill-slot';
import type { ElementRef, ReplayTab } from '../../scripts/replay/replay-browser';

/**
 * A tab on the test document: functions run on the element as the page would run them;
 * `type` is what the browser does with keys (given per test), and clicks are counted.
 */
function tabOnDocument(type: (text: string) => void = () => {}) {
  const clicks: Element[] = [];
  const typed: string[] = [];
  const tab = {
    onElement: async (ref: ElementRef, fn: (element: Element, arg: unknown) => unknown, arg) =>
      fn(ref.element as Element, arg),
    click: async (ref: ElementRef) => {
      clicks.push(ref.element as Element);
      (ref.element as HTMLElement).focus();
    },
    type: async (text: string) => {
      typed.push(text);
      type(text);
    },
    keyDown: async () => {},
    keyUp: async () => {},
  } as Partial<ReplayTab> as ReplayTab;
  return { tab, clicks, typed };
}

const ref = (selector: string): ElementRef => ({
  element: document.querySelector(selector),
  frame: [],
});

/** Events a script fired at the select (a browser's own would be trusted). */
function scriptEvents(select: HTMLSelectElement): string[] {
  const seen: string[] = [];
  for (const type of ['input', 'change']) select.addEventListener(type, () => seen.push(type));
  return seen;
}

const COUNTRIES =
  '<select id="country"><option value="DE">Germany</option><option value="FR">France</option></select>';

describe('fillSlot', () => {
  it('types into a field that has the focus without clicking it again', async () => {
    document.body.innerHTML = '<input id="name"><input id="email">';
    const { tab, clicks, typed } = tabOnDocument();
    document.getElementById('email')!.focus();
    expect(await fillSlot(tab, ref('#email'), 'a@b.example')).toBe('typed 11 characters');
    // Another field gets the focus the way a script gives it, not by a click.
    await fillSlot(tab, ref('#name'), 'Robin');
    expect(document.activeElement?.id).toBe('name');
    expect(clicks).toEqual([]);
    expect(typed).toEqual(['a@b.example', 'Robin']);
  });

  it('chooses an option by typing its name, as the keyboard does', async () => {
    document.body.innerHTML = COUNTRIES;
    const select = document.querySelector('select')!;
    const fired = scriptEvents(select);
    // The browser picks the first option whose name starts with what was typed.
    const { tab, typed } = tabOnDocument((text) => {
      const option = [...select.options].find((each) => each.text.startsWith(text));
      if (option && document.activeElement === select) option.selected = true;
    });
    expect(await fillSlot(tab, ref('#country'), 'FR')).toBe('chose option 2 by typing its name');
    expect(typed).toEqual(['France']);
    expect(select.value).toBe('FR');
    expect(fired).toEqual([]);
  });

  it('sets the option, with a script’s events, when typing does not land on it', async () => {
    document.body.innerHTML = COUNTRIES;
    const select = document.querySelector('select')!;
    const fired = scriptEvents(select);
    const { tab } = tabOnDocument();
    expect(await fillSlot(tab, ref('#country'), 'France')).toBe('chose option 2');
    expect(select.value).toBe('FR');
    expect(fired).toEqual(['input', 'change']);
  });

  it('leaves an option already chosen as it is, and types nothing', async () => {
    document.body.innerHTML = COUNTRIES;
    const { tab, typed } = tabOnDocument();
    expect(await fillSlot(tab, ref('#country'), 'DE')).toBe('chose option 1');
    expect(typed).toEqual([]);
  });
});
