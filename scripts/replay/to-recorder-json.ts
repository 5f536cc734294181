import type { ConvertedEpisode, ScriptTarget } from './convert-steps';
import { isChecked } from './default-values';
import { templatePattern } from './match-path';
import type { SlotValues } from './read-values';

/** A step of a Chrome DevTools Recorder recording (the `@puppeteer/replay` schema). */
export type RecorderStep = Record<string, unknown> & { type: string };
export type RecorderFlow = { title: string; steps: RecorderStep[] };

/**
 * An episode as a Chrome DevTools Recorder recording: replayable with `@puppeteer/replay`
 * and importable in Chrome's Recorder panel. A recording holds values, not variables:
 * the slots are filled from `values` here (the dataset holds none). Returns notes for
 * steps the format cannot express (a file input; a select with no value given), and
 * stops at a goto back to an address only known when running.
 */
export function toRecorderFlow(
  episode: ConvertedEpisode,
  baseUrl: string,
  values: SlotValues,
): { flow: RecorderFlow; notes: string[]; written: number; stopped: string | null } {
  const steps: RecorderStep[] = [];
  const notes: string[] = [];
  let written = episode.written;
  let stopped = episode.stopped;
  for (const { step, op } of episode.ops) {
    if (op.kind === 'revisit') {
      // A recording holds fixed addresses: it cannot go back to one it learns when run.
      written = (step ?? 1) - 1;
      stopped = `step ${step} goes back to ${op.template}, and a recording cannot name an address the dataset never holds (the Playwright script can)`;
      break;
    }
    switch (op.kind) {
      case 'viewport':
        steps.push({
          type: 'setViewport',
          width: op.w,
          height: op.h,
          deviceScaleFactor: 1,
          isMobile: false,
          hasTouch: false,
          isLandscape: false,
        });
        break;
      case 'navigate': {
        const base = op.origin === null || op.origin === episode.origin ? baseUrl : op.origin;
        const url = `${base}${op.path}`;
        steps.push({ type: 'navigate', url, assertedEvents: [{ type: 'navigation', url }] });
        break;
      }
      case 'waitForPath':
        steps.push({ type: 'waitForExpression', expression: pathExpression(op.template) });
        break;
      case 'click':
        steps.push(click(op.target));
        break;
      case 'press':
        for (const key of op.keys) steps.push({ type: 'keyDown', target: 'main', key });
        for (const key of [...op.keys].reverse())
          steps.push({ type: 'keyUp', target: 'main', key });
        break;
      case 'scroll':
        steps.push(
          op.target
            ? { type: 'scroll', target: 'main', ...located(op.target), x: op.x, y: op.y }
            : { type: 'scroll', target: 'main', x: op.x, y: op.y },
        );
        break;
      case 'fill': {
        const value = values[op.slot];
        if (op.control === 'choice') {
          if (isChecked(value)) steps.push(click(op.target));
          else notes.push(`step ${step}: left {${op.slot}} as it was (the value says unchecked)`);
        } else if (op.control === 'file') {
          notes.push(
            `step ${step}: a Recorder recording cannot choose a file for {file}; left out`,
          );
        } else if (op.control === 'select' && value === '') {
          notes.push(`step ${step}: no value for {select} (give one with --values); left out`);
        } else {
          steps.push({ type: 'change', target: 'main', ...located(op.target), value });
        }
        break;
      }
    }
  }
  const title = `tasktrace episode ${episode.id}${episode.goal ? `: ${episode.goal}` : ''}`;
  return { flow: { title, steps }, notes, written, stopped };
}

function located(target: ScriptTarget) {
  return {
    selectors: target.fallback
      ? [target.selectors, [`xpath/${target.fallback}`]]
      : [target.selectors],
    ...(target.frame.length > 0 ? { frame: target.frame } : {}),
  };
}

function click(target: ScriptTarget): RecorderStep {
  return {
    type: 'click',
    target: 'main',
    ...located(target),
    offsetX: target.offset.x,
    offsetY: target.offset.y,
  };
}

/** An expression true once the page at a path matching the template has loaded. */
export function pathExpression(template: string): string {
  return `new RegExp(${JSON.stringify(templatePattern(template))}).test(location.pathname) && document.readyState === 'complete'`;
}
