import type { RecordingTerms } from '../db/recording-terms';
import type { MetaValues } from '../db/schema';

/** Everything the toolbar button of one tab depends on. */
export type BadgeFacts = {
  /** What may be recorded now; absent when not joined or while a changed study awaits consent. */
  terms: Pick<RecordingTerms, 'mode'> | undefined;
  /** The volunteer's study changed and records nothing until they agree again. */
  awaitingReconsent: boolean;
  paused: boolean;
  pausedReason: MetaValues['pausedReason'] | undefined;
  /** Capture stopped because the extension's database is full (a pause, whatever the flag says). */
  storageFull: boolean;
  /** This tab's page is allowlisted and its site granted. */
  recordable: boolean;
};

export type Badge = { text: string; color: string; title: string };

/** Backgrounds dark enough for the browsers' white badge text (contrast ≥ 4.5:1). */
export const BADGE_COLORS = {
  recording: '#B91C1C',
  paused: '#4B5563',
  attention: '#B45309',
} as const;

/** Plain ASCII so it renders alike in every browser's badge font: two bars, "paused". */
export const PAUSED_TEXT = 'II';
export const RECORDING_TEXT = 'REC';
export const ATTENTION_TEXT = '!';

const PAUSED_BECAUSE: Record<MetaValues['pausedReason'], string> = {
  volunteer: 'by you',
  idle: 'after you were away',
  quota: 'storage full',
};

/**
 * What the toolbar button shows on one tab. The badge never claims less than is true:
 * it says REC wherever a page is being recorded, and pause is global, so it shows on
 * every tab.
 */
export function badgeFor(facts: BadgeFacts): Badge {
  if (facts.awaitingReconsent) {
    return {
      text: ATTENTION_TEXT,
      color: BADGE_COLORS.attention,
      title: 'tasktrace: the study changed — open tasktrace to review it',
    };
  }
  if (!facts.terms) {
    return {
      text: '',
      color: BADGE_COLORS.paused,
      title: 'tasktrace: not recording — join a study',
    };
  }
  if (facts.paused || facts.storageFull) {
    const reason = facts.storageFull ? 'quota' : (facts.pausedReason ?? 'volunteer');
    return {
      text: PAUSED_TEXT,
      color: BADGE_COLORS.paused,
      title: `tasktrace: paused (${PAUSED_BECAUSE[reason]}) — open tasktrace to resume`,
    };
  }
  if (facts.recordable) {
    return {
      text: RECORDING_TEXT,
      color: BADGE_COLORS.recording,
      title: 'tasktrace: recording this site',
    };
  }
  return {
    text: '',
    color: BADGE_COLORS.paused,
    title:
      facts.terms.mode === 'local'
        ? 'tasktrace: this site is not in your sites'
        : 'tasktrace: this site is not in the study',
  };
}
