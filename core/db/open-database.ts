/**
 * Opens the local cache: one better-sqlite3 connection per process (the desktop app and the CLI may share the
 * cache, so transactions take the write lock at BEGIN, immediate-sqlite-dialect.ts), durable pragmas,
 * PRAGMA quick_check, migrations with a backup first, and a Kysely instance over it for the repositories. A
 * damaged, foreign or read-only cache is refused with one line saying what to do (cache-errors.ts), untouched.
 * Read-only opens (the CLI's orders, history, export) never write, never migrate and never create a cache:
 * ':memory:' stands in for a cache that does not exist yet.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { cacheFailure, damagedCache, readOnlyCache } from './cache-errors';
import { assertNotFromTheFuture, migrate, readSchemaVersion, type MigrationResult } from './migrate';
import { loadMigrations, type Migration } from './migrations-source';
import { withStatementCache } from './statement-cache';
import type { Database } from './schema';
import { createLargeWrites, type LargeWrites } from './wal-checkpoint';
import { applyWriterPragmas } from './open-writer';

export interface OpenDatabaseOptions {
  file: string;
  /** better-sqlite3 binary built for Electron's ABI; Node uses the one in node_modules. */
  nativeBinding?: string;
  migrations?: Migration[];
  now?: () => Date;
  /** How many pre-migration backups to keep beside the cache. */
  keepBackups?: number;
  /** Open an existing, up-to-date cache for reading only (no file, folder, journal or migration is written). */
  readOnly?: boolean;
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
  const { file } = options;
  const memory = file === ':memory:';
  const readOnly = (options.readOnly ?? false) && !memory;
  let sqlite: BetterSqlite3.Database;
  try {
    if (!readOnly && !memory) mkdirSync(dirname(file), { recursive: true });
    sqlite = new BetterSqlite3(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(readOnly ? { readonly: true, fileMustExist: true } : {}),
    });
  } catch (error) {
    throw cacheFailure(error, file);
  }
  try {
    // SQLite opens a file it may not write read-only without a word; a writer must know now, not mid-sync.
    if (!readOnly && sqlite.readonly) throw readOnlyCache(file);
    if (readOnly) sqlite.pragma('busy_timeout = 5000');
    else applyPragmas(sqlite, memory);
    checkIntegrity(sqlite, file);
    const migrations = options.migrations ?? loadMigrations();
    const migration = readOnly
      ? currentSchema(sqlite, migrations, file)
      : await migrate(sqlite, migrations, {
          file,
          now,
          backup: (from) => backupBeforeMigration(sqlite, file, from, now(), options.keepBackups ?? 5),
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
        await db.destroy();
        // Kysely closes the handle only if it ever ran a query; a cache opened and closed without one must close
        // too, or its WAL is never checkpointed into the file.
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw cacheFailure(error, file);
  }
}

/**
 * PRAGMA quick_check: the B-tree structure and page-level consistency, without quick_check's full index
 * comparison (integrity_check), so it stays fast on a large cache. A damaged cache must not be written to.
 */
function checkIntegrity(sqlite: BetterSqlite3.Database, file: string): void {
  const rows = sqlite.pragma('quick_check(1)') as { quick_check: string }[];
  const finding = rows[0]?.quick_check ?? 'no answer';
  if (finding !== 'ok') throw damagedCache(file, finding);
}

/** A read-only open cannot migrate: the cache must already be at this version's schema. */
function currentSchema(sqlite: BetterSqlite3.Database, migrations: Migration[], file: string): MigrationResult {
  assertNotFromTheFuture(sqlite, migrations, file);
  const version = readSchemaVersion(sqlite);
  if (version < migrations.length) {
    throw new AppError(
      'db-failed',
      `The cache ${file} was written by an older ClaimDesk (schema ${version}; this one uses ${migrations.length}) and must be updated before it can be read: open it once with the app or \`claimdesk sync\`, then try again. Nothing was changed.`,
    );
  }
  return { from: version, to: version, applied: [], backupFile: null };
}

function applyPragmas(sqlite: BetterSqlite3.Database, memory: boolean): void {
  const mode = String(sqlite.pragma('journal_mode = WAL', { simple: true }));
  // WAL can silently fall back (e.g. on some network file systems); the app relies on it, so say so.
  if (!memory && mode.toLowerCase() !== 'wal') {
    throw new AppError('db-failed', `The cache could not switch to WAL journaling (got "${mode}"). Is it on a network drive?`);
  }
  applyWriterPragmas(sqlite);
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
