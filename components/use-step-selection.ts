import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ReviewStep } from '../lib/schema';

/** Selected steps run from one sequence number to another, both included. */
export type StepSelection = { from: number; to: number } | null;

/**
 * The steps selected in one session: one step, or every step between two. A range stays
 * a range, so unselecting a step in it trims the range rather than punching a hole.
 */
export function useStepSelection(steps: ReviewStep[]) {
  const [selection, setSelection] = useState<StepSelection>(null);
  const seqs = useMemo(() => steps.map((step) => step.event.seq), [steps]);

  // Steps deleted elsewhere (or a session that moved on) leave no stale selection.
  useEffect(() => {
    if (selection && !seqs.some((seq) => seq >= selection.from && seq <= selection.to)) {
      setSelection(null);
    }
  }, [seqs, selection]);

  const isSelected = (seq: number) =>
    selection !== null && seq >= selection.from && seq <= selection.to;
  const selected = selection ? steps.filter((step) => isSelected(step.event.seq)) : [];

  const toggle = (seq: number) => {
    setSelection((current) => {
      if (!current) return { from: seq, to: seq };
      if (seq < current.from) return { from: seq, to: current.to };
      if (seq > current.to) return { from: current.from, to: seq };
      if (current.from === current.to) return null;
      const before = seqs.filter((other) => other < seq).at(-1) ?? current.from;
      const after = seqs.find((other) => other > seq) ?? current.to;
      if (seq === current.from) return { from: after, to: current.to };
      // Unselecting a step inside or at the end keeps the steps before it.
      return { from: current.from, to: before };
    });
  };

  return {
    selection,
    selected,
    isSelected,
    toggle,
    clear: () => setSelection(null),
    lastSeq: seqs.at(-1) ?? 0,
  };
}
