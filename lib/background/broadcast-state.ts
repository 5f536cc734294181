import { browser } from 'wxt/browser';
import type { RecorderState } from '../messaging/protocol';

/** Tells every recorder in every tab to stop or start listening. */
export async function broadcastRecorderState(paused: boolean): Promise<void> {
  const message: RecorderState = { type: 'recorder/state', paused };
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}
