import { describe, expect, it } from 'vitest';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { computeFees } from '../../shared/documents/fees/fees';
import { decimalToCents, integerCents, priceFromOrderJson, priceFromOrderPayload } from '../../shared/documents/order-price';
import { buildOrderSnapshot, feeInputs } from '../../shared/documents/order-snapshot';
import { manifestSchema, orderSnapshotSchema } from '../../shared/documents/package-files';
import { buildPackageModel } from '../../shared/documents/package-model';
import { jobOrderContextSchema } from '../../shared/jobs/job.types';
import { samplePackageModel, samplePackageSource } from '../helpers/package-fixtures';

describe('order price to integer cents', () => {
  it('parses decimal strings and numbers exactly, never through a float', () => {
    expect(decimalToCents('1250.5')).toBe(125050);
    expect(decimalToCents('1250.00')).toBe(125000);
    expect(decimalToCents('1250')).toBe(125000);
    expect(decimalToCents(1250)).toBe(125000);
    expect(decimalToCents(99.99)).toBe(9999);
    expect(decimalToCents('99.99')).toBe(9999);
    expect(decimalToCents(0.07)).toBe(7); // 0.07 * 100 is 7.000000000000001 in floats
    expect(decimalToCents(1.005)).toBeNull(); // not a whole number of cents
    expect(decimalToCents('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(decimalToCents('12.500')).toBe(1250);
    expect(decimalToCents(' 1,250.00 ')).toBe(125000);
    expect(decimalToCents('$1,096.00')).toBe(109600);
    expect(decimalToCents('USD 274')).toBe(27400);
    expect(decimalToCents('0')).toBe(0);
    expect(decimalToCents('54799.99')).toBe(5479999);
  });

  it('turns garbage into null without throwing', () => {
    const garbage: unknown[] = [
      'abc', '', ' ', '12.345', '1.2.3', '-5', -5, '1e3', 1e21, NaN, Infinity, '12,34.00', '1,2345', '.', '$', '€12',
      null, undefined, true, {}, [], { amount: '12' }, '99999999999999999999',
    ];
    for (const value of garbage) expect(() => decimalToCents(value)).not.toThrow();
    for (const value of garbage) expect(decimalToCents(value), String(value)).toBeNull();
  });

  it('reads fields that already hold cents as integers only', () => {
    expect(integerCents(27400)).toBe(27400);
    expect(integerCents('27400')).toBe(27400);
    expect(integerCents(274.5)).toBeNull();
    expect(integerCents('274.00')).toBeNull();
    expect(integerCents(-1)).toBeNull();
    expect(integerCents('x')).toBeNull();
  });
});

describe('order price from the raw payload', () => {
  it('takes the first usable field and says which it was', () => {
    expect(priceFromOrderPayload({ total_price: '1250.5' })).toEqual({ amountCents: 125050, currency: 'USD', source: 'total_price' });
    expect(priceFromOrderPayload({ amount: 99.99 })).toEqual({ amountCents: 9999, currency: 'USD', source: 'amount' });
    expect(priceFromOrderPayload({ total_cents: 109600, total_display: '$1,096.00' })).toEqual({ amountCents: 109600, currency: 'USD', source: 'total_cents' });
    expect(priceFromOrderPayload({ total_display: '$1,096.00' })).toEqual({ amountCents: 109600, currency: 'USD', source: 'total_display' });
    expect(priceFromOrderPayload({ price: '12.00', currency: 'cad' })).toEqual({ amountCents: 1200, currency: 'CAD', source: 'price' });
    // An unreadable field is passed over for the next one.
    expect(priceFromOrderPayload({ total_cents: 'n/a', total_price: 'TBD', amount: '300' })).toEqual({ amountCents: 30000, currency: 'USD', source: 'amount' });
  });

  it('is null when the payload carries no price, as the pending-orders contract does not', () => {
    const demo = {
      id: 1, order_type: 'claim_order', order_number: 'CO-1', status: 'paid', created_at: '2026-01-01T00:00:00Z',
      customer_email: 'a@example.com', company_name: 'Acme', project_id: 1, project_name: 'P', claim_count: 2,
      claim_polygons: null, claimant_info: null, claim_package_id: null, staking_service: false, expedited_delivery: false,
    };
    expect(priceFromOrderPayload(demo)).toBeNull();
    expect(priceFromOrderPayload({ total_price: null, amount: '' })).toBeNull();
    expect(priceFromOrderPayload({ total_price: 'free', amount: 'garbage' })).toBeNull();
    for (const raw of [null, undefined, 'x', 42, [], [{ total_price: '1' }]]) expect(priceFromOrderPayload(raw)).toBeNull();
    expect(priceFromOrderJson('{not json')).toBeNull();
    expect(priceFromOrderJson(JSON.stringify({ total_price: '1250.00' }))?.amountCents).toBe(125000);
  });

  it('keeps a job pulled before the price was kept readable', () => {
    const context = {
      orderType: 'claim_order', orderId: 1, orderNumber: 'CO-1', projectId: null, projectName: '', companyName: '',
      customerEmail: '', claimsPurchased: 1, claimant: null, orderClaims: [],
    };
    expect(jobOrderContextSchema.parse(context).price).toBeUndefined();
    expect(jobOrderContextSchema.parse({ ...context, price: null }).price).toBeNull();
    expect(jobOrderContextSchema.parse({ ...context, price: { amountCents: 9999, currency: 'USD', source: 'amount' } }).price?.amountCents).toBe(9999);
    expect(jobOrderContextSchema.safeParse({ ...context, price: { amountCents: 99.99, currency: 'USD', source: 'amount' } }).success).toBe(false);
  });
});

describe('order snapshot', () => {
  it('holds the fees exactly as fees.ts computes them for the package, in integer cents', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2 });
    const schedule = feeScheduleFor('2026-08-15')!;
    const snapshot = orderSnapshotSchema.parse(buildOrderSnapshot(model, schedule, '2026-11-22T12:00:00.000Z'));
    const fees = computeFees(feeInputs(model), schedule);
    expect(snapshot).toMatchObject({
      capturedAt: '2026-11-22T12:00:00.000Z',
      orderNumber: 'CP-2026-0042',
      orderType: 'claim_purchase',
      orderStatus: null,
      price: null,
    });
    expect(snapshot.fees.scheduleVersion).toBe('blm-2024-10');
    expect(snapshot.fees.claims).toBe(4);
    expect(snapshot.fees.totals).toEqual({
      units: fees.totals.units,
      locationCents: fees.totals.location,
      initialMaintenanceCents: fees.totals.initialMaintenance,
      processingCents: fees.totals.processing,
      totalDueAtRecordingCents: fees.totals.total,
      incompleteClaims: 0,
    });
    // What the fees sheet prints for this package (documents-fees-sheet-pdf.test.ts): $274.00 a claim, $1,096.00 in all.
    expect(snapshot.fees.totals.totalDueAtRecordingCents).toBe(109600);
    expect(snapshot.fees.perClaim).toEqual(model.claims.map((c) => ({ kind: 'lode', label: c.name, units: 1, cents: 27400 })));
    expect(snapshot.fees.annualMaintenancePerYearCents).toBe(80000);
    expect(snapshot.fees.annualFilingPerClaimCents).toBe(1500);
    expect(snapshot.fees.waiverProcessingPerYearCents).toBeUndefined();
    for (const value of [...Object.values(snapshot.fees.totals), ...snapshot.fees.perClaim.map((l) => l.cents)]) expect(Number.isInteger(value)).toBe(true);
  });

  it('counts placers per 20 acres or part, and an unknown area as incomplete rather than a guess', () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 2, kind: 'placer' });
    model.claims[1]!.areaAcres = Number.NaN;
    const snapshot = buildOrderSnapshot(model, feeScheduleFor('2026-08-15')!, '2026-11-22T12:00:00.000Z')!;
    expect(snapshot.fees.perClaim[1]).toMatchObject({ kind: 'placer', units: null, cents: null });
    expect(snapshot.fees.totals.incompleteClaims).toBe(1);
    expect(snapshot.fees.totals.totalDueAtRecordingCents).toBe(
      snapshot.fees.totals.locationCents + snapshot.fees.totals.initialMaintenanceCents + snapshot.fees.totals.processingCents,
    );
  });

  it('carries the order status and price the source gave the model', () => {
    const source = samplePackageSource();
    source.order = { ...source.order, status: 'processing', price: { amountCents: 125050, currency: 'USD', source: 'total_price' } };
    const model = buildPackageModel(source, { preparedOn: '2026-11-22', generator: { name: 'ClaimDesk', version: 't' } });
    const snapshot = buildOrderSnapshot(model, feeScheduleFor('2026-08-15')!, '2026-11-22T12:00:00.000Z')!;
    expect(snapshot.orderStatus).toBe('processing');
    expect(snapshot.price).toEqual({ amountCents: 125050, currency: 'USD', source: 'total_price' });
  });
});

describe('manifest schema', () => {
  const oldManifest = {
    manifestVersion: 1,
    generator: { name: 'ClaimDesk', version: '0.1.0' },
    preparedOn: '2026-11-22',
    generatedAt: '2026-11-22T00:00:00.000Z',
    source: 'job',
    order: { orderType: 'claim_order', orderId: 1, orderNumber: 'CO-1', projectName: '', companyName: '', claimsPurchased: 1 },
    state: 'NV',
    county: 'Elko',
    epsg: 26911,
    dateOfLocation: null,
    claimant: 'A',
    claims: [],
    feeSchedule: { version: 'blm-2024-10', effectiveFrom: '2024-10-01' },
    files: [],
    problems: [],
  };

  it('still reads a manifest written before the order snapshot', () => {
    const parsed = manifestSchema.parse(oldManifest);
    expect(parsed.orderSnapshot).toBeUndefined();
    expect(parsed.order.orderNumber).toBe('CO-1');
  });

  it('refuses a snapshot with fractional cents', () => {
    const model = samplePackageModel({ rows: 1, cols: 1 });
    const snapshot = buildOrderSnapshot(model, feeScheduleFor('2026-08-15')!, '2026-11-22T00:00:00.000Z')!;
    expect(manifestSchema.parse({ ...oldManifest, orderSnapshot: snapshot }).orderSnapshot).toEqual(snapshot);
    const bad = { ...snapshot, fees: { ...snapshot.fees, totals: { ...snapshot.fees.totals, totalDueAtRecordingCents: 274.5 } } };
    expect(manifestSchema.safeParse({ ...oldManifest, orderSnapshot: bad }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...oldManifest, orderSnapshot: { ...snapshot, price: { amountCents: 12.5, currency: 'USD', source: 'x' } } }).success).toBe(false);
  });
});
