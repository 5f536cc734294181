import { getMeta } from '../db/meta';
import { getDb } from '../db/open-db';
import { getRecordingTerms, type RecordingTerms } from '../db/recording-terms';
import type { RecorderSettings } from '../messaging/recorder-settings';
import { sitePatterns } from '../privacy/site-patterns';
import { isStorageFull } from '../settings/storage-full';
import { isEntryGranted } from './is-entry-granted';
import { recorderWords } from './recorder-words';

/** The settings every recorder frame should follow now, read from where they are kept. */
export async function recorderSettingsNow(given?: {
  terms: RecordingTerms | undefined;
}): Promise<RecorderSettings> {
  const db = await getDb();
  const terms = given ? given.terms : await getRecordingTerms(db);
  const paused = ((await getMeta(db, 'paused')) ?? false) || (await isStorageFull());
  return settingsFor(terms, paused);
}

export async function settingsFor(
  terms: RecordingTerms | undefined,
  paused: boolean,
): Promise<RecorderSettings> {
  const allowlist = [];
  for (const entry of terms?.allowlist ?? []) {
    if (await isEntryGranted(entry)) allowlist.push(entry);
  }
  const shaping = {
    study: terms ? `${terms.mode}:${terms.studyId ?? ''}:${terms.consentVersion}` : '',
    captureLevel: terms?.captureLevel ?? 'structure',
    testIdAttributes: terms?.testIdAttributes ?? [],
    routeTemplates: terms?.routeTemplates ?? [],
    queryKeys: terms?.queryKeys ?? [],
    allowlist,
    words: terms ? recorderWords(terms) : [],
  };
  const { study: _study, ...rest } = shaping;
  return {
    v: fingerprint(JSON.stringify(shaping)),
    record: terms !== undefined && !paused && allowlist.length > 0,
    ...rest,
    sites: sitePatterns(allowlist),
  };
}

/** FNV-1a, twice with different seeds: a version tag, not a secret. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
