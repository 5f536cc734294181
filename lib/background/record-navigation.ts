import type { Browser } from 'wxt/browser';
import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getDb } from '../db/open-db';
import { getRecordingTerms } from '../db/recording-terms';
import { scrubUrl } from '../privacy/scrub-url';
import { structuralWordSet } from '../privacy/structural-words';
import { navigationEvent } from '../schema';
import { isRecordableUrl } from './is-recordable-url';

type Committed = Browser.webNavigation.WebNavigationTransitionCallbackDetails;

const TRANSITIONS = new Set(navigationEvent.shape.transition.options);
const QUALIFIERS = new Set(navigationEvent.shape.qualifiers.element.options);

/** Records a committed top-level load on an allowlisted, granted page. */
export async function recordNavigation(
  details: Committed,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
): Promise<void> {
  if (details.frameId !== 0) return;
  const terms = await getRecordingTerms(await getDb());
  if (!terms || !(await isRecordableUrl(terms, details.url))) return;
  const transition = TRANSITIONS.has(details.transitionType as never)
    ? (details.transitionType as (typeof navigationEvent.shape.transition.options)[number])
    : 'link';
  const qualifiers = (details.transitionQualifiers ?? []).filter((qualifier: string) =>
    QUALIFIERS.has(qualifier as never),
  ) as (typeof navigationEvent.shape.qualifiers.element.options)[number][];
  await ingest([
    {
      draft: {
        kind: 'navigation',
        t: Math.round(details.timeStamp),
        frame: [],
        page: scrubUrl(details.url, { ...terms, words: structuralWordSet(terms) }),
        transition,
        qualifiers,
      },
      tabId: details.tabId,
    },
  ]);
}
