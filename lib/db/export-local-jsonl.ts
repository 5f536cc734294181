import { type EventLine, SCHEMA_VERSION } from '../schema';
import { readSessionChunks } from './chunk-store';
import type { Db } from './open-db';

/** The pseudonym local exports carry: the dataset format needs one, and it names nobody. */
export const LOCAL_PARTICIPANT = 'p_localvolunteer0000';

/**
 * Every stored event as lines of the dataset's `events.jsonl`, in session and sequence
 * order, so a volunteer's own recording loads with the same tools as a study's export.
 */
export async function exportLocalJsonl(
  db: Db,
  extensionVersion: string,
): Promise<{ jsonl: string; lines: number }> {
  const tx = db.transaction(['chunks', 'sessions']);
  const sessions = (await tx.objectStore('sessions').getAll()).sort(
    (a, b) => a.startedAt - b.startedAt,
  );
  const lines: string[] = [];
  for (const session of sessions) {
    for (const chunk of await readSessionChunks(tx.objectStore('chunks'), session.id)) {
      for (const event of chunk.events) {
        const line: EventLine = {
          schemaVersion: SCHEMA_VERSION,
          study: session.studyId ?? 'local',
          participant: LOCAL_PARTICIPANT,
          session: session.id,
          extensionVersion,
          consentVersion: session.consentVersion,
          task: null,
          event,
        };
        lines.push(`${JSON.stringify(line)}\n`);
      }
    }
  }
  await tx.done;
  return { jsonl: lines.join(''), lines: lines.length };
}
