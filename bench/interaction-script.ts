import { seededRandom } from './stats';

/** Groups of targets the bench pages offer (see pages/page-script.js). */
export type TargetCategory = 'deep' | 'card' | 'menu' | 'widget' | 'text' | 'check';

export type Step =
  /** A real mouse click on a target, brought into view first; `pick` ∈ [0, 1) chooses which. */
  | { do: 'click'; category: TargetCategory; pick: number }
  /** A real key press into whatever has focus. */
  | { do: 'key'; key: string }
  /** The mouse wheel over the middle of the page. */
  | { do: 'wheel'; deltaY: number };

const CLICKED: [TargetCategory, number][] = [
  ['deep', 0.35],
  ['card', 0.3],
  ['widget', 0.15],
  ['menu', 0.1],
  ['check', 0.1],
];
const NAMED_KEYS: [string, number][] = [
  ['Tab', 0.5],
  ['Escape', 0.2],
  ['ArrowDown', 0.15],
  ['ArrowUp', 0.15],
];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function weighted<T>(random: () => number, choices: [T, number][]): T {
  let roll = random();
  for (const [choice, weight] of choices) {
    roll -= weight;
    if (roll < 0) return choice;
  }
  return choices[choices.length - 1]![0];
}

/**
 * `length` scripted interactions, the same for every configuration of a round: clicks
 * on buttons deep in nested markup, in the catalogue, the menu and a shadow-DOM
 * toolbar; typing a few letters into a form field; named keys (Tab, Escape, arrows);
 * and wheel scrolls. Enter and Space are left out: they would submit the form or
 * toggle controls and make the configurations' pages drift apart.
 */
export function interactionScript(seed: number, length: number): Step[] {
  const random = seededRandom(seed);
  const steps: Step[] = [];
  while (steps.length < length) {
    const roll = random();
    if (roll < 0.4) {
      steps.push({ do: 'click', category: weighted(random, CLICKED), pick: random() });
    } else if (roll < 0.55) {
      steps.push({ do: 'click', category: 'text', pick: random() });
      const letters = 2 + Math.floor(random() * 3);
      for (let index = 0; index < letters && steps.length < length; index++) {
        steps.push({ do: 'key', key: LETTERS[Math.floor(random() * LETTERS.length)]! });
      }
    } else if (roll < 0.8) {
      steps.push({ do: 'key', key: weighted(random, NAMED_KEYS) });
    } else {
      const deltaY = (200 + Math.floor(random() * 600)) * (random() < 0.7 ? 1 : -1);
      steps.push({ do: 'wheel', deltaY });
    }
  }
  return steps.slice(0, length);
}

/** Whether a step yields a `click` or `keydown` Event Timing entry (wheel scrolls do not). */
export function yieldsEntry(step: Step): boolean {
  return step.do !== 'wheel';
}
