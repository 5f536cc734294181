import { readFile } from 'node:fs/promises';
import { type FieldKind, fieldKind } from '../../lib/schema';
import { CliError } from '../export/cli-error';
import { DEFAULT_VALUES } from './default-values';

/** The value for each field kind: the values file's, or the default. */
export type SlotValues = Readonly<Record<FieldKind, string>>;

/**
 * Parses a values file: a JSON object keyed by field kind (`email`, or the slot
 * `{email}`), values strings, numbers or booleans. Unknown kinds are a mistake.
 */
export function parseValues(text: string, file: string): SlotValues {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `The values file ${file} is not valid JSON (${(error as Error).message}). It should look like { "email": "a@b.example", "tel": "+1 555 0100" }.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(
      `The values file ${file} must hold one JSON object keyed by field kind, such as { "email": "a@b.example" }.`,
    );
  }
  const values: Record<string, string> = { ...DEFAULT_VALUES };
  for (const [key, value] of Object.entries(parsed)) {
    const kind = key.replace(/^\{(.*)\}$/, '$1');
    if (!fieldKind.safeParse(kind).success) {
      throw new CliError(
        `The values file ${file} names "${key}", which is not a field kind. Field kinds: ${fieldKind.options.join(', ')}.`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new CliError(
        `The values file ${file} gives "${key}" a ${value === null ? 'null' : typeof value}: give a string, a number or true/false.`,
      );
    }
    values[kind] = String(value);
  }
  return values as SlotValues;
}

/** The values file's values over the defaults, or the defaults alone without a file. */
export async function readValues(file: string | undefined): Promise<SlotValues> {
  if (!file) return DEFAULT_VALUES;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `Cannot read the values file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check the path given to --values.`,
    );
  }
  return parseValues(text, file);
}

/** The field kind a `type`/`select` step's slot names (`{email}` → `email`). */
export function slotKind(slot: string | null, field: FieldKind | null): FieldKind {
  const named = slot?.replace(/^\{(.*)\}$/, '$1');
  const parsed = fieldKind.safeParse(named);
  return parsed.success ? parsed.data : (field ?? 'text');
}
