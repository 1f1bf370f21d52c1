import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { getPending, pendingOrders, postJson, signIn, startTestServer, type TestServer } from './server-fixture';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', testHooks: true });
  token = await signIn(server.url);
});
afterAll(() => server.stop());
afterEach(async () => {
  await fetch(`${server.url}/__test__/faults`, { method: 'DELETE' });
});

const addFault = (fault: Record<string, unknown>): Promise<Response> => postJson(`${server.url}/__test__/faults`, fault);

describe('POST /__test__/faults', () => {
  it('fails the next `count` matching requests with the status, then recovers', async () => {
    expect((await addFault({ path: API_PATHS.pendingOrders, status: 503, count: 2 })).status).toBe(201);
    const first = await getPending(server.url, token);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ detail: 'Service temporarily unavailable, try again later.' });
    expect((await getPending(server.url, token)).status).toBe(503);
    expect((await getPending(server.url, token)).status).toBe(200);
  });

  it('sends 429 with Retry-After', async () => {
    await addFault({ method: 'GET', path: API_PATHS.pendingOrders, status: 429, retryAfterSeconds: 7, count: 1 });
    const response = await getPending(server.url, token);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ detail: 'Request was throttled. Expected available in 7 seconds.' });
  });

  it('matches method and path (query ignored, `*` prefix)', async () => {
    await addFault({ method: 'POST', path: API_PATHS.pendingOrders, status: 500, count: 1 });
    expect((await getPending(server.url, token)).status).toBe(200); // GET does not match a POST fault
    await fetch(`${server.url}/__test__/faults`, { method: 'DELETE' });

    await addFault({ path: '/api/v2/*', status: 502, count: 2 });
    const me = await fetch(`${server.url}/api/v2/me/?x=1`, { headers: { authorization: `Token ${token}` } });
    expect(me.status).toBe(502);
    expect((await getPending(server.url, token)).status).toBe(502);
    expect((await getPending(server.url, token)).status).toBe(200);
  });

  it('delays a response long enough for a client timeout', async () => {
    await addFault({ path: API_PATHS.pendingOrders, delayMs: 3_000, count: 1 });
    const timedOut = fetch(`${server.url}${API_PATHS.pendingOrders}`, {
      headers: { authorization: `Token ${token}` },
      signal: AbortSignal.timeout(100),
    });
    await expect(timedOut).rejects.toThrow();
    expect((await getPending(server.url, token)).status).toBe(200);
  });

  it('resets the connection with destroySocket', async () => {
    await addFault({ path: API_PATHS.pendingOrders, destroySocket: true, count: 1 });
    await expect(getPending(server.url, token)).rejects.toThrow();
    expect((await getPending(server.url, token)).status).toBe(200);
  });

  it('lists and clears faults; rejects invalid fault bodies', async () => {
    await addFault({ path: '/api/v2/me/', status: 500, count: 3 });
    const listed = (await (await fetch(`${server.url}/__test__/faults`)).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([{ path: '/api/v2/me/', status: 500, count: 3 }]);
    const cleared = await fetch(`${server.url}/__test__/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ cleared: 1 });
    expect((await addFault({ path: '/x', count: 1 })).status).toBe(400); // no effect given
    expect((await addFault({ path: '/x', status: 500 })).status).toBe(400); // no count
  });

  it('never faults the test hooks themselves', async () => {
    await addFault({ path: '/__test__/*', status: 500, count: 5 });
    expect((await fetch(`${server.url}/__test__/faults`)).status).toBe(200);
  });
});

describe('POST /__test__/orders (raw)', () => {
  it('stores broken orders exactly as sent and lists them', async () => {
    const raw = [
      { id: 501, order_type: 'claim_order', order_number: 'CO-501', status: 'paid', created_at: '2026-09-01T00:00:00Z', claim_polygons: '{"type":"FeatureCollection","features":[', extra_field: 42 },
      { id: '502', order_type: 'claim_purchase', status: 7, created_at: '2026-09-01T00:00:01Z', claim_count: 'eight', claim_polygons: { type: 'Point' } },
      { order_type: 'mystery', created_at: '2026-09-01T00:00:02Z', claimant_info: ['not', 'an', 'object'] },
    ];
    for (const order of raw) {
      const response = await postJson(`${server.url}/__test__/orders`, order);
      expect(response.status).toBe(201);
    }
    const orders = await pendingOrders(server.url, token);
    expect(orders.slice(0, 3)).toEqual(raw);
  });

  it('replaces an order with the same type and id instead of duplicating it', async () => {
    const doc = { id: 501, order_type: 'claim_order', status: 'paid', created_at: '2026-09-01T00:00:00Z', claim_polygons: null };
    expect(await (await postJson(`${server.url}/__test__/orders`, doc)).json()).toEqual({ order_type: 'claim_order', id: 501 });
    const matching = (await pendingOrders(server.url, token)).filter((o) => o['id'] === 501);
    expect(matching).toEqual([doc]);
  });
});

describe('PATCH /__test__/orders/:type/:id', () => {
  it('completes and cancels orders and changes the ETag', async () => {
    const before = (await getPending(server.url, token)).headers.get('etag');
    const done = await postJson(`${server.url}/__test__/orders/claim_purchase/2`, { status: 'completed' }, 'PATCH');
    expect(done.status).toBe(200);
    const cancelled = await postJson(`${server.url}/__test__/orders/claim_order/3`, { status: 'cancelled' }, 'PATCH');
    expect(cancelled.status).toBe(200);
    const after = await getPending(server.url, token, { 'if-none-match': before ?? '' });
    expect(after.status).toBe(200);
    const keys = ((await after.json()) as { orders: Record<string, unknown>[] }).orders.map((o) => `${String(o['order_type'])}:${String(o['id'])}`);
    expect(keys).not.toContain('claim_purchase:2');
    expect(keys).not.toContain('claim_order:3');
  });

  it('sets a package status on purchases; 404 for unknown orders; 400 for bad bodies', async () => {
    const pkg = await postJson(`${server.url}/__test__/orders/claim_purchase/4`, { package_status: 'complete' }, 'PATCH');
    expect(pkg.status).toBe(200);
    expect((await pendingOrders(server.url, token)).some((o) => o['order_type'] === 'claim_purchase' && o['id'] === 4)).toBe(false);
    expect((await postJson(`${server.url}/__test__/orders/claim_order/9999`, { status: 'paid' }, 'PATCH')).status).toBe(404);
    expect((await postJson(`${server.url}/__test__/orders/other/1`, { status: 'paid' }, 'PATCH')).status).toBe(400);
    expect((await postJson(`${server.url}/__test__/orders/claim_order/1`, {}, 'PATCH')).status).toBe(400);
  });
});

describe('without testHooks', () => {
  it('does not register /__test__/ routes', async () => {
    const plain = await startTestServer({ seed: 'none', testHooks: false });
    try {
      expect((await postJson(`${plain.url}/__test__/faults`, { path: '/', status: 500, count: 1 })).status).toBe(404);
      expect(plain.routes.some((r) => r.url.startsWith('/__test__/'))).toBe(false);
      expect(plain.faults).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
