import type { SqlClient } from './sql-client';
import type { ErasureReceipt } from './store';

/**
 * Deletes every event, session, task list, consent record and idempotency key (with the
 * upload answer it holds) of a participant and marks them erased, in one transaction: an
 * export started afterwards cannot see any of it, and the token stops working. The
 * participant row stays (without data) so a late upload is refused.
 */
export async function eraseParticipant(
  db: SqlClient,
  participantId: string,
): Promise<ErasureReceipt> {
  return db.transaction(async (tx) => {
    // Marked erased first: the update locks the row, so an upload, consent or key claim
    // in flight either committed before (and its rows are deleted below) or waits for
    // this transaction and then finds the participant erased.
    await tx.query('update participants set erased_at = coalesce(erased_at, now()) where id = $1', [
      participantId,
    ]);
    const events = await tx.query('delete from events where participant_id = $1', [participantId]);
    // Task lists, the volunteer's and annotators', reference the sessions: they go first.
    await tx.query(
      'delete from session_tasks where session_id in (select id from sessions where participant_id = $1)',
      [participantId],
    );
    const sessions = await tx.query('delete from sessions where participant_id = $1', [
      participantId,
    ]);
    await tx.query('delete from participant_consents where participant_id = $1', [participantId]);
    // Upload answers kept for replay; a concurrent claim waits for this transaction as above.
    await tx.query('delete from idempotency_keys where participant_id = $1', [participantId]);
    return { sessions: sessions.affectedRows, events: events.affectedRows };
  });
}
