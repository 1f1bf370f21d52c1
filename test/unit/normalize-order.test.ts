import { describe, expect, it } from 'vitest';
import type { NormalizedOrder, NormalizeOrderResult } from '../../shared/domain/normalized-order.types';
import { normalizePendingOrder, ORDER_WARNING_CODES as W } from '../../shared/domain/normalize-order';
import { CLAIM_PROBLEM_CODES } from '../../shared/geometry/claim-issue-codes';
import { loadOrderFixture, loadOrderRecord } from '../fixtures/orders/load-order-fixture';

function expectOrder(result: NormalizeOrderResult): NormalizedOrder {
  if (!result.ok) throw new Error(`expected an order, got: ${result.reason}`);
  return result.order;
}

function expectRefused(result: NormalizeOrderResult): string {
  if (result.ok) throw new Error(`expected a refusal, got order ${result.order.orderNumber}`);
  return result.reason;
}

/** The valid claim_order fixture with some fields replaced (undefined deletes the field). */
function claimOrderWith(changes: Record<string, unknown>): Record<string, unknown> {
  const order = loadOrderRecord('valid-claim-order.json');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete order[key];
    else order[key] = value;
  }
  return order;
}

const warningsOf = (order: NormalizedOrder) => order.warnings.map((w) => [w.code, w.message]);

describe('normalizePendingOrder: valid orders', () => {
  it('maps every field of a valid claim_order and reports nothing', () => {
    const order = expectOrder(normalizePendingOrder(loadOrderFixture('valid-claim-order.json'), 0));
    const { claims, ...fields } = order;
    expect(fields).toEqual({
      orderType: 'claim_order',
      id: 101,
      orderNumber: 'CO-2026-0101',
      status: 'paid',
      createdAt: '2026-01-15T10:00:00Z',
      customerEmail: 'prospector@example.com',
      companyName: 'Gold Mining Co',
      projectId: 456,
      projectName: 'Nevada Claims',
      claimCount: 4,
      claimantInfo: {
        claimant_name: 'Jo Prospector',
        address_1: '1 Main St',
        address_2: 'Elko, NV 89801',
        address_3: null,
        district: 'Tuscarora',
        monument_type: "2' wooden post",
      },
      claimPackageId: null,
      stakingService: false,
      expedited: false,
      polygonCount: 4,
      problems: [],
      warnings: [],
    });
    expect(claims.map((c) => c.name)).toEqual(['GE 1', 'GE 2', 'GE 3', 'GE 4']);
    for (const claim of claims) expect(claim.areaAcres).toBeCloseTo(20.66, 1);
  });

  it('reads a claim_purchase whose claim_polygons is a JSON string, with null claimant_info and no warning', () => {
    const order = expectOrder(normalizePendingOrder(loadOrderFixture('valid-claim-purchase-string.json'), 1));
    expect(order).toMatchObject({ orderType: 'claim_purchase', id: 102, claimantInfo: null, expedited: true, claimCount: 2, polygonCount: 2 });
    expect(order.claims.map((c) => c.name)).toEqual(['BLM 1', 'BLM 2']);
    expect(order.warnings).toEqual([]);
    expect(order.problems).toEqual([]);
  });
});

describe('normalizePendingOrder: identity', () => {
  it.each([
    ['a missing id', { id: undefined }, /^Order at index 3 \(order_number "CO-2026-0101", order_type "claim_order"\) cannot be stored: id is missing, expected a positive integer$/],
    ['id 0', { id: 0 }, /id is 0, expected a positive integer/],
    ['a negative id', { id: -4 }, /id is -4/],
    ['a fractional id', { id: 1.5 }, /id is 1\.5/],
    ['a non-numeric id string', { id: '12abc' }, /id is "12abc"/],
    ['a null id', { id: null }, /id is null/],
    ['an id too large to be exact', { id: 2 ** 53 + 2 }, /expected a positive integer/],
    ['a missing order_type', { order_type: undefined }, /cannot be stored: order_type is missing, expected one of claim_purchase, claim_order$/],
    ['an unknown order_type', { order_type: 'claim_refund' }, /order_type is "claim_refund"/],
    ['a numeric order_type', { order_type: 1 }, /order_type is 1/],
  ])('refuses %s and names the entry', (_label, changes, reason) => {
    expect(expectRefused(normalizePendingOrder(claimOrderWith(changes), 3))).toMatch(reason);
  });

  it.each([
    [null, 'null'],
    ['CPO-1', '"CPO-1"'],
    [[1, 2], 'a list'],
    [7, '7'],
  ])('refuses %j, which is not an order object', (value, shown) => {
    expect(expectRefused(normalizePendingOrder(value, 5))).toBe(`Order at index 5 cannot be stored: it is ${shown}, not an order object`);
  });

  it('mentions whatever identifying information exists, and nothing when there is none', () => {
    expect(expectRefused(normalizePendingOrder({}, 9))).toBe(
      'Order at index 9 cannot be stored: order_type is missing, expected one of claim_purchase, claim_order',
    );
  });

  it('accepts a numeric string id with a warning', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ id: '12' }), 0));
    expect(order.id).toBe(12);
    expect(warningsOf(order)).toEqual([[W.idCoerced, 'id arrived as the text "12"; read as 12']]);
  });

  it('accepts an order_type in the wrong case or with spaces, with a warning', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ order_type: ' Claim_Order ' }), 0));
    expect(order.orderType).toBe('claim_order');
    expect(warningsOf(order)).toEqual([[W.orderTypeCoerced, 'order_type " Claim_Order " read as "claim_order"']]);
  });
});

describe('normalizePendingOrder: broken data is kept with warnings', () => {
  it.each([
    ['claim_purchase', 'CPO-?-7'],
    ['claim_order', 'CO-?-7'],
  ])('gives a %s without order_number a stand-in number', (orderType, fallback) => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ id: 7, order_type: orderType, order_number: undefined, claimant_info: null }), 0));
    expect(order.orderNumber).toBe(fallback);
    expect(order.warnings[0]).toEqual({ code: W.fieldMissing, message: `order_number is missing; shown as ${fallback}` });
  });

  it('warns about a missing or non-ISO created_at but keeps what was sent', () => {
    const missing = expectOrder(normalizePendingOrder(claimOrderWith({ created_at: undefined }), 0));
    expect(missing.createdAt).toBe('');
    expect(warningsOf(missing)).toEqual([[W.fieldMissing, 'created_at is missing; using an empty value']]);
    const loose = expectOrder(normalizePendingOrder(claimOrderWith({ created_at: '15/01/2026' }), 0));
    expect(loose.createdAt).toBe('15/01/2026');
    expect(loose.warnings.map((w) => w.code)).toEqual([W.createdAtInvalid]);
  });

  it.each([
    ['yes', true, W.fieldCoerced, 'expedited_delivery arrived as "yes" instead of true/false; read as true'],
    [1, true, W.fieldCoerced, 'expedited_delivery arrived as 1 instead of true/false; read as true'],
    ['false', false, W.fieldCoerced, 'expedited_delivery arrived as "false" instead of true/false; read as false'],
    [null, false, W.fieldMissing, 'expedited_delivery is null; using false'],
    ['maybe', false, W.fieldInvalid, 'expedited_delivery is "maybe", not the expected type; using false'],
    [{}, false, W.fieldInvalid, 'expedited_delivery is an object, not the expected type; using false'],
  ])('coerces the flag %j to %s with a warning', (value, expected, code, message) => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ expedited_delivery: value }), 0));
    expect(order.expedited).toBe(expected);
    expect(warningsOf(order)).toEqual([[code, message]]);
  });

  it('defaults wrong-typed strings and ids, and reads numeric strings', () => {
    const order = expectOrder(
      normalizePendingOrder(claimOrderWith({ status: null, company_name: 42, project_id: 'abc', claim_package_id: '31', customer_email: undefined }), 0),
    );
    expect(order).toMatchObject({ status: 'unknown', companyName: '42', projectId: null, claimPackageId: 31, customerEmail: '' });
    expect(order.warnings.map((w) => w.code)).toEqual([W.fieldMissing, W.fieldMissing, W.fieldCoerced, W.fieldInvalid, W.fieldCoerced]);
  });

  it('keeps a null project_id and claim_package_id without a warning', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ project_id: null, claim_package_id: null }), 0));
    expect(order.projectId).toBeNull();
    expect(order.warnings).toEqual([]);
  });

  it('turns malformed claimant_info into null with a warning', () => {
    for (const bad of [{ claimant_name: 5 }, 'not json', [1, 2]]) {
      const order = expectOrder(normalizePendingOrder(claimOrderWith({ claimant_info: bad }), 0));
      expect(order.claimantInfo).toBeNull();
      expect(order.warnings.map((w) => w.code)).toEqual([W.claimantInfoMalformed]);
      expect(order.warnings[0]?.message).toMatch(/^claimant_info is malformed \(.+\); ignored, it will need to be entered$/);
    }
  });

  it('reads claimant_info serialised as a JSON string', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claimant_info: JSON.stringify({ claimant_name: 'Ann' }) }), 0));
    expect(order.claimantInfo).toEqual({ claimant_name: 'Ann' });
    expect(order.warnings).toEqual([]);
  });

  it('warns when a claim_order has no claimant_info, but not a claim_purchase', () => {
    const claimOrder = expectOrder(normalizePendingOrder(claimOrderWith({ claimant_info: null }), 0));
    expect(claimOrder.warnings.map((w) => w.code)).toEqual([W.claimantInfoMissing]);
    const purchase = expectOrder(normalizePendingOrder(claimOrderWith({ order_type: 'claim_purchase', claimant_info: null }), 0));
    expect(purchase.warnings).toEqual([]);
  });

  it('lists unknown fields in ONE warning and tolerates status_display and company_id', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ foo: 1, bar: null, status_display: 'Paid', company_id: 9 }), 0));
    expect(warningsOf(order)).toEqual([[W.unknownFields, 'Unknown fields ignored: foo, bar']]);
  });

  it('warns when claim_count disagrees with the polygons received', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claim_count: 8 }), 0));
    expect(order.claimCount).toBe(8);
    expect(warningsOf(order)).toEqual([[W.claimCountMismatch, '8 claims purchased but 4 polygons received']]);
  });

  it('does not warn when claim_count matches the parts of a MultiPolygon block', () => {
    const order = loadOrderRecord('valid-claim-order.json');
    const fc = order.claim_polygons as { features: { geometry: { coordinates: unknown } }[] };
    const block = { type: 'Feature', properties: { name: 'GE block' }, geometry: { type: 'MultiPolygon', coordinates: fc.features.map((f) => f.geometry.coordinates) } };
    const normalized = expectOrder(normalizePendingOrder(claimOrderWith({ claim_polygons: block, claim_count: 4 }), 0));
    expect(normalized).toMatchObject({ polygonCount: 4, claimCount: 4, problems: [], warnings: [] });
    expect(normalized.claims).toHaveLength(1);
  });

  it('falls back to the polygon count when claim_count is missing', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claim_count: undefined }), 0));
    expect(order.claimCount).toBe(4);
    expect(warningsOf(order)).toEqual([[W.fieldMissing, 'claim_count is missing; using the 4 polygons received']]);
  });

  it('keeps an order whose claims are broken, with the claim problems and a count mismatch', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claim_polygons: loadOrderFixture('broken-claims.json'), claim_count: 12 }), 0));
    expect(order.claims.map((c) => c.name)).toEqual(['GE 1']);
    expect(order.polygonCount).toBe(10);
    expect(order.problems).toHaveLength(9);
    expect(order.problems.find((p) => p.claim === 'GE 3')?.message).toBe(
      "Claim 'GE 3' is a LineString; only Polygon or MultiPolygon claims can be fulfilled",
    );
    expect(warningsOf(order)).toEqual([[W.claimCountMismatch, '12 claims purchased but 10 polygons received']]);
  });

  it('keeps an order with no claim_polygons, as a problem and without a redundant count warning', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claim_polygons: null }), 0));
    expect(order.problems).toEqual([{ code: CLAIM_PROBLEM_CODES.missing, message: 'claim_polygons is null: the order has no claim polygons' }]);
    expect(order.warnings).toEqual([]);
  });

  it('passes claim repairs through as order warnings', () => {
    const order = expectOrder(normalizePendingOrder(claimOrderWith({ claim_polygons: loadOrderFixture('repairable-claim.json'), claim_count: 1 }), 0));
    expect(order.claims).toHaveLength(1);
    expect(order.warnings.map((w) => w.claim)).toEqual(['PL 1', 'PL 1', 'PL 1']);
  });
});

describe('normalizePendingOrder: a whole payload', () => {
  it('normalizes each entry on its own: broken ones are kept, identity-less ones refused with a reason', () => {
    const payload = loadOrderRecord('pending-orders-mixed.json');
    const entries = payload.orders as unknown[];
    const results = entries.map((entry, index) => normalizePendingOrder(entry, index));
    expect(results.map((r) => (r.ok ? `${r.order.orderType}:${r.order.id}` : 'refused'))).toEqual([
      'claim_order:101',
      'claim_purchase:102',
      'claim_purchase:103',
      'claim_order:104',
      'refused',
      'refused',
      'refused',
    ]);
    const sparse = expectOrder(results[3] as NormalizeOrderResult);
    expect(sparse.problems.map((p) => p.code)).toEqual([CLAIM_PROBLEM_CODES.missing]);
    expect(sparse.warnings.at(-1)).toEqual({ code: W.unknownFields, message: 'Unknown fields ignored: legacy_flag, notes' });
  });

  it('never throws, whatever the entry holds', () => {
    const odd: unknown[] = [undefined, Symbol('x'), () => 1, new Date(0), { id: 1, order_type: 'claim_order', claim_polygons: { type: 'Feature' } }];
    for (const value of odd) expect(() => normalizePendingOrder(value, 0)).not.toThrow();
  });
});
