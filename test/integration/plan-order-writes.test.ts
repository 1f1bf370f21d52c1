import { describe, expect, it } from 'vitest';
import { OrderPlanner, planOrderWrites } from '../../core/sync/plan-order-writes';
import { goodOrder } from '../helpers/hostile-orders';

const order = goodOrder;

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

  it('pays for an entry that throws while being read with that entry alone: kept under its identity, or skipped', async () => {
    // Parsed JSON cannot throw; a getter stands in for whatever a future reader might trip on.
    const throwing = (extra: Record<string, unknown>) =>
      Object.defineProperty({ ...extra }, 'claim_polygons', { enumerable: true, get: () => { throw new Error('boom'); } });
    const plan = await planOrderWrites([order(1), throwing({ order_type: 'claim_order', id: 9 }), throwing({ order_number: 'X' }), order(2)], new Map(), () => undefined);
    expect(plan.writes.map((w) => w.order.id)).toEqual([1, 9, 2]);
    expect(plan.writes[1]!.order.problems).toEqual([{ code: 'order_entry_unreadable', message: 'ClaimDesk could not read this order: boom' }]);
    expect(plan.counts.skipped).toEqual([{ index: 2, reason: 'Order at index 2 cannot be stored: reading it failed (boom)' }]);
  });

  it('plans entries as sent: stored and hashed over their own bytes, a broken one skipped with the reason, an unchanged one not even parsed', () => {
    const raw = (text: string) => ({ bytes: Buffer.from(text), depth: 9 });
    const sent = JSON.stringify(order(1)).replace('{', '{ "unknown_field" : [1, 2.50] ,');
    const first = new OrderPlanner(new Map());
    const write = first.addRaw(raw(sent));
    expect(write?.rawJson).toBe(sent); // the bytes as the server sent them, spacing and unknown fields included
    // Parsed without V8's string table (core/sync/parse-json-uninterned.ts), the order reads as JSON.parse reads it:
    // short texts such as claim names and the status included.
    const parsedWhole = new OrderPlanner(new Map()).add(JSON.parse(sent))!;
    expect(write!.order).toEqual(parsedWhole.order);
    expect(write!.order.claims.map((claim) => claim.name).every((name) => name.length > 0 && name.length <= 10 && !name.includes('\u007f'))).toBe(true);
    expect(first.addRaw(raw('{"id": 2, "order_type": "claim_order", "status": tru}'))).toBeNull();
    expect(first.finish().counts.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/^Order at index 1 cannot be read: it is not valid JSON \(/) }]);

    const stored = new Map([['claim_order:1', { hash: write!.payloadHash, gone: false, paymentState: 'paid' as const }]]);
    const again = new OrderPlanner(stored);
    // The same bytes are the same order: recognised by their hash alone, without being parsed.
    const sameHash = { bytes: Buffer.from(sent), depth: 9 };
    expect(again.addRaw(sameHash)).toBeNull();
    expect(again.addRaw(raw(sent.replace('2.50', '2.5')))).toBeNull(); // a second entry for order 1: the first wins
    expect(again.finish().counts).toMatchObject({ unchanged: 1, duplicates: 1, added: 0, updated: 0 });
  });

  it('stops between entries when the sync is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(planOrderWrites([order(1)], new Map(), () => undefined, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });
});
