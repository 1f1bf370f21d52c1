/**
 * The app stages and saves a sync's orders in a worker thread over a connection of its own (worker-order-saver.ts).
 * It must write exactly what the in-thread save writes (new, changed and gone orders, the cursor), the main
 * connection must write none of it, and a save that fails in the worker must leave the cache as it was.
 */
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { getSyncState } from '../../core/repos/sync-state.repo';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Every stored column but the save's own times, which differ between two caches synced one after the other. */
function storedOrders(backEnd: BackEnd): unknown[] {
  const orders = backEnd.opened.sqlite.prepare('SELECT * FROM orders ORDER BY order_type, id').all() as Record<string, unknown>[];
  const payloads = backEnd.opened.sqlite.prepare('SELECT * FROM order_payloads ORDER BY order_type, id').all();
  return [orders.map(({ first_seen_at: _first, updated_at: _updated, gone_at: gone, ...row }) => ({ ...row, gone: gone !== null })), payloads];
}

describe('the sync saved in a worker thread', () => {
  let server: Server;
  let here: BackEnd;
  let inWorker: BackEnd;

  beforeEach(async () => {
    server = await startTestServer('demo');
    here = await openBackEnd();
    inWorker = await openBackEnd({ saveInWorker: true });
    await here.signInStaff(server.url);
    await inWorker.signInStaff(server.url);
  });
  afterEach(async () => {
    await here.close();
    await inWorker.close();
    await server.cleanup();
  });

  it('writes what the in-thread save writes, new, changed and gone orders alike, and nothing through the main connection', async () => {
    // Every statement the worker back-end's own (main) connection runs that writes orders.
    const mainWrites: string[] = [];
    const proto = Object.getPrototypeOf(inWorker.opened.sqlite.prepare('SELECT 1')) as Record<'run' | 'all', (...args: unknown[]) => unknown>;
    const original = { run: proto.run, all: proto.all };
    for (const method of ['run', 'all'] as const) {
      proto[method] = function (this: { source: string; database: unknown }, ...args: unknown[]) {
        if (this.database === inWorker.opened.sqlite && /INSERT INTO main\.(orders|order_payloads)|UPDATE "orders"/i.test(this.source)) mainWrites.push(this.source);
        return original[method].apply(this, args);
      };
    }
    onTestFinished(() => {
      Object.assign(proto, original);
    });

    const first = [await here.sync.syncNow(), await inWorker.sync.syncNow()];
    expect(first[0]!.added).toBeGreaterThan(0);
    expect(first[1]).toMatchObject({ outcome: 'updated', added: first[0]!.added });
    expect(storedOrders(inWorker)).toEqual(storedOrders(here));

    // One order changes on the server, one leaves the pending list.
    await fetch(`${server.url}/__test__/orders/claim_order/3`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'in_progress' }) });
    await fetch(`${server.url}/__test__/orders/claim_order/5`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'cancelled' }) });
    const second = [await here.sync.syncNow(), await inWorker.sync.syncNow()];
    expect(second[1]).toMatchObject({ outcome: 'updated', updated: second[0]!.updated, gone: 1 });
    expect(second[1]!.updated).toBeGreaterThan(0);
    expect(storedOrders(inWorker)).toEqual(storedOrders(here));
    expect((await getSyncState(inWorker.opened.db)).etag).toEqual((await getSyncState(here.opened.db)).etag);
    expect(mainWrites).toEqual([]);
  });

  it('leaves the cache as it was when the save fails in the worker, and says why', async () => {
    await inWorker.sync.syncNow();
    const before = storedOrders(inWorker);
    const cursor = (await getSyncState(inWorker.opened.db)).etag;
    // A change the cache refuses part-way through the save's copy (the worker's connection sees the trigger too).
    inWorker.opened.sqlite.exec(`CREATE TRIGGER refuse_order BEFORE UPDATE ON orders WHEN NEW.id = 3 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    await fetch(`${server.url}/__test__/orders/claim_order/2`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'in_progress' }) });
    await fetch(`${server.url}/__test__/orders/claim_order/3`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'in_progress' }) });
    await expect(inWorker.sync.syncNow()).rejects.toThrow(/refused by the test/);
    expect(storedOrders(inWorker)).toEqual(before);
    const state = await getSyncState(inWorker.opened.db);
    expect(state.etag).toBe(cursor);
    expect(state.lastError?.message).toMatch(/refused by the test/);

    // Nothing of the failed sync is left behind: the next one saves everything.
    inWorker.opened.sqlite.exec('DROP TRIGGER refuse_order');
    const report = await inWorker.sync.syncNow();
    expect(report.updated).toBe(2);
    expect(inWorker.opened.sqlite.prepare("SELECT status FROM orders WHERE order_type = 'claim_order' AND id IN (2, 3)").all()).toEqual([
      { status: 'in_progress' },
      { status: 'in_progress' },
    ]);
  });
});
