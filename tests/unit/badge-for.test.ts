import { describe, expect, it } from 'vitest';
import {
  BADGE_COLORS,
  type BadgeFacts,
  badgeFor,
  PAUSED_TEXT,
} from '../../lib/background/badge-for';

const recordingStudy: BadgeFacts = {
  terms: { mode: 'study' },
  awaitingReconsent: false,
  paused: false,
  pausedReason: undefined,
  storageFull: false,
  recordable: true,
};
const facts = (overrides: Partial<BadgeFacts>): BadgeFacts => ({ ...recordingStudy, ...overrides });

describe('the toolbar badge of one tab', () => {
  it('says REC in red on a page that is being recorded', () => {
    expect(badgeFor(recordingStudy)).toEqual({
      text: 'REC',
      color: BADGE_COLORS.recording,
      title: 'tasktrace: recording this site',
    });
    expect(badgeFor(facts({ terms: { mode: 'local' } })).text).toBe('REC');
  });

  it('is empty on a page the study does not cover, or that is not granted', () => {
    expect(badgeFor(facts({ recordable: false }))).toEqual({
      text: '',
      color: BADGE_COLORS.paused,
      title: 'tasktrace: this site is not in the study',
    });
  });

  it('speaks of "your sites" when recording for oneself', () => {
    expect(badgeFor(facts({ terms: { mode: 'local' }, recordable: false }))).toMatchObject({
      text: '',
      title: 'tasktrace: this site is not in your sites',
    });
  });

  it.each([
    ['volunteer', 'by you'],
    ['idle', 'after you were away'],
    ['quota', 'storage full'],
  ] as const)('shows a pause (reason %s) in grey and says why', (pausedReason, why) => {
    expect(badgeFor(facts({ paused: true, pausedReason }))).toEqual({
      text: PAUSED_TEXT,
      color: BADGE_COLORS.paused,
      title: `tasktrace: paused (${why}) — open tasktrace to resume`,
    });
  });

  it('shows a pause on every tab: pausing is global', () => {
    const elsewhere = badgeFor(
      facts({ paused: true, pausedReason: 'volunteer', recordable: false }),
    );
    expect(elsewhere.text).toBe(PAUSED_TEXT);
    const local = badgeFor(facts({ terms: { mode: 'local' }, paused: true, recordable: false }));
    expect(local.text).toBe(PAUSED_TEXT);
  });

  it('reads a pause without a stored reason as the volunteer’s', () => {
    expect(badgeFor(facts({ paused: true })).title).toContain('(by you)');
  });

  it('shows a full disk as paused for storage, whatever the flag and reason say', () => {
    for (const paused of [false, true]) {
      expect(badgeFor(facts({ storageFull: true, paused, pausedReason: 'volunteer' }))).toEqual({
        text: PAUSED_TEXT,
        color: BADGE_COLORS.paused,
        title: 'tasktrace: paused (storage full) — open tasktrace to resume',
      });
    }
  });

  it('asks for attention in amber when the study changed and awaits consent', () => {
    const expected = {
      text: '!',
      color: BADGE_COLORS.attention,
      title: 'tasktrace: the study changed — open tasktrace to review it',
    };
    expect(badgeFor(facts({ terms: undefined, awaitingReconsent: true }))).toEqual(expected);
    // Whatever else holds, the change comes first: nothing records until it is reviewed.
    expect(
      badgeFor(
        facts({ terms: undefined, awaitingReconsent: true, paused: true, storageFull: true }),
      ),
    ).toEqual(expected);
  });

  it('is empty and invites joining when there is no study and no local recording', () => {
    const expected = {
      text: '',
      color: BADGE_COLORS.paused,
      title: 'tasktrace: not recording — join a study',
    };
    expect(badgeFor(facts({ terms: undefined }))).toEqual(expected);
    // A leftover pause flag or a matching page claims nothing without terms.
    expect(badgeFor(facts({ terms: undefined, paused: true, recordable: true }))).toEqual(expected);
  });

  it('never says REC unless terms exist, recording is not paused and the page is recordable', () => {
    const bools = [false, true];
    for (const hasTerms of bools)
      for (const awaitingReconsent of bools)
        for (const paused of bools)
          for (const storageFull of bools)
            for (const recordable of bools) {
              const badge = badgeFor({
                terms: hasTerms ? { mode: 'study' } : undefined,
                awaitingReconsent,
                paused,
                pausedReason: 'volunteer',
                storageFull,
                recordable,
              });
              const recording =
                hasTerms && !awaitingReconsent && !paused && !storageFull && recordable;
              expect(badge.text === 'REC').toBe(recording);
              expect(badge.title.startsWith('tasktrace: ')).toBe(true);
              expect(badge.text.length).toBeLessThanOrEqual(4);
            }
  });
});
