/**
 * A second writing connection to the cache, for a write done off the main thread (a worker thread opens its own:
 * connections cannot be shared between threads). It never migrates (the main connection did) and runs with the
 * same per-connection settings as the main one, so a write here is as durable, checked and patient as one there.
 * Its log is never checkpointed by its own commits: the main connection's writer does that off the thread too
 * (wal-checkpoint.ts).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { LOCAL_WORK_SYNCHRONOUS } from './relaxed-commit';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export interface WriterDatabase {
  db: Kysely<Database>;
  close(): Promise<void>;
}

/** The settings every writing connection of the cache runs with (open-database.ts applies them too). */
export function applyWriterPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('foreign_keys = ON');
  // FULL: the outbox of legal documents must survive power loss, one fsync per commit is affordable
  // (relaxed-commit.ts: an outbox lease and the sync's save of the server's copy commit without one, and why).
  sqlite.pragma(`synchronous = ${LOCAL_WORK_SYNCHRONOUS}`);
  sqlite.pragma('busy_timeout = 5000');
}

export function openWriterDatabase(file: string, nativeBinding?: string): WriterDatabase {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyWriterPragmas(sqlite);
    sqlite.pragma('wal_autocheckpoint = 0');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
