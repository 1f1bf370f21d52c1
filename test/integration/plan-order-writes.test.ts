import { describe, expect, it } from 'vitest';
import { planOrderWrites } from '../../core/sync/plan-order-writes';
import { buildLodeGrid } from '../../server';

function order(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    order_type: 'claim_order',
    order_number: `CO-${id}`,
    status: 'paid',
    created_at: '2026-11-01T10:00:00Z',
    customer_email: 'c@example.com',
    company_name: 'Co',
    project_id: 1,
    project_name: 'P',
    claim_count: 1,
    claim_polygons: { type: 'FeatureCollection', features: buildLodeGrid({ lon: -116, lat: 40, rows: 1, cols: 1, azimuthDeg: 0, prefix: 'A' }) },
    claimant_info: { claimant_name: 'Ann' },
    claim_package_id: null,
    staking_service: false,
    expedited_delivery: false,
    ...extra,
  };
}

describe('planOrderWrites', () => {
  it('stores a duplicate entry once, skips entries without identity with a reason, and keeps broken orders', async () => {
    const plan = await planOrderWrites(
      [order(1), order(1, { status: 'approved' }), { order_number: 'CO-?' }, order(2, { claim_polygons: 'not json' })],
      new Map(),
      () => undefined,
    );
    expect(plan.writes.map((w) => w.order.id)).toEqual([1, 2]);
    expect(plan.writes[0]!.order.status).toBe('paid'); // first occurrence wins
    expect(plan.counts.duplicates).toBe(1);
    expect(plan.counts.skipped).toHaveLength(1);
    expect(plan.counts.skipped[0]!.reason).toMatch(/index 2/);
    expect(plan.writes[1]!.order.problems.length).toBeGreaterThan(0);
  });

  it('does not rewrite unchanged orders and marks the ones no longer listed as gone', async () => {
    const first = await planOrderWrites([order(1), order(2)], new Map(), () => undefined);
    const stored = new Map(first.writes.map((w) => [`claim_order:${w.order.id}`, { hash: w.payloadHash, gone: false, paymentState: 'paid' as const }]));
    const second = await planOrderWrites([order(1), order(3)], stored, () => undefined);
    expect(second.counts).toMatchObject({ unchanged: 1, added: 1, gone: 1 });
    expect(second.writes.map((w) => w.order.id)).toEqual([3]);
    expect(second.goneKeys).toEqual([{ orderType: 'claim_order', id: 2 }]);

    const withGone = new Map(stored);
    withGone.set('claim_order:2', { hash: stored.get('claim_order:2')!.hash, gone: true, paymentState: 'paid' });
    const third = await planOrderWrites([order(1), order(2)], withGone, () => undefined);
    expect(third.counts.returned).toBe(1);
    expect(third.writes.map((w) => w.order.id)).toEqual([2]);
  });
});
