import type { ComponentProps } from 'preact';
import type { LeaveOutcome, OptionsState } from '../lib/schema';
import { LeftReceipt } from './LeftReceipt';
import { OptionsView } from './OptionsView';

type Props = Omit<ComponentProps<typeof OptionsView>, 'state'> & {
  /** Null until the background first answers. */
  state: OptionsState | null;
  /** Set once the volunteer left the study: the receipt replaces the page. */
  left: LeaveOutcome | null;
};

/** The options page: the receipt after leaving, the first load (or why it failed), or the options. */
export function OptionsPage({ state, left, ...props }: Props) {
  if (left) return <LeftReceipt outcome={left} />;
  if (!state) {
    return props.error ? (
      <p class="error card" role="alert">
        {props.error}
      </p>
    ) : (
      <p class="muted card">Loading…</p>
    );
  }
  return <OptionsView state={state} {...props} />;
}
