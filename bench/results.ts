import type { Bar } from './bars';

export type Verdict = 'PASS' | 'MISS' | 'INFO' | 'NOT RUN' | 'ERROR';

/** One measured figure, and how it compares with its bar (when it has one). */
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  /** How the value reads in the table, e.g. `0.21 ms [0.12, 0.30]`; defaults to value + unit. */
  display?: string;
  bar?: Bar;
  verdict: Verdict;
};

/** One part of the list: its figures, notes, and raw data for results.json. */
export type Section = {
  /** Its number in issue 9 (1…6); the table is ordered by it. */
  part: number;
  title: string;
  figures: Figure[];
  notes: string[];
  data?: unknown;
};

/** Compares a value with its bar; a missing value cannot pass. */
export function judge(
  name: string,
  value: number | null,
  unit: string,
  bar: Bar,
  display?: string,
): Figure {
  const passes =
    value !== null &&
    Number.isFinite(value) &&
    (bar.kind === 'max' ? value <= bar.limit : value >= bar.limit);
  return {
    name,
    value,
    unit,
    bar,
    verdict: passes ? 'PASS' : 'MISS',
    ...(display ? { display } : {}),
  };
}

/** A figure reported beside the bars, held to none (rrweb's, for one). */
export function info(name: string, value: number | null, unit: string, display?: string): Figure {
  return { name, value, unit, verdict: 'INFO', ...(display ? { display } : {}) };
}

/** A part that could not produce its figures, with the reason in its notes. */
export function failedSection(part: number, title: string, reason: string, verdict: Verdict) {
  return {
    part,
    title,
    figures: [{ name: title, value: null, unit: '', verdict }],
    notes: [reason],
  } satisfies Section;
}

/** Rounds for display: three significant digits, thousands grouped. */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}
