import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { SyncReport } from '../../shared/domain/sync.types';
import { getOrderRow } from '../../core/repos/orders.repo';
import { queryOrders } from '../../core/repos/order-queue.repo';
import { getSyncState } from '../../core/repos/sync-state.repo';
import { buildLodeGrid, SERVER_PROFILES } from '../../server';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { Kysely } from 'kysely';
import { createSyncService, type SyncOutcome } from '../../core/sync/sync.service';
import { ImmediateSqliteDialect } from '../../core/db/immediate-sqlite-dialect';
import type { Database } from '../../core/db/schema';
import { openBackEnd, startTestServer, workflowFor, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const PENDING = '/api/v2/claims/staff/pending-orders/';

describe.each(SERVER_PROFILES)('sync engine against the reference server (%s profile)', (profile) => {
  let server: Server;
  let backEnd: BackEnd;

  beforeEach(async () => {
    server = await startTestServer('demo', profile);
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
  });

  afterEach(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  it('stores every listed order, oldest first, and answers a repeated pull with "unchanged" (or, without ETags, writes nothing)', async () => {
    const listed = (await server.store.pendingOrderDocs()).length;
    const report = await backEnd.sync.syncNow();
    expect(report.outcome).toBe('updated');
    expect(report.received).toBe(listed);
    expect(report.added).toBe(listed);
    expect(report.skipped).toEqual([]);

    const result = await queryOrders(backEnd.opened.db, {});
    expect(result.total).toBe(listed);
    const created = result.orders.map((order) => order.createdAt);
    expect(created).toEqual([...created].sort());
    // Both order types use their own id space: id 1 exists twice.
    expect(result.orders.filter((order) => order.id === 1).map((order) => order.orderType).sort()).toEqual([
      'claim_order',
      'claim_purchase',
    ]);

    // The status carries the report of the last sync, whoever started it (the UI shows it after sign-in).
    expect((await backEnd.sync.getStatus()).lastReport).toEqual(report);

    const again = await backEnd.sync.syncNow();
    if (profile === 'reference') expect(again.outcome).toBe('unchanged'); // a 304 for the ETag
    else expect(again).toMatchObject({ outcome: 'updated', received: listed, unchanged: listed, added: 0, updated: 0 });
    expect((await getSyncState(backEnd.opened.db)).lastSuccessAt).not.toBeNull();
  });

  it('reads what the cache holds of every order only for a list it must plan, and re-checks duplicates only when an order changed', async () => {
    // The sync service over the same cache file, on a connection whose statements are recorded.
    const statements: string[] = [];
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: backEnd.opened.sqlite }), log: (event) => void statements.push(event.query.sql) });
    const readsOrderStates = () => statements.some((text) => /^select .*"payload_hash".* from "orders"/.test(text));
    const outcomes: SyncOutcome[] = [];
    const sync = createSyncService({
      db,
      getAuth: backEnd.session.getAuth,
      onUnauthorized: async () => undefined,
      createClient: (serverUrl) => createGeoDbClient({ baseUrl: serverUrl, timeoutMs: 2_000 }),
      now: () => new Date(),
      afterSync: async (outcome) => void outcomes.push(outcome),
    });
    const checks: number[] = [];
    let running = -1;
    const workflow = workflowFor(backEnd.opened.db, () => new Date(), () => ({ username: 'demo-staff', role: 'staff' }), {
      duplicateCheck: async () => {
        checks.push(running);
        return { pairs: [], numbers: {} };
      },
    });

    expect((await sync.syncNow()).added).toBeGreaterThan(0);
    expect(readsOrderStates()).toBe(true);
    expect(outcomes.at(-1)?.changed).toBe(true);
    statements.length = 0;

    // Nothing changed: with ETags the server answers 304 and nothing of the cache's orders is read, nor anything
    // after the sync run; without, the list is planned against them and nothing is found changed.
    const again = await sync.syncNow();
    if (profile === 'reference') {
      expect(again.outcome).toBe('unchanged');
      expect(readsOrderStates()).toBe(false);
      expect(outcomes).toHaveLength(1);
    } else {
      expect(again).toMatchObject({ outcome: 'updated', added: 0, updated: 0 });
      expect(readsOrderStates()).toBe(true);
      expect(outcomes.at(-1)?.changed).toBe(false);
    }
    // A new list with the same orders (the server's data version moved): planned, unchanged.
    await server.store.bumpVersion();
    expect(await sync.syncNow()).toMatchObject({ outcome: 'updated', added: 0, updated: 0, gone: 0 });
    expect(outcomes.at(-1)?.changed).toBe(false);
    // One order changed: the duplicate check runs again.
    const [first] = (await queryOrders(backEnd.opened.db, {})).orders;
    await server.store.setOrderStatus(first!.orderType, first!.id, first!.status === 'on_hold' ? 'in_progress' : 'on_hold');
    expect(await sync.syncNow()).toMatchObject({ updated: 1 });
    expect(outcomes.at(-1)?.changed).toBe(true);

    for (const [index, outcome] of outcomes.entries()) {
      running = index;
      await workflow.afterSync(outcome);
    }
    expect(checks).toEqual(outcomes.flatMap((outcome, index) => (outcome.changed ? [index] : [])));
    expect(checks.length).toBe(2);
  });

  it('marks an order the server stops listing as gone, keeps it, and un-marks it when it returns', async () => {
    await backEnd.sync.syncNow();
    const { orders } = await queryOrders(backEnd.opened.db, {});
    const target = orders[0]!;
    const originalStatus = target.status;
    await server.store.setOrderStatus(target.orderType, target.id, target.orderType === 'claim_order' ? 'fulfilled' : 'completed');

    const report = await backEnd.sync.syncNow();
    expect(report.gone).toBe(1);
    const stored = await getOrderRow(backEnd.opened.db, target);
    expect(stored?.row.gone_at).not.toBeNull();
    expect((await queryOrders(backEnd.opened.db, {})).orders.some((o) => o.id === target.id && o.orderType === target.orderType)).toBe(false);
    expect((await queryOrders(backEnd.opened.db, { includeGone: true })).total).toBe(orders.length);

    await server.store.setOrderStatus(target.orderType, target.id, originalStatus);
    const back = await backEnd.sync.syncNow();
    expect(back.returned).toBe(1);
    expect((await getOrderRow(backEnd.opened.db, target))?.row.gone_at).toBeNull();
  });

  it('keeps a broken order with a specific problem and never lets it block the others', async () => {
    const grid = buildLodeGrid({ lon: -116.9, lat: 40.1, rows: 1, cols: 2, azimuthDeg: 0, prefix: 'OK' });
    const base = {
      order_type: 'claim_order',
      status: 'paid',
      created_at: '2026-11-20T10:00:00Z',
      customer_email: 'x@example.com',
      company_name: 'Broken Data LLC',
      project_id: 9,
      project_name: 'Edge cases',
      claim_count: 2,
      claimant_info: null,
      claim_package_id: null,
      staking_service: false,
      expedited_delivery: false,
    };
    await server.store.insertRawOrder({ ...base, id: 901, order_number: 'CO-901', claim_polygons: '{"type": "FeatureCollection", "features": [' });
    await server.store.insertRawOrder({ ...base, id: 902, order_number: 'CO-902', claim_polygons: { type: 'FeatureCollection', features: grid } });

    const report = await backEnd.sync.syncNow();
    expect(report.skipped).toEqual([]);
    const broken = await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id: 901 });
    const problems = JSON.parse(broken!.row.problems_json) as { message: string }[];
    expect(problems.map((p) => p.message).join(' ')).toMatch(/does not parse|not valid JSON|could not be parsed/i);
    const fine = await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id: 902 });
    expect(fine!.row.problem_count).toBe(0);
    expect(fine!.row.polygon_count).toBe(2);
  });

  it('retries 5xx and 429 with backoff and Retry-After, then succeeds', async () => {
    server.faults!.add({ method: 'GET', path: PENDING, status: 503, count: 2 });
    const report = await backEnd.sync.syncNow();
    expect(report.attempts).toBe(3);
    expect(backEnd.sleeps).toHaveLength(2);
    expect(backEnd.sleeps[1]!).toBeGreaterThan(backEnd.sleeps[0]!);

    backEnd.sleeps.length = 0;
    server.faults!.add({ method: 'GET', path: PENDING, status: 429, count: 1, retryAfterSeconds: 7 });
    await server.store.bumpVersion(); // make sure the second pull is a full one
    const second = await backEnd.sync.syncNow();
    expect(second.attempts).toBe(2);
    expect(backEnd.sleeps).toEqual([7000]);
  });

  it('gives up after the last attempt with a reason and leaves the last good cache intact', async () => {
    await backEnd.sync.syncNow();
    const before = await queryOrders(backEnd.opened.db, {});
    const lastGood = (await getSyncState(backEnd.opened.db)).lastSuccessAt;
    await server.store.bumpVersion();
    server.faults!.add({ method: 'GET', path: PENDING, status: 500, count: 10 });

    const failure = await backEnd.sync.syncNow().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('server-error');
    expect((failure as AppError).message).toMatch(/Gave up after 4 attempts/);
    expect(await queryOrders(backEnd.opened.db, {})).toEqual(before);
    const status = await backEnd.sync.getStatus();
    expect(status.state).toBe('error');
    expect(status.lastSuccessAt).toBe(lastGood);
  });

  it('reports offline when the server cannot be reached and still serves the cache', async () => {
    await backEnd.sync.syncNow();
    const cached = (await queryOrders(backEnd.opened.db, {})).total;
    await server.close();

    const failure = (await backEnd.sync.syncNow().catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('offline');
    const status = await backEnd.sync.getStatus();
    expect(status.state).toBe('offline');
    expect(status.cachedOrders).toBe(cached);
    expect((await queryOrders(backEnd.opened.db, { search: 'cpo' })).total).toBeGreaterThan(0);
  });

  it('asks for a new sign-in on 401 and drops the refused token', async () => {
    await server.store.revokeTokens('demo-staff');
    const failure = (await backEnd.sync.syncNow().catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('auth-required');
    expect((await backEnd.tokenStore.load())?.token).toBeNull();
    expect((await backEnd.session.getSession()).signedIn).toBe(false);
  });

  it('says staff access is required for a non-staff account', async () => {
    await backEnd.session.signIn({ serverUrl: server.url, username: 'demo-customer', password: 'claimdesk-demo' });
    const failure = (await backEnd.sync.syncNow().catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('staff-required');
    expect(failure.message).toMatch(/Staff access required/);
  });

  it('runs one sync at a time: a second call joins the first', async () => {
    const [a, b] = await Promise.all([backEnd.sync.syncNow(), backEnd.sync.syncNow()]);
    expect(a).toBe(b);
  });

  it('follows a sync that already has the server\'s answer with one more, so a caller gets what the server has now', async () => {
    const docs = (await server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as Record<string, unknown>);
    let second = null as Promise<SyncReport> | null;
    // Asked while the first sync runs its after-sync hook (its answer saved), after the server gained an order.
    const sync = createSyncService({
      db: backEnd.opened.db,
      getAuth: async () => ({ serverUrl: server.url, token: await server.store.tokenFor('demo-staff') }),
      onUnauthorized: async () => undefined,
      createClient: (serverUrl) => createGeoDbClient({ baseUrl: serverUrl, timeoutMs: 2_000 }),
      now: () => new Date(),
      afterSync: async () => {
        if (second) return;
        await server.store.insertRawOrder({ ...docs.find((o) => o['order_type'] === 'claim_order')!, id: 990, order_number: 'CO-990' });
        second = sync.syncNow();
      },
    });
    const first = await sync.syncNow();
    const next = await second!;
    expect(next).not.toBe(first);
    expect(next.added).toBe(1);
    expect(await getOrderRow(backEnd.opened.db, { orderType: 'claim_order', id: 990 })).toBeDefined();
  });
});
