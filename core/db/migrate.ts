/**
 * Forward-only migrations. The schema version is PRAGMA user_version (cheap to read before anything else) and
 * each applied file is also recorded in schema_migrations with its time, for support. Migration files are DDL,
 * run through better-sqlite3's exec because they hold several statements; this and open-database.ts are the
 * only places outside repositories that issue SQL.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { DataStep } from './data-migrations';
import type { Migration } from './migrations-source';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
  backupFile: string | null;
}

export function readSchemaVersion(db: BetterSqlite3.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Refuses a cache written by a newer ClaimDesk: its data must survive until the user updates the app. */
export function assertNotFromTheFuture(db: BetterSqlite3.Database, migrations: Migration[], file: string): void {
  const current = readSchemaVersion(db);
  const known = migrations.length;
  if (current > known) {
    throw new AppError(
      'db-too-new',
      `This cache (${file}) was written by a newer version of ClaimDesk (schema ${current}; this version knows up to ${known}). ` +
        'Install the newer ClaimDesk to open it. Nothing has been changed or deleted.',
    );
  }
}

export async function migrate(
  db: BetterSqlite3.Database,
  migrations: Migration[],
  options: {
    file: string;
    backup: (fromVersion: number) => Promise<string | null>;
    now: () => Date;
    /** TypeScript steps by version, run right after that version's SQL (data-migrations.ts). */
    dataSteps?: Readonly<Record<number, DataStep>>;
    /** Versions that run with foreign keys off (data-migrations.ts: FOREIGN_KEYS_OFF). */
    foreignKeysOff?: ReadonlySet<number>;
  },
): Promise<MigrationResult> {
  assertNotFromTheFuture(db, migrations, options.file);
  const from = readSchemaVersion(db);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], backupFile: null };

  // The data steps read domain rules (job and workflow types): loaded only when a migration runs, so opening a
  // cache that is up to date (every CLI command, every start) does not load them.
  const { DATA_STEPS, FOREIGN_KEYS_OFF } = await import('./data-migrations');
  // A copy of the cache as it was, before any statement touches it (none for a brand-new file).
  const backupFile = from > 0 ? await options.backup(from) : null;

  // A migration that rebuilds a parent table runs with foreign keys off, as SQLite's procedure for such changes says
  // (https://www.sqlite.org/lang_altertable.html section 7): with them on, dropping the old table would act on its
  // children. The pragma is a no-op inside a transaction, so it is switched here, around the whole batch, and
  // foreign_key_check must find no reference broken by the batch before it commits.
  const keysOff = pending.some((m) => (options.foreignKeysOff ?? FOREIGN_KEYS_OFF).has(m.version)) && Number(db.pragma('foreign_keys', { simple: true })) === 1;
  type Broken = { table: string; rowid: number; parent: string; fkid: number };
  const brokenKeys = (): Broken[] => db.pragma('foreign_key_check') as Broken[];
  const keyOf = (b: Broken): string => `${b.table}:${b.rowid}:${b.parent}:${b.fkid}`;
  const applyAll = db.transaction(() => {
    // References already broken before (a cache damaged by hand or by an old bug) are not this migration's doing:
    // only what it breaks refuses it, so such a cache still opens.
    const before = keysOff ? new Set(brokenKeys().map(keyOf)) : new Set<string>();
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    // Read again under the write lock: another process opening the same cache may have migrated it meanwhile.
    const applied = readSchemaVersion(db);
    for (const migration of pending.filter((m) => m.version > applied)) {
      db.exec(migration.sql);
      (options.dataSteps ?? DATA_STEPS)[migration.version]?.(db, options.now());
      record.run(migration.version, migration.name, options.now().toISOString());
      // user_version inside the same transaction: a crash leaves either all of a migration or none of it.
      db.pragma(`user_version = ${migration.version}`);
    }
    if (keysOff) {
      const broken = brokenKeys().filter((b) => !before.has(keyOf(b)));
      if (broken.length > 0) {
        const first = broken[0];
        throw new Error(`${broken.length} row(s) would break a foreign key (first: ${first?.table} row ${first?.rowid} → ${first?.parent}).`);
      }
    }
  });
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    // IMMEDIATE: the write lock first, so two processes opening one cache migrate it once, one after the other.
    applyAll.immediate();
  } catch (error) {
    throw new AppError('db-failed', `Updating the cache failed and was rolled back: ${(error as Error).message}`, { cause: error });
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return { from, to: readSchemaVersion(db), applied: pending.map((m) => `${m.version}_${m.name}`), backupFile };
}
