import type { OptionsState } from '../lib/schema';
import { LeaveCard } from './LeaveCard';
import { OptionsAutoPause } from './OptionsAutoPause';
import { OptionsLocalCard } from './OptionsLocalCard';
import { OptionsNotRecording } from './OptionsNotRecording';
import { OptionsStoredCard } from './OptionsStoredCard';
import { OptionsStudyCard } from './OptionsStudyCard';

type Props = {
  state: OptionsState;
  busy: boolean;
  error: string | null;
  notice: string | null;
  onJoin: () => void;
  onReviewChanges: () => void;
  onStartLocal: (captureLevel: 'structure' | 'labels') => void;
  onAddSite: (match: string) => void;
  onRemoveSite: (match: string) => void;
  onExport: () => void;
  onAutoPause: (minutes: number) => void;
  onLeave: (erase: boolean) => void;
};

export function OptionsView(props: Props) {
  const { state, busy, error, notice } = props;
  return (
    <main class="stack">
      <h1>tasktrace options</h1>
      {error && (
        <p class="error card" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice card" role="status">
          {notice}
        </p>
      )}
      {state.mode === 'none' && (
        <OptionsNotRecording busy={busy} onJoin={props.onJoin} onStartLocal={props.onStartLocal} />
      )}
      {state.mode === 'study' && state.study && (
        <OptionsStudyCard
          study={state.study}
          reconsent={state.reconsent}
          sites={state.sites}
          busy={busy}
          onReviewChanges={props.onReviewChanges}
        />
      )}
      {state.mode === 'local' && state.local && (
        <OptionsLocalCard
          captureLevel={state.local.captureLevel}
          sites={state.sites}
          events={state.stored.events}
          busy={busy}
          onAddSite={props.onAddSite}
          onRemoveSite={props.onRemoveSite}
          onExport={props.onExport}
        />
      )}
      {state.mode !== 'none' && (
        <OptionsAutoPause
          autoPauseMinutes={state.autoPauseMinutes}
          busy={busy}
          onAutoPause={props.onAutoPause}
        />
      )}
      {state.mode !== 'none' && <OptionsStoredCard mode={state.mode} stored={state.stored} />}
      {state.mode !== 'none' && (
        <LeaveCard
          mode={state.mode}
          sessions={state.stored.sessions}
          busy={busy}
          onLeave={props.onLeave}
        />
      )}
    </main>
  );
}
