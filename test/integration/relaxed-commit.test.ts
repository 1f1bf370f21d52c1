/**
 * A relaxed commit (an outbox lease) skips its own flush and nothing else: inside it the connection commits with
 * synchronous=NORMAL, afterwards it is FULL again, also when the work fails, and a transaction that starts while
 * it runs waits for the connection and commits FULL (the relaxed setting never leaks into another writer's commit).
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../core/db/open-database';
import { flushRelaxedCommits, withRelaxedCommit } from '../../core/db/relaxed-commit';
import { makeTempDir } from '../helpers/temp-dir';

const FULL = 2;
const NORMAL = 1;

describe('relaxed commits', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let opened: OpenedDatabase;

  beforeEach(async () => {
    temp = makeTempDir();
    opened = await openDatabase({ file: join(temp.dir, 'claimdesk.sqlite') });
  });
  afterEach(async () => {
    await opened.close();
    temp.cleanup();
  });

  const synchronous = async (db = opened.db): Promise<number> => Number((await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]!.synchronous);

  it('commits the work with synchronous=NORMAL and puts FULL back', async () => {
    expect(await synchronous()).toBe(FULL);
    const inside = await withRelaxedCommit(opened.db, async (db) => {
      await db.insertInto('settings').values({ key: 'relaxed', value: 'yes' }).execute();
      return synchronous(db);
    });
    expect(inside).toBe(NORMAL);
    expect(await synchronous()).toBe(FULL);
    expect(await opened.db.selectFrom('settings').select('value').where('key', '=', 'relaxed').executeTakeFirst()).toEqual({ value: 'yes' });
  });

  it('puts FULL back when the work fails', async () => {
    await expect(withRelaxedCommit(opened.db, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await synchronous()).toBe(FULL);
  });

  it('never lets a transaction that starts meanwhile commit relaxed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const relaxed = withRelaxedCommit(opened.db, async (db) => {
      await held;
      return synchronous(db);
    });
    // Started while the relaxed work holds the connection: it runs after it, under the connection's own setting.
    const other = opened.db.transaction().execute((trx) => synchronous(trx));
    release();
    expect(await relaxed).toBe(NORMAL);
    expect(await other).toBe(FULL);
  });

  it('flushes relaxed commits off the thread, also when the log was checkpointed away, and in memory', async () => {
    await withRelaxedCommit(opened.db, (db) => db.insertInto('settings').values({ key: 'flushed', value: 'yes' }).execute());
    await flushRelaxedCommits(opened.db);
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await flushRelaxedCommits(opened.db);
    const memory = await openDatabase({ file: ':memory:' });
    try {
      await flushRelaxedCommits(memory.db);
    } finally {
      await memory.close();
    }
  });
});
