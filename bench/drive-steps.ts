import type { Page } from 'playwright-core';
import { type Step, yieldsEntry } from './interaction-script';
import type { BenchWindow } from './pages/page-api';

/**
 * Plays steps with real input (CDP), one interaction at a time: before each one the
 * page waits for the previous interaction's Event Timing entry, which arrives after
 * its paint, so no interaction's duration includes the next one's.
 */
export async function playSteps(page: Page, steps: readonly Step[]): Promise<void> {
  let expected = await page.evaluate(() => (window as unknown as BenchWindow).__bench.primary());
  for (const step of steps) {
    if (step.do === 'click') {
      const point = await page.evaluate(
        ([category, pick, count]) =>
          (window as unknown as BenchWindow).__bench.prepare(category, pick, count),
        [step.category, step.pick, expected] as const,
      );
      await page.mouse.click(point.x, point.y);
    } else {
      await page.evaluate(
        (count) => (window as unknown as BenchWindow).__bench.waitPrimary(count, 300),
        expected,
      );
      if (step.do === 'key') await page.keyboard.press(step.key);
      else await page.mouse.wheel(0, step.deltaY);
    }
    if (yieldsEntry(step)) expected += 1;
  }
  await page.evaluate(
    (count) => (window as unknown as BenchWindow).__bench.waitPrimary(count, 500),
    expected,
  );
}
