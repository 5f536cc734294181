import type { Db } from './open-db';
import type { MetaKey, MetaValues } from './schema';

export async function getMeta<K extends MetaKey>(
  db: Db,
  key: K,
): Promise<MetaValues[K] | undefined> {
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(
  db: Db,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.put('meta', value, key);
}
