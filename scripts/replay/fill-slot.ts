import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isChecked } from './default-values';
import type { ElementRef, ReplayTab } from './replay-browser';

/** Input types whose value is set directly: typing into their pickers differs by browser. */
const SET_DIRECTLY = new Set(['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

/**
 * Puts a slot's value into a form control the way the control takes it: text is typed
 * key by key into the focused field (its old content selected first), a select gets the
 * option named by value or label (or, when none is named, the first one not already
 * chosen), a checkbox or radio is clicked when its state differs, a file input gets a file.
 * Returns what was done, for the log (never the value: it may be a password).
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
  if (control === 'select') {
    const chosen = await tab.onElement(
      ref,
      (element, wanted: string) => {
        const select = element as HTMLSelectElement;
        const options = [...select.options].filter((option) => !option.disabled);
        const named = options.find((each) => each.value === wanted || each.label.trim() === wanted);
        const option =
          named ?? options.find((each) => !each.selected && each.value !== '') ?? options[0];
        if (!option) return { index: -1, named: false };
        select.focus();
        option.selected = true;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return { index: option.index, named: named !== undefined };
      },
      value,
    );
    if (chosen.index < 0) throw new Error('the select has no option to choose');
    // Values are keyed by field kind, so one "select" value serves every select.
    const unnamed = value !== '' && !chosen.named ? ' (the value given names none here)' : '';
    return `chose option ${chosen.index + 1}${unnamed}`;
  }
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
  await tab.click(ref);
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

/** A small text file to upload when the values file names none. */
async function sampleFile(): Promise<string> {
  const file = path.join(tmpdir(), 'tasktrace-replay-upload.txt');
  await writeFile(file, 'A file uploaded by a tasktrace replay.\n');
  return file;
}
