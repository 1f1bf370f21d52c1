/**
 * The sync's save is a copy of the server's list with its cursor: its commit does not wait for the disk
 * (synchronous=NORMAL, relaxed-commit.ts), while every other commit of the cache keeps synchronous=FULL. The switch
 * happens on the one connection held for the save, so no other query of the process runs under NORMAL.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { withRelaxedCommit } from '../../core/db/relaxed-commit';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const SYNCHRONOUS = { normal: 1, full: 2 };

describe('durability of the sync save', () => {
  let server: Server;
  let backEnd: BackEnd;
  const synchronous = (): number => Number(backEnd.opened.sqlite.pragma('synchronous', { simple: true }));

  beforeEach(async () => {
    server = await startTestServer('demo');
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
  });
  afterEach(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  it('writes the orders and commits them under NORMAL, and is back at FULL for everything after', async () => {
    // Records the connection's setting at each run of a statement that writes into main.orders (the save's
    // copy) and at each COMMIT, as better-sqlite3 runs them.
    const seen: { orders: number[]; commits: number[] } = { orders: [], commits: [] };
    const { sqlite } = backEnd.opened;
    const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'run' | 'all', (...args: unknown[]) => unknown>;
    const original = { run: proto.run, all: proto.all };
    for (const method of ['run', 'all'] as const) {
      proto[method] = function (this: { source: string }, ...args: unknown[]) {
        if (/^INSERT INTO main\.orders/.test(this.source)) seen.orders.push(synchronous());
        if (/^commit$/i.test(this.source.trim())) seen.commits.push(synchronous());
        return original[method].apply(this, args);
      };
    }
    onTestFinished(() => {
      Object.assign(proto, original);
    });
    await backEnd.opened.db.transaction().execute(async (trx) => sql`SELECT 1`.execute(trx)); // a commit of local work
    expect(seen.commits).toEqual([SYNCHRONOUS.full]);

    const report = await backEnd.sync.syncNow();
    expect(report.added).toBeGreaterThan(0);
    expect(seen.orders.length).toBeGreaterThan(0);
    expect(new Set(seen.orders)).toEqual(new Set([SYNCHRONOUS.normal]));
    // One commit of the sync is the save's; any other transaction it runs commits as local work does.
    expect(seen.commits.filter((level) => level === SYNCHRONOUS.normal)).toHaveLength(1);
    expect(seen.commits.filter((level) => level !== SYNCHRONOUS.normal && level !== SYNCHRONOUS.full)).toEqual([]);
    expect(synchronous()).toBe(SYNCHRONOUS.full);
    await backEnd.opened.db.transaction().execute(async (trx) => sql`SELECT 1`.execute(trx));
    expect(seen.commits.at(-1)).toBe(SYNCHRONOUS.full);
  });

  it('restores FULL when the save fails, and keeps other queries of the process out of the NORMAL stretch', async () => {
    const { db } = backEnd.opened;
    const order: string[] = [];
    await expect(
      withRelaxedCommit(db, async () => {
          // Issued on the shared handle while the connection is held: it may only run once the save is over.
          const other = sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db).then((result) => {
            order.push(`other at ${result.rows[0]!.synchronous}`);
          });
          order.push(`save at ${synchronous()}`);
          void other;
          throw new Error('the save failed');
        }),
    ).rejects.toThrow('the save failed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([`save at ${SYNCHRONOUS.normal}`, `other at ${SYNCHRONOUS.full}`]);
    expect(synchronous()).toBe(SYNCHRONOUS.full);
  });
});
