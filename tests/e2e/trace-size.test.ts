import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_EVENTS, type TraceEvent, uploadBatch } from '../../lib/schema';
import { buildBatch } from '../../lib/upload/build-batch';
import { gzip } from '../../lib/upload/gzip';
import type { PageHandle } from './support/driver';
import { type ChromiumDriver, launchChromium } from './support/launch-chromium';
import { readExtensionDb } from './support/read-extension-db';
import { type Stack, startStack } from './support/start-stack';

/** The demo task: find a product, add it to the cart, check out. */
async function demoTask(site: PageHandle, shop: string): Promise<void> {
  await site.goto(`${shop}/shop/`);
  await site.click('[data-testid="add-to-cart-1042"]');
  await site.goto(`${shop}/shop/products/2317`);
  await site.wheel(400, 300, 600);
  await site.click('[data-testid="nav-cart"]');
  await site.goto(`${shop}/shop/checkout`);
  for (const [field, text] of [
    ['name', 'Ada Example'],
    ['email', 'ada@example.org'],
    ['street', '1 Demo Street'],
    ['postal', '10115'],
    ['card-number', '4242424242424242'],
  ] as const) {
    await site.click(`[data-testid="${field}"]`);
    await site.typeText(text);
    await site.press('Tab');
  }
  await site.click('[data-testid="speed-express"]');
  await site.press('Enter');
}

describe('trace size of the demo task, in chromium', () => {
  let stack: Stack;
  let driver: ChromiumDriver;

  beforeAll(async () => {
    stack = await startStack();
    driver = await launchChromium();
    const page = driver.extensionPage;
    await page.fillByLabel('Study link', stack.studyLink);
    await page.clickButton('Join study');
    await page.clickButton('I agree');
    await page.waitForText('You joined Demo shop study');
  });

  afterAll(async () => {
    await driver?.close();
    await stack?.close();
  });

  it('reports bytes per event as uploaded, uncompressed and gzipped', async () => {
    await demoTask(await driver.newPage(), stack.siteUrl);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const { events, sessions } = await readExtensionDb(driver.extensionPage);
    const session = sessions[0];
    if (!session) throw new Error('no session was recorded');

    // Exactly the bodies the upload queue sends: batches of consecutive events.
    let raw = 0;
    let gzipped = 0;
    let remaining: TraceEvent[] = events;
    while (remaining.length > 0) {
      const { batch, body } = buildBatch(
        remaining.slice(0, MAX_BATCH_EVENTS),
        session,
        'demo',
        '0.1.0',
      );
      expect(uploadBatch.safeParse(batch).success).toBe(true);
      raw += new TextEncoder().encode(body).length;
      gzipped += (await gzip(body)).length;
      remaining = remaining.slice(batch.events.length);
    }
    const kinds = Object.entries(
      events.reduce<Record<string, number>>((count, event) => {
        count[event.kind] = (count[event.kind] ?? 0) + 1;
        return count;
      }, {}),
    )
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    console.log(
      `TRACE SIZE | demo task | ${events.length} events (${kinds}) | ${(raw / events.length).toFixed(1)} bytes/event uncompressed | ${(gzipped / events.length).toFixed(1)} bytes/event gzipped`,
    );
    // The same events without observations, gzipped as uploaded: what observations cost.
    const actions = events.filter((event) => event.kind !== 'observation');
    const withoutObservations = (await gzip(buildBatch(actions, session, 'demo', '0.1.0').body))
      .length;
    console.log(
      `TRACE SIZE | demo task | ${gzipped} bytes gzipped in all | ${withoutObservations} bytes gzipped without its ${events.length - actions.length} observations (${(withoutObservations / actions.length).toFixed(1)} bytes/event)`,
    );
    expect(events.length).toBeGreaterThan(15);
    expect(gzipped).toBeLessThan(raw);
  });
});
