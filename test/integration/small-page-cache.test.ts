/**
 * The sync's save runs with a small page cache, so its changed pages spill into the write-ahead log while it runs
 * instead of all in its COMMIT (small-page-cache.ts). Spilled frames are not committed: another process reading the
 * cache meanwhile sees the state before the transaction, then all of it, never part; a transaction that fails after
 * spilling leaves nothing. The connection's cache setting is put back either way.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../core/db/open-database';
import { withRelaxedCommit } from '../../core/db/relaxed-commit';
import { withSmallPageCache } from '../../core/db/small-page-cache';
import type { Database } from '../../core/db/schema';
import { makeTempDir } from '../helpers/temp-dir';

const CACHE_KIB = 64;
/** 2,000 rows of 4 kB: some 8 MB of pages, over a hundred times the cache. */
const ROWS = 2_000;
const BATCH = 100;
const VALUE = 'x'.repeat(4_000);

/** How many of the test's rows another process sees, reading the cache file as the CLI would. */
function countInAnotherProcess(file: string): number {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `
    const Database = require(${JSON.stringify(betterSqlite3)});
    const db = new Database(${JSON.stringify(file)}, { readonly: true, fileMustExist: true });
    process.stdout.write(String(db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'spill-%'").get().n));
    db.close();`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

describe('a save with a small page cache', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let opened: OpenedDatabase;
  let file: string;

  beforeEach(async () => {
    temp = makeTempDir();
    file = join(temp.dir, 'claimdesk.sqlite');
    opened = await openDatabase({ file });
  });
  afterEach(async () => {
    await opened.close();
    temp.cleanup();
  });

  const cacheSize = async (db: Kysely<Database> = opened.db): Promise<number> =>
    Number((await sql<{ cache_size: number }>`PRAGMA main.cache_size`.execute(db)).rows[0]!.cache_size);
  const logBytes = (): number => statSync(`${file}-wal`).size;

  /** Writes the rows a batch at a time inside one transaction; `midway` runs after half of them, uncommitted. */
  const save = (midway: () => void, fail = false) =>
    withRelaxedCommit(opened.db, (connection) =>
      withSmallPageCache(connection, CACHE_KIB, () =>
        connection.transaction().execute(async (trx) => {
          expect(await cacheSize(trx)).toBe(-CACHE_KIB);
          for (let from = 0; from < ROWS; from += BATCH) {
            if (from === ROWS / 2) midway();
            const rows = Array.from({ length: BATCH }, (_, i) => ({ key: `spill-${from + i}`, value: VALUE }));
            await trx.insertInto('settings').values(rows).execute();
          }
          if (fail) throw new Error('the save failed');
        }),
      ),
    );

  it('spills changed pages to the log during the transaction; another process sees none of them until COMMIT, then all', async () => {
    const before = await cacheSize();
    expect(before).not.toBe(-CACHE_KIB);
    const logAtStart = logBytes();
    let seenMidway = -1;
    let spilled = 0;
    await save(() => {
      spilled = logBytes() - logAtStart;
      seenMidway = countInAnotherProcess(file);
    });
    // Half the rows (4 MB) were already in the log, uncommitted, and invisible to the other process.
    expect(spilled).toBeGreaterThan(2_000_000);
    expect(seenMidway).toBe(0);
    expect(countInAnotherProcess(file)).toBe(ROWS);
    expect(await cacheSize()).toBe(before);
  });

  it('leaves nothing when the transaction fails after spilling, and puts the cache setting back', async () => {
    const before = await cacheSize();
    await expect(save(() => undefined, true)).rejects.toThrow('the save failed');
    expect(countInAnotherProcess(file)).toBe(0);
    expect(await cacheSize()).toBe(before);
    // The connection goes on as before: a later write commits and is seen.
    await opened.db.insertInto('settings').values({ key: 'spill-after', value: 'yes' }).execute();
    expect(countInAnotherProcess(file)).toBe(1);
  });
});
