import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_ORDER_FIELDS, pendingOrderSchema, pendingOrdersResponseSchema } from '../../shared/api/geodb.schemas';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import { getPending, pendingOrders, signIn, startTestServer, type TestServer } from './server-fixture';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ seed: 'demo' });
  token = await signIn(server.url);
});
afterAll(() => server.stop());

const key = (o: Record<string, unknown>): string => `${String(o['order_type'])}:${String(o['id'])}`;

describe('GET /api/v2/claims/staff/pending-orders/ on the demo data', () => {
  it('validates against the strict contract schema, field list and all', async () => {
    const response = await getPending(server.url, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = pendingOrdersResponseSchema.strict().parse(await response.json());
    expect(body.count).toBe(body.orders.length);
    expect(body.orders.length).toBeGreaterThanOrEqual(15);
    for (const order of body.orders) {
      expect(pendingOrderSchema.safeParse(order).success).toBe(true);
      // payment_status is optional and the demo orders have none; nobody has claimed one (desk assignment).
      expect(Object.keys(order)).toEqual(PENDING_ORDER_FIELDS.filter((f) => !['payment_status', 'assigned_to', 'assignment_expired'].includes(f)));
    }
  });

  it('lists oldest first, ties broken by order_type then id', async () => {
    const orders = await pendingOrders(server.url, token);
    const sortKeys = orders.map((o) => [String(o['created_at']), String(o['order_type']), Number(o['id'])] as const);
    const sorted = [...sortKeys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] - b[2]));
    expect(sortKeys).toEqual(sorted);
    expect(orders[0]?.['order_number']).toBe('CPO-2026-0001');
  });

  it('ties on created_at are broken by order_type then id', async () => {
    const same = '2026-09-01T00:00:00Z';
    const purchase = buildDemoOrder(DEMO_ORDER_SPECS[0]!);
    const order = { ...buildDemoOrder(DEMO_ORDER_SPECS.find((s) => s.type === 'claim_order')!), created_at: same };
    try {
      await server.store.insertOrder({ ...order, id: 902, order_number: 'CO-902' });
      await server.store.insertOrder({ ...order, id: 901, order_number: 'CO-901' });
      await server.store.insertOrder({ ...purchase, id: 903, order_number: 'CPO-2026-0903', created_at: same });
      const first = (await pendingOrders(server.url, token)).slice(0, 3).map(key);
      expect(first).toEqual(['claim_order:901', 'claim_order:902', 'claim_purchase:903']);
    } finally {
      for (const [type, id] of [['claim_order', 901], ['claim_order', 902], ['claim_purchase', 903]] as const) {
        await server.store.deleteOrder(type, id);
      }
    }
  });

  it('keeps separate id spaces: claim_purchase 1 and claim_order 1 both exist', async () => {
    const orders = await pendingOrders(server.url, token);
    const ones = orders.filter((o) => o['id'] === 1).map((o) => [o['order_type'], o['order_number']]);
    expect(ones).toEqual(expect.arrayContaining([['claim_purchase', 'CPO-2026-0001'], ['claim_order', 'CO-1']]));
  });

  it('formats order numbers and type-specific fields as the pending-orders contract lists them', async () => {
    for (const order of await pendingOrders(server.url, token)) {
      if (order['order_type'] === 'claim_purchase') {
        expect(order['order_number']).toMatch(/^CPO-\d{4}-\d{4}$/);
        expect(order['claimant_info']).toBeNull();
      } else {
        expect(order['order_number']).toBe(`CO-${String(order['id'])}`);
        expect(order['claim_package_id']).toBeNull();
        expect(order['staking_service']).toBe(false);
        expect(order['expedited_delivery']).toBe(false);
      }
    }
  });

  it('shows the demo variety: existing package, claimant names, claimant missing, flags', async () => {
    const orders = await pendingOrders(server.url, token);
    expect(orders.some((o) => o['order_type'] === 'claim_purchase' && o['claim_package_id'] !== null)).toBe(true);
    const claimants = orders.map((o) => (o['claimant_info'] as { claimant_name?: string } | null)?.claimant_name);
    expect(claimants).toContain("Łukasz Peña & O'Brien, LLC");
    expect(orders.some((o) => o['order_type'] === 'claim_order' && o['claimant_info'] === null)).toBe(true);
    expect(orders.some((o) => o['expedited_delivery'] === true)).toBe(true);
    expect(orders.some((o) => o['staking_service'] === true)).toBe(true);
  });
});

describe('filter rules', () => {
  it('does not list completed, cancelled, awaiting-approval or fully packaged orders', async () => {
    const listed = new Set((await pendingOrders(server.url, token)).map(key));
    const expected = DEMO_ORDER_SPECS.filter((s) =>
      s.type === 'claim_purchase'
        ? ['processing', 'pending'].includes(s.status) && s.packageStatus !== 'complete'
        : ['paid', 'approved'].includes(s.status),
    ).map((s) => `${s.type}:${s.id}`);
    expect([...listed].sort()).toEqual([...expected].sort());
    expect(DEMO_ORDER_SPECS.length).toBeGreaterThan(expected.length); // the demo has unlisted orders too
  });

  it('drops an order once it is completed or cancelled, and a purchase once its package is complete', async () => {
    expect(await server.store.setOrderStatus('claim_order', 2, 'cancelled')).toBe(true);
    expect(await server.store.setOrderStatus('claim_purchase', 1, 'completed')).toBe(true);
    expect(await server.store.setPackageStatus(3, 'complete')).toBe(true);
    let listed = (await pendingOrders(server.url, token)).map(key);
    expect(listed).not.toContain('claim_order:2');
    expect(listed).not.toContain('claim_purchase:1');
    expect(listed).not.toContain('claim_purchase:3');

    await server.store.setOrderStatus('claim_order', 2, 'approved');
    await server.store.setOrderStatus('claim_purchase', 1, 'pending');
    await server.store.setPackageStatus(3, 'in_progress');
    const orders = await pendingOrders(server.url, token);
    listed = orders.map(key);
    expect(listed).toEqual(expect.arrayContaining(['claim_order:2', 'claim_purchase:1', 'claim_purchase:3']));
    expect(orders.find((o) => key(o) === 'claim_purchase:1')?.['status']).toBe('pending');
  });
});

describe('ETag / If-None-Match', () => {
  it('sends a strong ETag and answers 304 with no body when it matches', async () => {
    const first = await getPending(server.url, token);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await getPending(server.url, token, { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const listed = await getPending(server.url, token, { 'if-none-match': `"other", W/${etag ?? ''}` });
    expect(listed.status).toBe(304);
  });

  it('changes the ETag on every mutation and serves the new data', async () => {
    const etag = (await getPending(server.url, token)).headers.get('etag') ?? '';
    await server.store.setOrderStatus('claim_order', 1, 'approved');
    const after = await getPending(server.url, token, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const newEtag = after.headers.get('etag');
    expect(newEtag).not.toBe(etag);
    const body = (await after.json()) as { orders: Record<string, unknown>[] };
    expect(body.orders.find((o) => key(o) === 'claim_order:1')?.['status']).toBe('approved');

    await server.store.bumpVersion();
    expect((await getPending(server.url, token, { 'if-none-match': newEtag ?? '' })).status).toBe(200);
  });
});
