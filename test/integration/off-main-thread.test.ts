/**
 * O(orders) work after a sync leaves the main thread free: the possible-duplicate check runs in a worker thread over
 * its own read-only connection and finds exactly what the same check finds on the calling thread; long loops give
 * the event loop its turns (createTurn). Timings are the benchmark's (event-loop.bench.ts); these check behaviour.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTurn } from '../../core/platform/event-loop';
import { countOrders } from '../../core/repos/orders.repo';
import { inThreadDuplicateCheck, workerDuplicateCheck } from '../../core/workflow/duplicate-check';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('work off the main thread', () => {
  let server: Server;
  let backEnd: BackEnd;

  beforeAll(async () => {
    server = await startTestServer();
    // A second purchase of the same claims, so there is a pair to find.
    const docs = (await server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as Record<string, unknown>);
    const original = docs.find((o) => o['order_type'] === 'claim_order' && o['id'] === 2)!;
    await server.store.insertRawOrder({ ...original, id: 77, order_number: 'CO-DUP-77' });
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
    await backEnd.sync.syncNow();
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  it('finds the same possible duplicates in a worker thread as on this one', async () => {
    const here = await inThreadDuplicateCheck(backEnd.opened.db)(0.5);
    expect(here.pairs.length).toBeGreaterThan(0);
    let fellBack = false;
    const inWorker = await workerDuplicateCheck({
      file: join(backEnd.dataDir, 'claimdesk.sqlite'),
      fallback: async () => {
        fellBack = true;
        return { pairs: [], numbers: {} };
      },
    })(0.5);
    expect(fellBack).toBe(false);
    expect(inWorker).toEqual(here);
    expect(Object.keys(inWorker.numbers).sort()).toEqual([...new Set(here.pairs.flatMap((p) => [p.a, p.b]))].sort());
  });

  it('checks a cache too small to be worth a worker on this thread', async () => {
    let inThread = 0;
    const check = workerDuplicateCheck({
      file: join(backEnd.dataDir, 'claimdesk.sqlite'),
      fallback: (minShare) => {
        inThread += 1;
        return inThreadDuplicateCheck(backEnd.opened.db)(minShare);
      },
      inThreadBelow: { orders: 100, count: () => countOrders(backEnd.opened.db, { includeGone: false }) },
    });
    expect((await check(0.5)).pairs.length).toBeGreaterThan(0);
    expect(inThread).toBe(1);
  });

  it('says why when the worker cannot read the cache, instead of answering nothing', async () => {
    const check = workerDuplicateCheck({ file: join(backEnd.dataDir, 'no-such.sqlite'), fallback: () => Promise.reject(new Error('not used')) });
    await expect(check(0.5)).rejects.toThrow(/duplicate check failed: .*(unable to open|does not exist|no such file)/i);
  });

  it('gives the event loop a turn once the budget is spent, and none before', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    expect(createTurn(60_000)()).toBeUndefined();
    await createTurn(0)();
    expect(ran).toBe(true);
  });
});
