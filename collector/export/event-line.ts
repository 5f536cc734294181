import { type EventLine, SCHEMA_VERSION } from '../../lib/schema';
import { compactJsonbBytes } from '../db/compact-jsonb';
import type { ExportEvent } from '../db/store';
import type { LineBuffer } from './line-buffer';

const CLOSE_BRACE = 125;
const NEWLINE = 10;

/**
 * Writes lines of `events.jsonl`: exactly `JSON.stringify` of an EventLine, keys in its
 * order, with the stored event spliced in as text instead of parsed and printed again.
 * Rows in export order share everything but the event with the row before, so the
 * line's head is printed again only when something in it changes.
 */
export function eventLineWriter() {
  let last: ExportEvent | undefined;
  let lastTask: string | null = null;
  let head = '';
  return (row: ExportEvent, task: string | null, out: LineBuffer): void => {
    if (!last || task !== lastTask || changedHead(last, row)) {
      const fields: Omit<EventLine, 'event'> = {
        schemaVersion: SCHEMA_VERSION,
        study: row.studyId,
        participant: row.participantId,
        session: row.sessionId,
        extensionVersion: row.extensionVersion,
        consentVersion: row.consentVersion,
        task,
      };
      // `{…,"task":null}` less its closing brace; the event is the line's last key.
      head = `${JSON.stringify(fields).slice(0, -1)},"event":`;
      last = row;
      lastTask = task;
    }
    out.reserve(head.length + row.eventJson.length + 2);
    out.write(head);
    const event = out.write(row.eventJson);
    out.at = compactJsonbBytes(out.bytes, event, out.at);
    out.byte(CLOSE_BRACE);
    out.byte(NEWLINE);
  };
}

function changedHead(a: ExportEvent, b: ExportEvent): boolean {
  return (
    a.sessionId !== b.sessionId ||
    a.participantId !== b.participantId ||
    a.studyId !== b.studyId ||
    a.extensionVersion !== b.extensionVersion ||
    a.consentVersion !== b.consentVersion
  );
}
