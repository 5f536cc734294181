import { describe, expect, it } from 'vitest';
import type { StoredSession, UploadJob } from '../../lib/db/schema';
import { recentSessions } from '../../lib/upload/recent-sessions';

const session = (
  id: string,
  startedAt: number,
  over: Partial<StoredSession> = {},
): StoredSession => ({
  id,
  studyId: 'demo',
  consentVersion: 'v1',
  startedAt,
  lastEventAt: startedAt,
  endedAt: startedAt + 1,
  endReason: 'idle',
  nextSeq: 10,
  eventCount: 10,
  uploadedCount: 0,
  tabs: {},
  ...over,
});

const job = (
  id: string,
  status: UploadJob['status'],
  over: Partial<UploadJob> = {},
): UploadJob => ({
  session: id,
  status,
  requestedAt: 0,
  maxBatch: 500,
  error: null,
  quarantined: [],
  ...over,
});

describe('recentSessions', () => {
  it('lists the newest sessions with steps, each with where it stands', () => {
    const rows = recentSessions(
      [
        session('a', 1),
        session('b', 2, { uploadedCount: 4 }),
        session('c', 3, { endedAt: null, endReason: null }),
        session('d', 4, { eventCount: 0 }),
      ],
      [job('b', 'uploading')],
      'c',
    );
    expect(rows.map((row) => [row.session, row.status, row.sent, row.total])).toEqual([
      ['c', 'recording', 0, 10],
      ['b', 'uploading', 4, 10],
      ['a', 'kept', 0, 10],
    ]);
  });

  it('keeps an older failed upload in view and leaves quarantined steps out of the total', () => {
    const rows = recentSessions(
      [session('old', 1), session('x', 2), session('y', 3), session('z', 4)],
      [job('old', 'failed', { error: 'The collector refused it.', quarantined: [3] })],
      undefined,
    );
    expect(rows.map((row) => row.session)).toEqual(['z', 'y', 'x', 'old']);
    expect(rows[3]).toMatchObject({
      status: 'failed',
      total: 9,
      error: 'The collector refused it.',
    });
  });
});
