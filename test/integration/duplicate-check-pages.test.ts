/**
 * The duplicate check over the cache reads the orders a page at a time and keeps only their claims' boxes, then
 * reads the geometry of just the orders whose boxes met. It must find exactly what the check over every order held
 * in memory finds, also for pairs whose orders fall on different pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderKeyOfRow, orderKeyString } from '../../shared/domain/order.types';
import { findDuplicateOrders } from '../../shared/workflow/duplicate-orders';
import { listClaimsOfListedOrders } from '../../core/repos/duplicates.repo';
import { findDuplicatesInCache, PAGE_ORDERS } from '../../core/workflow/duplicate-check';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Many pages of the check's first pass. */
const ORDERS = 1_300;

describe('the duplicate check a page at a time', () => {
  let server: Server;
  let backEnd: BackEnd;

  beforeAll(async () => {
    server = await startTestServer({ orders: ORDERS, claimsPerOrder: 2 });
    // Second purchases of early orders' claims, listed last: each pair spans the pages.
    const docs = (await server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as Record<string, unknown>);
    for (const [n, original] of docs.slice(0, 3).entries()) {
      await server.store.insertRawOrder({ ...original, id: 900_000 + n, order_number: `DUP-${n}`, created_at: '2099-01-01T00:00:00Z' });
    }
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
    await backEnd.sync.syncNow();
  }, 120_000);
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  it('finds the same pairs, with the order numbers of the orders in them, as the check over every order in memory', async () => {
    const rows = await listClaimsOfListedOrders(backEnd.opened.db);
    expect(rows.length).toBeGreaterThan(1_000);
    const inMemory = findDuplicateOrders(
      rows.map((row) => ({
        key: orderKeyString(orderKeyOfRow(row)),
        claims: (JSON.parse(row.claims_json) as { name: string; geometry: never }[]).filter((c) => c.geometry),
      })),
      { minShare: 0.5 },
    );
    const paged = await findDuplicatesInCache(backEnd.opened.db, 0.5);
    expect(paged.pairs).toEqual(inMemory);
    const position = new Map(rows.map((row, index) => [orderKeyString(orderKeyOfRow(row)), index]));
    const spanning = paged.pairs.filter((pair) => Math.floor(position.get(pair.a)! / PAGE_ORDERS) !== Math.floor(position.get(pair.b)! / PAGE_ORDERS));
    expect(spanning.map((pair) => paged.numbers[pair.b]).sort()).toEqual(expect.arrayContaining(['DUP-0', 'DUP-1', 'DUP-2']));
    expect(Object.keys(paged.numbers).sort()).toEqual([...new Set(paged.pairs.flatMap((p) => [p.a, p.b]))].sort());
  });
});
