import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codedErrorBodySchema, orderStatusChangeResponseSchema, orderStatusPath, type OrderType } from '../../shared/api/geodb.schemas';
import { DEMO_CUSTOMER, DEMO_MANAGER } from '../../server/demo-users';
import { getPending, pendingOrders, signIn, useSignedInServer } from './server-fixture';
import { freshOrder, fulfilment, partsFor, upload, uploadForm } from './upload-fixture';

const ctx = useSignedInServer();

function patch(type: string, id: number, body: unknown, options: { key?: string; token?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = options.token === undefined ? ctx.token : options.token;
  if (auth !== null) headers['authorization'] = `Token ${auth}`;
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  return fetch(`${ctx.server.url}${orderStatusPath(type as OrderType, id)}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
}

async function listedStatus(type: string, id: number): Promise<unknown> {
  return (await pendingOrders(ctx.server.url, ctx.token)).find((o) => o['order_type'] === type && o['id'] === id)?.['status'];
}

async function expectConflict(response: Response, code: string): Promise<void> {
  expect(response.status).toBe(409);
  expect(codedErrorBodySchema.parse(await response.json()).code).toBe(code);
}

describe('PATCH /api/v2/claims/staff/orders/{order_type}/{id}/status/', () => {
  it('in progress and on hold keep the order listed; cancelled takes it off', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const etag = (await getPending(ctx.server.url, ctx.token)).headers.get('etag') ?? '';
    const started = await patch('claim_purchase', order.id, { status: 'in_progress' });
    expect(started.status).toBe(200);
    const body = orderStatusChangeResponseSchema.strict().parse(await started.json());
    expect(body).toMatchObject({ order_number: order.order_number, status: 'in_progress', previous_status: order.status, changed: true, reason: null, changed_by: 'demo-staff' });
    expect((await getPending(ctx.server.url, ctx.token, { 'if-none-match': etag })).status).toBe(200);
    expect(await listedStatus('claim_purchase', order.id)).toBe('in_progress');

    expect((await patch('claim_purchase', order.id, { status: 'on_hold', reason: 'Customer asked to wait' })).status).toBe(200);
    expect(await listedStatus('claim_purchase', order.id)).toBe('on_hold');
    expect((await patch('claim_purchase', order.id, { status: 'in_progress' })).status).toBe(200);

    const cancelled = orderStatusChangeResponseSchema.parse(await (await patch('claim_purchase', order.id, { status: 'cancelled', reason: 'Refunded' })).json());
    expect(cancelled).toMatchObject({ status: 'cancelled', previous_status: 'in_progress', changed: true, reason: 'Refunded' });
    expect(await listedStatus('claim_purchase', order.id)).toBeUndefined();
    const history = (await fulfilment(ctx.server, 'claim_purchase', order.id))['status_changes'];
    expect(history).toEqual([
      { from_status: order.status, to_status: 'in_progress', reason: null, source: 'staff' },
      { from_status: 'in_progress', to_status: 'on_hold', reason: 'Customer asked to wait', source: 'staff' },
      { from_status: 'on_hold', to_status: 'in_progress', reason: null, source: 'staff' },
      { from_status: 'in_progress', to_status: 'cancelled', reason: 'Refunded', source: 'staff' },
    ]);
  });

  it('the status an order already has is a no-op: nothing written, the ETag stays', async () => {
    const order = await freshOrder(ctx.server, 'claim_order', { status: 'in_progress' });
    const etag = (await getPending(ctx.server.url, ctx.token)).headers.get('etag') ?? '';
    const same = orderStatusChangeResponseSchema.parse(await (await patch('claim_order', order.id, { status: 'in_progress' })).json());
    expect(same).toMatchObject({ status: 'in_progress', previous_status: 'in_progress', changed: false });
    expect((await getPending(ctx.server.url, ctx.token, { 'if-none-match': etag })).status).toBe(304);
    expect((await fulfilment(ctx.server, 'claim_order', order.id))['status_changes']).toEqual([]);
  });

  it('cancelled orders cannot be reopened, but cancelling again is fine', async () => {
    const order = await freshOrder(ctx.server, 'claim_order', { status: 'cancelled' });
    const again = orderStatusChangeResponseSchema.parse(await (await patch('claim_order', order.id, { status: 'cancelled' })).json());
    expect(again.changed).toBe(false);
    await expectConflict(await patch('claim_order', order.id, { status: 'in_progress' }), 'order_cancelled');
    await expectConflict(await patch('claim_order', order.id, { status: 'on_hold' }), 'order_cancelled');
  });

  it('completed orders and unpaid orders cannot change', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    expect((await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token })).status).toBe(201);
    for (const status of ['in_progress', 'on_hold', 'cancelled']) {
      await expectConflict(await patch('claim_purchase', order.id, { status }), 'order_completed');
    }
    await expectConflict(await patch('claim_order', 14, { status: 'cancelled' }), 'order_completed'); // demo: fulfilled
    await expectConflict(await patch('claim_order', 12, { status: 'in_progress' }), 'order_not_open'); // demo: pending_approval
  });

  it('Idempotency-Key: the same request replays, a different one is refused', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const key = randomUUID();
    const first = await patch('claim_order', order.id, { status: 'on_hold', reason: 'Waiting for survey' }, { key });
    const firstBody: unknown = await first.json();
    await patch('claim_order', order.id, { status: 'in_progress' });
    const replay = await patch('claim_order', order.id, { reason: 'Waiting for survey', status: 'on_hold' }, { key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(firstBody);
    expect(await listedStatus('claim_order', order.id)).toBe('in_progress'); // the replay changed nothing
    const reused = await patch('claim_order', order.id, { status: 'cancelled' }, { key });
    expect(reused.status).toBe(422);
    expect(codedErrorBodySchema.parse(await reused.json()).code).toBe('idempotency_key_reused');
  });

  it("Idempotency-Key is scoped by user: another account's request with the same key is its own request", async () => {
    const [mine, theirs] = [await freshOrder(ctx.server, 'claim_order'), await freshOrder(ctx.server, 'claim_order')];
    const manager = await signIn(ctx.server.url, DEMO_MANAGER);
    const key = randomUUID();
    const hold = { status: 'on_hold', reason: 'Waiting for survey' };
    expect((await patch('claim_order', mine.id, hold, { key })).status).toBe(200);
    // Same key, another user, another request: applied, not refused as a reuse.
    const other = await patch('claim_order', theirs.id, { status: 'on_hold', reason: 'Manager hold' }, { key, token: manager });
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await listedStatus('claim_order', theirs.id)).toBe('on_hold');
    // Each user's own resend replays their own answer.
    expect((await patch('claim_order', mine.id, hold, { key })).headers.get('idempotent-replayed')).toBe('true');
    expect((await patch('claim_order', theirs.id, { status: 'on_hold', reason: 'Manager hold' }, { key, token: manager })).headers.get('idempotent-replayed')).toBe('true');

    // Same key, another user, the very same request: answered for that user, never with the first user's stored answer.
    const second = randomUUID();
    const resume = { status: 'in_progress' };
    expect((await patch('claim_order', mine.id, resume, { key: second })).status).toBe(200);
    await patch('claim_order', mine.id, hold);
    const same = await patch('claim_order', mine.id, resume, { key: second, token: manager });
    expect(same.status).toBe(200);
    expect(same.headers.get('idempotent-replayed')).toBeNull();
    expect(await listedStatus('claim_order', mine.id)).toBe('in_progress');
  });

  it('keeps the remembered answers of a server file from before keys were scoped by user', async () => {
    const { startTestServer } = await import('./server-fixture');
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const first = await startTestServer();
    await first.close();
    const sqlite = new BetterSqlite3(first.dbFile);
    sqlite.exec(`DROP TABLE idempotency_keys; CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, method TEXT NOT NULL,
      path TEXT NOT NULL, status_code INTEGER NOT NULL, response TEXT NOT NULL, user_id INTEGER, created_at TEXT NOT NULL);
      INSERT INTO idempotency_keys VALUES ('old-key', 'f', 'PATCH', '/x', 200, '{}', 7, '2026-01-01T00:00:00Z');`);
    sqlite.close();
    const reopened = await startTestServer({ dbFile: first.dbFile });
    try {
      const check = new BetterSqlite3(first.dbFile, { readonly: true });
      expect(check.prepare('SELECT user_id, key FROM idempotency_keys').all()).toEqual([{ user_id: 7, key: 'old-key' }]);
      expect((check.prepare('PRAGMA table_info(idempotency_keys)').all() as { name: string; pk: number }[]).filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['user_id', 'key']);
      check.close();
    } finally {
      await reopened.stop();
      await first.stop();
    }
  });

  it('400 for bad bodies, 404 for unknown orders, 401 / 403 as the other routes', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const bad = await patch('claim_order', order.id, { status: 'completed' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ status: ['"completed" is not a valid choice (in_progress, on_hold or cancelled).'] });
    expect(await (await patch('claim_order', order.id, {})).json()).toEqual({ status: ['This field is required.'] });
    expect(await (await patch('claim_order', order.id, { status: 'on_hold', colour: 'red' })).json()).toEqual({ non_field_errors: ['Unknown field(s): colour.'] });
    expect((await patch('claim_order', 99999, { status: 'on_hold' })).status).toBe(404);
    expect((await patch('mystery', 1, { status: 'on_hold' })).status).toBe(404);
    const anonymous = await patch('claim_order', order.id, { status: 'on_hold' }, { token: null });
    expect(anonymous.status).toBe(401);
    const customer = await patch('claim_order', order.id, { status: 'on_hold' }, { token: await signIn(ctx.server.url, DEMO_CUSTOMER) });
    expect(customer.status).toBe(403);
    expect(await customer.json()).toEqual({ error: 'Staff access required' });
    expect(await listedStatus('claim_order', order.id)).toBe(order.status);
  });
});
