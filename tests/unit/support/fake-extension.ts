import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { setMeta } from '../../../lib/db/meta';
import type { Db } from '../../../lib/db/open-db';
import { localProfile, studyManifest } from '../../../lib/schema';
import { testStudy } from './enrolled-db';

/**
 * The fake browser lacks permissions, messaging to tabs and idle detection: these stubs
 * stand in for them. Site access is granted per permission origin (`https://shop.example/*`).
 */
export function stubExtensionApis(granted: readonly string[]) {
  const contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) =>
    origins.every((origin) => granted.includes(origin)),
  );
  fakeBrowser.permissions.contains = contains as never;
  const sendMessage = vi.fn(async (_tabId: number, _message: unknown) => undefined);
  fakeBrowser.tabs.sendMessage = sendMessage as never;
  const setDetectionInterval = vi.fn((_seconds: number) => undefined);
  fakeBrowser.idle.setDetectionInterval = setDetectionInterval as never;
  return { sendMessage, setDetectionInterval };
}

/** Opens a tab on `url`; the fake browser, like a real one, always has tab 0 without a URL. */
export async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  return tab.id!;
}

/** What one tab's toolbar button shows. */
export async function badgeOf(tabId: number) {
  return {
    text: await fakeBrowser.action.getBadgeText({ tabId }),
    title: await fakeBrowser.action.getTitle({ tabId }),
  };
}

export async function recordLocally(db: Db, sites: string[]): Promise<void> {
  await setMeta(
    db,
    'local',
    localProfile.parse({
      sites: sites.map((match) => ({ match })),
      captureLevel: 'structure',
      startedAt: 0,
    }),
  );
}

/** The study as it now reads, after its terms changed since the volunteer agreed. */
export async function changeStudy(db: Db): Promise<void> {
  await setMeta(
    db,
    'reconsent',
    studyManifest.parse({ ...testStudy, consent: { text: 'changed', version: 'v2' } }),
  );
}
