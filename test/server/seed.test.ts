import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pendingOrderSchema } from '../../shared/api/geodb.schemas';
import { DEMO_USERS, startReferenceServer } from '../../server/index';
import { generateBenchOrders } from '../../server/seed/bench.seed';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import { parseSeedOption } from '../../server/seed/seed';
import { getPending, pendingOrders, signIn } from './server-fixture';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-seed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seeding', () => {
  it('is idempotent: starting again on the same file does not duplicate orders or users', async () => {
    const dbFile = join(dir, 'idempotent.sqlite');
    const first = await startReferenceServer({ dbFile, seed: 'demo' });
    const count = await first.store.countOrders();
    expect(first.seed).toEqual({ seed: 'demo', inserted: DEMO_ORDER_SPECS.length, skipped: false });
    await first.close();

    const second = await startReferenceServer({ dbFile, seed: 'demo' });
    try {
      expect(second.seed.skipped).toBe(true);
      expect(await second.store.countOrders()).toBe(count);
      expect(await second.store.countUsers()).toBe(DEMO_USERS.length);
      expect(await second.store.seedMarker()).toBe('demo');
    } finally {
      await second.close();
    }
  });

  it('reset wipes first, and a client ETag from before the reset no longer matches', async () => {
    const dbFile = join(dir, 'reset.sqlite');
    const first = await startReferenceServer({ dbFile, seed: 'demo' });
    const token = await signIn(first.url);
    const etag = (await getPending(first.url, token)).headers.get('etag') ?? '';
    await first.store.insertRawOrder({ id: 777, order_type: 'claim_order', status: 'paid', created_at: '2026-11-01T00:00:00Z' });
    await first.close();

    const second = await startReferenceServer({ dbFile, seed: 'demo', reset: true });
    try {
      expect(await second.store.countOrders()).toBe(DEMO_ORDER_SPECS.length);
      const newToken = await signIn(second.url);
      expect((await getPending(second.url, token)).status).toBe(401); // tokens are wiped too
      const response = await getPending(second.url, newToken, { 'if-none-match': etag });
      expect(response.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("serves the demo orders' geometry exactly as built", async () => {
    const server = await startReferenceServer({ dbFile: join(dir, 'served.sqlite'), seed: 'demo' });
    try {
      const orders = await pendingOrders(server.url, await signIn(server.url));
      for (const spec of DEMO_ORDER_SPECS.filter((s) => s.flaw === undefined && ['processing', 'paid'].includes(s.status) && s.packageStatus !== 'complete')) {
        const served = orders.find((o) => o['order_type'] === spec.type && o['id'] === spec.id);
        expect(served?.['claim_polygons']).toEqual(buildDemoOrder(spec).claim_polygons);
      }
    } finally {
      await server.close();
    }
  });

  it("seed 'none' stores no orders but still creates the demo users", async () => {
    const server = await startReferenceServer({ dbFile: join(dir, 'none.sqlite'), seed: 'none' });
    try {
      expect(await server.store.countOrders()).toBe(0);
      expect(await pendingOrders(server.url, await signIn(server.url))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('bench seed stores N valid listed orders of M claims, both types', async () => {
    const server = await startReferenceServer({ dbFile: join(dir, 'bench.sqlite'), seed: { orders: 300, claimsPerOrder: 8 } });
    try {
      const orders = await pendingOrders(server.url, await signIn(server.url));
      expect(orders).toHaveLength(300);
      for (const order of orders) {
        const parsed = pendingOrderSchema.parse(order);
        expect(parsed.claim_count).toBe(8);
      }
      expect(new Set(orders.map((o) => o['order_type']))).toEqual(new Set(['claim_purchase', 'claim_order']));
      expect(server.seed.seed).toBe('bench:300x8');
    } finally {
      await server.close();
    }
  });

  it('bench generator is deterministic and rejects bad sizes', () => {
    const a = [...generateBenchOrders({ orders: 5, claimsPerOrder: 3 })];
    const b = [...generateBenchOrders({ orders: 5, claimsPerOrder: 3 })];
    expect(a).toEqual(b);
    expect(() => [...generateBenchOrders({ orders: 5, claimsPerOrder: 0 })]).toThrow(RangeError);
  });

  it('parses --seed values', () => {
    expect(parseSeedOption('demo')).toBe('demo');
    expect(parseSeedOption('none')).toBe('none');
    expect(parseSeedOption('bench:10000x8')).toEqual({ orders: 10000, claimsPerOrder: 8 });
    expect(parseSeedOption('bench:10x')).toBeUndefined();
    expect(parseSeedOption('demos')).toBeUndefined();
  });
});
