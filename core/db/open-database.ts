/**
 * Opens the local cache: one better-sqlite3 connection per process (the desktop app and the CLI may share the
 * cache, so transactions take the write lock at BEGIN, immediate-sqlite-dialect.ts), durable pragmas, migrations
 * with a backup first, and a Kysely instance over it for the repositories.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { migrate, type MigrationResult } from './migrate';
import { loadMigrations, type Migration } from './migrations-source';
import { withStatementCache } from './statement-cache';
import type { Database } from './schema';
import { createLargeWrites, type LargeWrites } from './wal-checkpoint';

export interface OpenDatabaseOptions {
  file: string;
  /** better-sqlite3 binary built for Electron's ABI; Node uses the one in node_modules. */
  nativeBinding?: string;
  migrations?: Migration[];
  now?: () => Date;
  /** How many pre-migration backups to keep beside the cache. */
  keepBackups?: number;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  migration: MigrationResult;
  schemaVersion: number;
  /** Writes of many rows whose checkpoint is kept off this thread (wal-checkpoint.ts). */
  largeWrites: LargeWrites;
  close(): Promise<void>;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(options.file), { recursive: true });
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new AppError('db-failed', `The cache ${options.file} could not be opened: ${(error as Error).message}`, { cause: error });
  }
  try {
    applyPragmas(sqlite);
    const migrations = options.migrations ?? loadMigrations();
    const migration = await migrate(sqlite, migrations, {
      file: options.file,
      now,
      backup: (from) => backupBeforeMigration(sqlite, options.file, from, now(), options.keepBackups ?? 5),
    });
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    const largeWrites = createLargeWrites(sqlite, { file: options.file, nativeBinding: options.nativeBinding });
    return {
      db,
      sqlite,
      migration,
      schemaVersion: migration.to,
      largeWrites,
      close: async () => {
        await largeWrites.settled();
        await db.destroy(); // closes the better-sqlite3 handle too
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function applyPragmas(sqlite: BetterSqlite3.Database): void {
  const mode = String(sqlite.pragma('journal_mode = WAL', { simple: true }));
  // WAL can silently fall back (e.g. on some network file systems); the app relies on it, so say so.
  if (mode.toLowerCase() !== 'wal') {
    throw new AppError('db-failed', `The cache could not switch to WAL journaling (got "${mode}"). Is it on a network drive?`);
  }
  sqlite.pragma('foreign_keys = ON');
  // FULL: the outbox of legal documents must survive power loss, one fsync per commit is affordable.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
}

async function backupBeforeMigration(
  sqlite: BetterSqlite3.Database,
  file: string,
  fromVersion: number,
  at: Date,
  keep: number,
): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(file), `${basename(file)}.v${fromVersion}-${stamp}.backup`);
  await sqlite.backup(target);
  pruneBackups(file, keep);
  return target;
}

function pruneBackups(file: string, keep: number): void {
  const prefix = `${basename(file)}.v`;
  const backups = readdirSync(dirname(file))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.backup'))
    .map((name) => ({ name, at: statSync(join(dirname(file), name)).mtimeMs }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.name);
  for (const name of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(join(dirname(file), name));
}
