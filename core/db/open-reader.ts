/**
 * A second, read-only connection to the cache, for work done off the main thread (a worker thread opens its own:
 * connections cannot be shared between threads). WAL lets it read a consistent snapshot while the main connection
 * writes; it never migrates and never writes.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface ReadOnlyDatabase {
  db: Kysely<Database>;
  close(): Promise<void>;
}

export function openReadOnlyDatabase(file: string, nativeBinding?: string): ReadOnlyDatabase {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, close: () => db.destroy() };
}
