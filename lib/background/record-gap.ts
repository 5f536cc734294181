import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getDb } from '../db/open-db';
import { openSession } from '../db/open-session';
import type { TraceEvent } from '../schema';

type GapReason = Extract<TraceEvent, { kind: 'gap' }>['reason'];

/** Records that the recorder was not running since the open session's last event. */
export async function recordGap(
  reason: GapReason,
  ingest: (items: readonly IngestItem[]) => Promise<IngestOutcome[]>,
  now = Date.now(),
): Promise<void> {
  const session = await openSession(await getDb());
  if (!session) return;
  await ingest([
    { draft: { kind: 'gap', t: now, reason, since: session.lastEventAt }, opensSession: false },
  ]);
}
