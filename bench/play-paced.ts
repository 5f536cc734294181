import type { Page } from 'playwright-core';
import { interactionScript } from './interaction-script';
import type { BenchWindow } from './pages/page-api';
import { seededRandom } from './stats';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The part 1 script at a person's pace, for `seconds`: the mouse travels to each
 * target before clicking, letters are typed 150 ms apart, wheel scrolls come in
 * three notches, and 0.6–2 s pass between interactions (about 30 a minute).
 * Returns the interactions played and the time they took.
 */
export async function playPaced(
  page: Page,
  seed: number,
  seconds: number,
): Promise<{ interactions: number; seconds: number }> {
  const random = seededRandom(seed);
  const steps = interactionScript(seed, 10_000);
  const started = Date.now();
  const until = started + seconds * 1000;
  let played = 0;
  for (const step of steps) {
    if (Date.now() >= until) break;
    if (step.do === 'click') {
      const point = await page.evaluate(
        ([category, pick]) => (window as unknown as BenchWindow).__bench.prepare(category, pick, 0),
        [step.category, step.pick] as const,
      );
      await page.mouse.move(point.x, point.y, { steps: 12 });
      await page.mouse.click(point.x, point.y);
    } else if (step.do === 'key') {
      await page.keyboard.press(step.key);
      if (step.key.length === 1) {
        // Letters of one word follow each other quickly.
        played += 1;
        await pause(150);
        continue;
      }
    } else {
      for (let notch = 0; notch < 3; notch++) {
        await page.mouse.wheel(0, step.deltaY / 3);
        await pause(50);
      }
    }
    played += 1;
    await pause(600 + random() * 1400);
  }
  return { interactions: played, seconds: (Date.now() - started) / 1000 };
}
