import 'fake-indexeddb/auto';
import { setMeta } from '../../../lib/db/meta';
import { type Db, openTasktraceDb } from '../../../lib/db/open-db';
import { studyManifest } from '../../../lib/schema';

export const testStudy = studyManifest.parse({
  id: 'demo',
  name: 'Demo',
  researcher: { name: 'Lab', contact: 'lab@uni.example' },
  consent: { text: 'ok', version: 'v1' },
  allowlist: [{ match: 'https://shop.example/*' }, { match: 'https://docs.example/*' }],
  retentionDays: 30,
  endpoint: 'https://collector.example',
});

/** A fresh database (fake-indexeddb) of a volunteer who joined `testStudy`. */
export async function enrolledDb(): Promise<Db> {
  const db = await openTasktraceDb(`test-${crypto.randomUUID()}`);
  await setMeta(db, 'enrollment', {
    studyUrl: 'https://collector.example/v1/studies/demo',
    study: testStudy,
    participantId: 'p_0123456789abcdef0123',
    uploadToken: 'x'.repeat(43),
    consentVersion: 'v1',
    enrolledAt: 0,
  });
  return db;
}
