/**
 * A large write with a small page cache. SQLite keeps a transaction's changed pages in the connection's page cache
 * until COMMIT and writes the ones still there at COMMIT, on the calling thread: with the cache's default 16 MB
 * that was 16 MB of log written in one statement. With a small cache (and cache_spill on, SQLite's default) the
 * changed pages spill into the write-ahead log as the statements that change them run, a batch at a time, and
 * COMMIT writes only what is left. A spilled frame is not yet committed: readers and other processes see the
 * transaction whole or not at all, as before.
 *
 * cache_size belongs to the connection: call this on a held connection (withRelaxedCommit's), so no other query
 * runs meanwhile; the setting is put back afterwards, also when the work fails.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export async function withSmallPageCache<T>(connection: Kysely<Database>, kib: number, work: () => Promise<T>): Promise<T> {
  const pragma = async (text: string): Promise<number> => {
    const { rows } = await sql.raw<Record<string, number>>(text).execute(connection);
    return Number(Object.values(rows[0] ?? {})[0] ?? 0);
  };
  const cacheSize = await pragma('PRAGMA main.cache_size');
  const spill = await pragma('PRAGMA main.cache_spill');
  await sql.raw(`PRAGMA main.cache_size = ${-Math.abs(Math.round(kib))}`).execute(connection);
  if (spill === 0) await sql.raw('PRAGMA cache_spill = ON').execute(connection);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA main.cache_size = ${cacheSize}`).execute(connection);
    if (spill === 0) await sql.raw('PRAGMA cache_spill = OFF').execute(connection);
  }
}
