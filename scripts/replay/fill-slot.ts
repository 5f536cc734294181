import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isChecked } from './default-values';
import type { ElementRef, ReplayTab } from './replay-browser';

/** Input types whose value is set directly: typing into their pickers differs by browser. */
const SET_DIRECTLY = new Set(['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

/**
 * Puts a slot's value into a form control the way the control takes it: text is typed
 * key by key into the field (its old content selected first), a select gets the option
 * named by value or label (or, when none is named, the first one not already chosen), a
 * checkbox or radio is clicked when its state differs, a file input gets a file.
 *
 * As a person would, with real input wherever the control allows it, so a page (and a
 * recorder watching it) sees what it sees from a person: a field that does not have the
 * focus gets it without a click (the episode has its own step for a click that gave it
 * focus, and a second one would be a step of its own), and a select's option is chosen
 * by typing its name, the keyboard's way, falling back to setting it when that does not
 * land on it. Returns what was done, for the log (never the value: it may be a password).
 */
export async function fillSlot(tab: ReplayTab, ref: ElementRef, value: string): Promise<string> {
  const control = await tab.onElement(
    ref,
    (element) => {
      if (element.localName === 'select') return 'select';
      if (element.localName === 'textarea') return 'text';
      if (element.localName === 'input') {
        return ((element as HTMLInputElement).type || 'text').toLowerCase();
      }
      return (element as HTMLElement).isContentEditable ? 'text' : 'other';
    },
    null,
  );
  if (control === 'select') return chooseOption(tab, ref, value);
  if (control === 'checkbox' || control === 'radio') {
    const wanted = isChecked(value);
    const checked = await tab.onElement(
      ref,
      (element) => (element as HTMLInputElement).checked,
      null,
    );
    if (checked !== wanted && (wanted || control === 'checkbox')) await tab.click(ref);
    return wanted ? 'checked it' : 'unchecked it';
  }
  if (control === 'file') {
    await tab.setFiles(ref, [value === '' ? await sampleFile() : value]);
    return 'chose a file';
  }
  if (SET_DIRECTLY.has(control)) {
    await tab.onElement(
      ref,
      (element, text: string) => {
        const input = element as HTMLInputElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        input.focus();
        setter?.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      value,
    );
    return `set the ${control} value`;
  }
  if (!(await takeFocus(tab, ref))) await tab.click(ref);
  await tab.onElement(
    ref,
    (element) => {
      const field = element as HTMLInputElement;
      if (typeof field.select === 'function') {
        field.select();
        return;
      }
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    null,
  );
  if (value === '') {
    await tab.keyDown('Backspace');
    await tab.keyUp('Backspace');
    return 'cleared it';
  }
  await tab.type(value);
  return `typed ${value.length === 1 ? '1 character' : `${value.length} characters`}`;
}

/** Focuses the element unless it (or something in it) has the focus; whether it has it now. */
function takeFocus(tab: ReplayTab, ref: ElementRef): Promise<boolean> {
  return tab.onElement(
    ref,
    (element) => {
      // In a shadow root, the document's active element is the host.
      const root = element.getRootNode() as Document | ShadowRoot;
      if (!element.contains(root.activeElement)) (element as HTMLElement).focus?.();
      return element.contains(root.activeElement);
    },
    null,
  );
}

/**
 * Chooses a select's option: by typing its name into the focused select (the browser
 * then picks it and fires its own change), else by setting it and firing the events a
 * script can. An option already chosen is left as it is, its events fired again.
 */
async function chooseOption(tab: ReplayTab, ref: ElementRef, value: string): Promise<string> {
  const choice = await tab.onElement(
    ref,
    (element, wanted: string) => {
      const select = element as HTMLSelectElement;
      const options = [...select.options].filter((option) => !option.disabled);
      // `label || text`: an option's label as browsers give it (test DOMs may lack `label`).
      const named = options.find(
        (each) => each.value === wanted || (each.label || each.text).trim() === wanted,
      );
      const option =
        named ?? options.find((each) => !each.selected && each.value !== '') ?? options[0];
      if (!option) return null;
      select.focus();
      return {
        index: option.index,
        label: (option.label || option.text).trim(),
        named: named !== undefined,
        typeable: document.activeElement === select && !option.selected && !select.multiple,
      };
    },
    value,
  );
  if (!choice) throw new Error('the select has no option to choose');
  if (choice.typeable && choice.label !== '') await tab.type(choice.label);
  const typed = await tab.onElement(
    ref,
    (element, wanted: { index: number; typed: boolean }) => {
      const select = element as HTMLSelectElement;
      if (wanted.typed && select.selectedIndex === wanted.index) return true;
      const option = select.options[wanted.index];
      if (option) option.selected = true;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return false;
    },
    { index: choice.index, typed: choice.typeable && choice.label !== '' },
  );
  // Values are keyed by field kind, so one "select" value serves every select.
  const unnamed = value !== '' && !choice.named ? ' (the value given names none here)' : '';
  const how = typed ? ' by typing its name' : '';
  return `chose option ${choice.index + 1}${how}${unnamed}`;
}

/** A small text file to upload when the values file names none. */
async function sampleFile(): Promise<string> {
  const file = path.join(tmpdir(), 'tasktrace-replay-upload.txt');
  await writeFile(file, 'A file uploaded by a tasktrace replay.\n');
  return file;
}
