import { BARS } from './bars';
import type { SizeRun } from './interaction-cost';
import { type Figure, formatNumber, info, judge, type Section } from './results';
import { median, type PairedSummary, pairedMedian } from './stats';

function sizeLabel(elements: number): string {
  return elements >= 1000 ? `${elements / 1000}k` : String(elements);
}

function withInterval(summary: PairedSummary, unit: string): string {
  return `${formatNumber(summary.median)} ${unit} [${formatNumber(summary.low)}, ${formatNumber(summary.high)}]`;
}

/**
 * Part 1's figures: for each page size, the paired per-round differences of the p95
 * processing time and the p75 duration against the run without the extension.
 */
export function interactionSection(runs: SizeRun[]): Section {
  const figures: Figure[] = [];
  const data = runs.map((run) => {
    const seed = run.elements;
    const pick = (configuration: keyof SizeRun['rounds'], key: 'processingP95' | 'durationP75') =>
      run.rounds[configuration].map((visit) => visit[key]);
    const processing = {
      tasktrace: pairedMedian(pick('tasktrace', 'processingP95'), pick('none', 'processingP95'), {
        seed,
      }),
      rrweb: pairedMedian(pick('rrweb', 'processingP95'), pick('none', 'processingP95'), { seed }),
      bare: pairedMedian(pick('bare', 'processingP95'), pick('none', 'processingP95'), { seed }),
      // What observations add: tasktrace against itself without them, round by round.
      observations: pairedMedian(
        pick('tasktrace', 'processingP95'),
        pick('bare', 'processingP95'),
        {
          seed,
        },
      ),
    };
    const duration = {
      tasktrace: pairedMedian(pick('tasktrace', 'durationP75'), pick('none', 'durationP75'), {
        seed,
      }),
      rrweb: pairedMedian(pick('rrweb', 'durationP75'), pick('none', 'durationP75'), { seed }),
    };
    const label = sizeLabel(run.elements);
    figures.push(
      judge(
        `${label}: tasktrace added processing time, p95`,
        processing.tasktrace.median,
        'ms',
        BARS.addedProcessingP95,
        withInterval(processing.tasktrace, 'ms'),
      ),
      judge(
        `${label}: tasktrace added duration, p75`,
        duration.tasktrace.median,
        'ms',
        BARS.durationP75,
        withInterval(duration.tasktrace, 'ms'),
      ),
      info(
        `${label}: tasktrace without observations, added processing time, p95`,
        processing.bare.median,
        'ms',
        withInterval(processing.bare, 'ms'),
      ),
      judge(
        `${label}: observations' added processing time, p95 (tasktrace over tasktrace without them)`,
        processing.observations.median,
        'ms',
        BARS.observationAddedP95,
        withInterval(processing.observations, 'ms'),
      ),
      info(
        `${label}: rrweb added processing time, p95`,
        processing.rrweb.median,
        'ms',
        withInterval(processing.rrweb, 'ms'),
      ),
      info(
        `${label}: rrweb added duration, p75`,
        duration.rrweb.median,
        'ms',
        withInterval(duration.rrweb, 'ms'),
      ),
    );
    return {
      elements: run.elements,
      measuredElements: run.measuredElements,
      interactionsPerRound: run.interactionsPerRound,
      baseline: {
        processingP95: median(pick('none', 'processingP95')),
        durationP75: median(pick('none', 'durationP75')),
      },
      processing,
      duration,
      rounds: run.rounds,
    };
  });
  const first = runs[0];
  const missed = figures.some((figure) => figure.verdict === 'MISS');
  return {
    part: 1,
    title: 'Interaction cost',
    figures,
    notes: [
      ...(missed
        ? [
            '**Why the bar is missed.** The added processing time is the recorder’s handler running inside the click or key press: describing the target (its box reads layout, its ancestors give role and selector) and posting the event on the recorder’s port; part 2 breaks it down and says what remains. Where the added duration exceeds a rounding step, the cause is the same time spent before the next paint.',
          ]
        : []),
      'Chromium only: Event Timing (`PerformanceObserver` type `event`, `durationThreshold: 16`) is not in Firefox ESR.',
      'Each figure is the median over rounds of the per-round difference from the same round without the extension, with its 95% bootstrap interval in brackets (2,000 resamples, seeded).',
      `A round plays one seeded script of ${first?.interactionsPerRound ?? 0} interactions on each page size ` +
        '(clicks in nested markup, a catalogue, a menu, a shadow-DOM toolbar and form fields; typing; Tab, Escape and arrows; wheel scrolls), ' +
        'in each configuration, in one of four orders taken in turn (a Williams square); the four configurations are tabs of one browser. ' +
        'The page busy-waits 20 ms on every click and key press; entries of `click` and `keydown` are measured.',
      'Without observations: the recorder as before issue 16, on the same recorded origin with `?observations=off`, which the bench build alone reads (hooks/switchable-observe-interface.ts). ' +
        'Without the extension and under rrweb, the page is served from an origin nothing grants (the extension installed but not running there); ' +
        'rrweb 2.2 `record({ maskAllInputs: true })` is added by an init script.',
      'The bench build times each recorder handler (two `performance.now()` calls around it): a few microseconds more than the production build.',
    ],
    data,
  };
}
