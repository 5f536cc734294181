import { openDatabase } from '../../collector/db/open-database';
import { BENCH_CONSENT, BENCH_STUDY } from './make-batches';

/**
 * Fills the study up to `total` events straight through SQL, copying a stored event with
 * new sessions and sequence numbers: the export is measured on a million rows without
 * spending the bench's time uploading them (ingest is measured on its own).
 */
export async function seedEvents(
  target: { dataDir: string; databaseUrl?: string },
  total: number,
  perSession = 5_000,
): Promise<number> {
  const { db } = await openDatabase({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    holder: 'the benchmark',
  });
  try {
    const count = async () =>
      Number(
        (
          await db.query<{ n: string }>('select count(*) as n from events where study_id = $1', [
            BENCH_STUDY,
          ])
        ).rows[0]?.n ?? 0,
      );
    const participants = (
      await db.query<{ id: string }>(
        'select id from participants where study_id = $1 order by id',
        [BENCH_STUDY],
      )
    ).rows.map((row) => row.id);
    const template = (
      await db.query<{ body: unknown }>('select body from events where study_id = $1 limit 1', [
        BENCH_STUDY,
      ])
    ).rows[0]?.body;
    if (participants.length === 0 || template === undefined) {
      throw new Error('Nothing uploaded to copy: run the ingest first.');
    }
    let have = await count();
    for (let s = 0; have < total; s++) {
      const rows = Math.min(perSession, total - have);
      const session = (
        await db.query<{ id: string }>('select md5($1)::uuid::text as id', [`bench-seed-${s}`])
      ).rows[0]?.id as string;
      const participant = participants[s % participants.length] as string;
      await db.transaction(async (tx) => {
        await tx.query(
          `insert into sessions (id, participant_id, study_id, started_at) values ($1, $2, $3, $4)`,
          [session, participant, BENCH_STUDY, 1_767_225_600_000],
        );
        await tx.query(
          `insert into events (session_id, seq, participant_id, study_id, t, kind,
                               extension_version, consent_version, body)
           select $1, g, $2, $3, $4::bigint + g * 250, $5::jsonb->>'kind', '0.1.0', $6,
                  jsonb_set(jsonb_set(jsonb_set($5::jsonb, '{seq}', to_jsonb(g)),
                            '{session}', to_jsonb($1::text)), '{t}', to_jsonb($4::bigint + g * 250))
           from generate_series(0, $7::int - 1) as g`,
          [
            session,
            participant,
            BENCH_STUDY,
            1_767_225_600_000,
            JSON.stringify(template),
            BENCH_CONSENT,
            rows,
          ],
        );
      });
      have += rows;
    }
    return await count();
  } finally {
    await db.close();
  }
}
