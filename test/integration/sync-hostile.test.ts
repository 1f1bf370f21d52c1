/**
 * The sync against a hostile server on 127.0.0.1 (test/helpers/hostile-server.ts): a body past the size cap, a
 * body trickled a byte a second, and one list full of entries built to break a client (50,000 levels of nesting,
 * a 200,000-vertex zig-zag ring, a 10 MB string, a malformed count, terminal escapes in an order number). Each
 * finishes within its bound (the cap, the deadline, the per-order budgets; the test timeouts are the backstop),
 * the other orders are synced and a failed sync leaves the cache exactly as it was.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimDeskApp } from '../../core/app/create-app';
import { getOrderRow } from '../../core/repos/orders.repo';
import { queryOrders } from '../../core/repos/order-queue.repo';
import { getSyncState } from '../../core/repos/sync-state.repo';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { ORDER_LIMIT_CODES } from '../../shared/domain/order-limits';
import type { OrderIssue } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from '../../shared/sync/sync-limits';
import { openBackEnd, type BackEnd } from '../helpers/back-end';
import { goodOrder, nestedJson, orderWithRawField, zigzagPolygonsJson } from '../helpers/hostile-orders';
import { hugeBody, json, startHostileServer, trickle, type HostileServer } from '../helpers/hostile-server';
import { makeTempDir } from '../helpers/temp-dir';

const ESCAPES = 'CO-\u001b]0;pwned\u0007-7\u001b[2J\u009b31m';

describe('sync against a hostile server', () => {
  let server: HostileServer;
  let backEnd: BackEnd;
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS };

  const problemsOf = async (id: number): Promise<OrderIssue[]> => {
    const row = await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id });
    return JSON.parse(row!.row.problems_json) as OrderIssue[];
  };

  beforeAll(async () => {
    server = await startHostileServer();
    backEnd = await openBackEnd({ limits });
    // A bare {token} and no /me: the account is taken as staff and the server's answers decide.
    await backEnd.signInStaff(server.url);
    expect(await backEnd.session.getSession()).toMatchObject({ signedIn: true, isStaff: true, role: 'staff', username: 'demo-staff' });
    server.setPending(json(JSON.stringify({ orders: [goodOrder(1), goodOrder(2)], count: 2 })));
    expect(await backEnd.sync.syncNow()).toMatchObject({ added: 2 });
  });
  afterAll(async () => {
    await backEnd.close();
    await server.close();
  });

  async function expectFailureLeavesCache(code: string, message: RegExp): Promise<void> {
    const before = await queryOrders(backEnd.opened.db, { includeGone: true });
    const lastGood = (await getSyncState(backEnd.opened.db)).lastSuccessAt;
    const failure = await backEnd.sync.syncNow().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await queryOrders(backEnd.opened.db, { includeGone: true })).toEqual(before);
    expect((await getSyncState(backEnd.opened.db)).lastSuccessAt).toBe(lastGood);
  }

  it('stops a 200 MB body at the 100 MB cap, without retrying, and leaves the cache as it was', async () => {
    server.setPending(hugeBody(200_000_000));
    const asked = server.requests();
    await expectFailureLeavesCache('limit-exceeded', /sent more than 100 MB of pending orders, the download limit \(Settings → Sync\); the sync stopped and the cache was left as it was/);
    expect(server.requests() - asked).toBe(1);
  }, 60_000);

  it('stops a body trickled at 1 byte/s at the overall deadline', async () => {
    limits.downloadDeadlineSeconds = 2;
    try {
      server.setPending(trickle());
      await expectFailureLeavesCache('limit-exceeded', /did not finish sending the pending orders within 2 s, the download deadline/);
    } finally {
      limits.downloadDeadlineSeconds = DEFAULT_SYNC_LIMITS.downloadDeadlineSeconds;
    }
  }, 20_000);

  it('keeps each hostile entry as an order with a named problem (or skips it with a reason) and syncs the others', async () => {
    const entries = [
      JSON.stringify(goodOrder(1)),
      orderWithRawField(3, 'claim_polygons', `{"type":"Feature","properties":{"name":"DEEP"},"geometry":{"type":"Polygon","coordinates":${nestedJson(50_000)}}}`),
      orderWithRawField(4, 'claim_polygons', zigzagPolygonsJson(200_000)),
      orderWithRawField(5, 'customer_email', JSON.stringify('x'.repeat(10 * 1024 * 1024))),
      orderWithRawField(6, 'audit_trail', nestedJson(50_000)),
      JSON.stringify(goodOrder(7, { order_number: ESCAPES })),
      `{"order_number":"NO-ID","notes":${nestedJson(50_000)}}`,
      JSON.stringify(goodOrder(2)),
    ];
    server.setPending(json(`{"orders":[${entries.join(',')}],"count":"a great many"}`));
    const report = await backEnd.sync.syncNow();
    expect(report).toMatchObject({ received: 8, added: 5, updated: 0, unchanged: 2 });
    expect(report.skipped).toEqual([{ index: 6, reason: expect.stringMatching(/^Order at index 6 \(order_number "NO-ID"\) cannot be stored: order_type is missing/) }]);

    const codes = async (id: number) => (await problemsOf(id)).map((p) => p.code);
    // 50,000 levels inside a claim's coordinates: the claim is unreadable, the field too deep to store.
    expect(await codes(3)).toEqual(expect.arrayContaining([ORDER_LIMIT_CODES.entryTooDeep, 'claim_coordinate_invalid']));
    // 200,000 vertices: refused before any is read, with the caps in the message.
    const zigzag = await problemsOf(4);
    expect(zigzag.find((p) => p.code === ORDER_LIMIT_CODES.tooManyVerticesInOrder)?.message).toMatch(
      /200,003 vertices in all; ClaimDesk checks at most 10,000 vertices per ring and 50,000 per order/,
    );
    // A 10 MB e-mail address: cut at the text cap, and not kept in full in the stored copy.
    const long = await problemsOf(5);
    expect(long.map((p) => p.code)).toEqual(expect.arrayContaining([ORDER_LIMIT_CODES.textTooLong, ORDER_LIMIT_CODES.entryTooLarge]));
    expect(long.find((p) => p.code === ORDER_LIMIT_CODES.textTooLong)?.message).toMatch(/^customer_email is 10,485,760 characters long; ClaimDesk keeps at most 1,000/);
    const row5 = await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id: 5 });
    expect(row5!.row.customer_email).toHaveLength(1000);
    expect(row5!.payload!.raw_json.length).toBeLessThan(10_000);
    // An unknown field 50,000 levels deep: named, left out, the order otherwise fine.
    expect(await problemsOf(6)).toEqual([expect.objectContaining({ code: ORDER_LIMIT_CODES.entryTooDeep, message: expect.stringMatching(/^Field audit_trail is nested too deeply/) })]);
    // Terminal escapes are data here (stored as sent); the CLI strips them when it prints (cli-executable.test.ts).
    expect((await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id: 7 }))!.row.order_number).toBe(ESCAPES);
    for (const id of [1, 2, 7]) expect(await problemsOf(id)).toEqual([]);

    // Unchanged hostile entries read as unchanged next time: their stored copies are deterministic.
    const again = await backEnd.sync.syncNow();
    expect(again).toMatchObject({ unchanged: 7, added: 0, updated: 0 });
  }, 60_000);
});

describe('the app against a hostile server', () => {
  it('reads the download cap from Settings: a list over the saved limit stops the sync', async () => {
    const server = await startHostileServer();
    const temp = makeTempDir();
    try {
      const app = await createClaimDeskApp({ dataDir: join(temp.dir, 'data'), runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0 });
      try {
        await app.handlers.saveSettings({ sync: { maxDownloadMb: 1, downloadDeadlineSeconds: 600 } });
        await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'x' });
        server.setPending(hugeBody(3_000_000));
        await expect(app.handlers.runSync({})).rejects.toMatchObject({ code: 'limit-exceeded', message: expect.stringMatching(/sent more than 1 MB of pending orders/) });
        server.setPending(json(JSON.stringify({ orders: [goodOrder(1)], count: 1 })));
        expect(await app.handlers.runSync({})).toMatchObject({ added: 1 });
      } finally {
        await app.close();
      }
    } finally {
      await server.close();
      temp.cleanup();
    }
  }, 30_000);

  it('aborts the download and closes within a few seconds, leaving the cache untouched', async () => {
    const server = await startHostileServer();
    const temp = makeTempDir();
    try {
      const app = await createClaimDeskApp({ dataDir: join(temp.dir, 'data'), runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0 });
      server.setPending(trickle());
      const downloading = new Promise<void>((resolve) => app.onEvent('syncStatus', (status) => status.progress?.stage === 'downloading' && resolve()));
      await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'x' });
      const sync = app.handlers.runSync({}).catch((error: unknown) => error);
      await downloading;
      await app.close(); // bounded by the test's timeout: the default deadline is ten minutes
      expect(await sync).toMatchObject({ code: 'cancelled', message: expect.stringMatching(/stopped because ClaimDesk is closing/) });
    } finally {
      await server.close();
      temp.cleanup();
    }
  }, 15_000);
});
