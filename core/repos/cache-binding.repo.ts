/**
 * The server this cache belongs to. Orders, jobs and outbox entries carry no server of their own (an order id is
 * only unique on its server), so one cache holds one server's work: the binding is set by the first sign-in and
 * changes only while the cache holds no work at all.
 */
import type { Db } from '../db/schema';
import { getValues, setValues } from './key-value.repo';

const CACHE_SERVER_KEY = 'cache.server_url';

export async function getCacheServer(db: Db): Promise<string | null> {
  return (await getValues(db, 'settings')).get(CACHE_SERVER_KEY) ?? null;
}

export async function setCacheServer(db: Db, serverUrl: string): Promise<void> {
  await setValues(db, 'settings', { [CACHE_SERVER_KEY]: serverUrl });
}

/** Any order, job or outbox entry: work that came from, or is owed to, the bound server. */
export async function cacheHoldsWork(db: Db): Promise<boolean> {
  for (const table of ['orders', 'jobs', 'outbox'] as const) {
    if (await db.selectFrom(table).select((eb) => eb.lit(1).as('one')).limit(1).executeTakeFirst()) return true;
  }
  return false;
}
