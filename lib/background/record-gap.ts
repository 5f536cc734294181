import type { IngestItem, IngestOutcome } from '../db/ingest-events';
import { getDb } from '../db/open-db';
import { openSession } from '../db/open-session';

type GapReason =
  | 'extension-reload'
  | 'browser-closed'
  | 'worker-stopped'
  | 'quota'
  | 'permission-revoked'
  | 'unknown';

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
