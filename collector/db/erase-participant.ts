import type { SqlClient } from './sql-client';
import type { ErasureReceipt } from './store';

/**
 * Deletes every event, session and consent record of a participant and marks them
 * erased, in one transaction: an export started afterwards cannot see any of it, and
 * the token stops working. The participant row stays (without data) so a late upload is
 * refused.
 */
export async function eraseParticipant(
  db: SqlClient,
  participantId: string,
): Promise<ErasureReceipt> {
  return db.transaction(async (tx) => {
    const events = await tx.query('delete from events where participant_id = $1', [participantId]);
    const sessions = await tx.query('delete from sessions where participant_id = $1', [
      participantId,
    ]);
    await tx.query('update participants set erased_at = coalesce(erased_at, now()) where id = $1', [
      participantId,
    ]);
    // After the update, which locks the row: a concurrent addConsent waits for this
    // transaction, or has committed before this delete reads the table.
    await tx.query('delete from participant_consents where participant_id = $1', [participantId]);
    return { sessions: sessions.affectedRows, events: events.affectedRows };
  });
}
