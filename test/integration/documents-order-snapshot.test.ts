/**
 * The manifest's orderSnapshot over the real package task (model, every renderer, manifest): the fee totals it
 * records are the ones the generated fees sheet prints, and the price comes from the order's raw payload
 * through the job's order context (or the cache's payload at generation time), or is null when there is none.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OrderPayloadsTable, OrdersTable } from '../../core/db/schema';
import { findResourcesDir } from '../../core/documents/fonts';
import { manifestBytes, type GeneratedPackage } from '../../core/documents/generate-package';
import { packageSourceFromJob, packageSourceFromOrder } from '../../core/documents/package-source';
import { runPackageTask } from '../../core/documents/package-task';
import { newJobFromOrder } from '../../core/jobs/job-from-order';
import { utmConverter } from '../../shared/geo/utm';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { computeFees, formatUsd } from '../../shared/documents/fees/fees';
import { feeInputs } from '../../shared/documents/order-snapshot';
import { manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { buildPackageModel, type PackageSource } from '../../shared/documents/package-model';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { samplePackageSource } from '../helpers/package-fixtures';

const resourcesDir = findResourcesDir();
const work = mkdtempSync(join(tmpdir(), 'order-snapshot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GENERATED_AT = '2026-11-22T12:00:00.000Z';

async function generate(source: PackageSource): Promise<GeneratedPackage> {
  return runPackageTask({ source, preparedOn: '2026-11-22', generatedAt: GENERATED_AT, generator: { name: 'ClaimDesk', version: 'test' }, resourcesDir });
}

/** The manifest as written to disk and read back by the app. */
function writtenManifest(made: GeneratedPackage): PackageManifest {
  return manifestSchema.parse(JSON.parse(new TextDecoder().decode(manifestBytes(made.manifest))));
}

function feesSheetText(made: GeneratedPackage, name: string): string {
  const file = made.files.find((f) => f.kind === 'fees-sheet');
  expect(file).toBeDefined();
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, file!.bytes);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** A cached order (row and raw payload) whose polygons are the sample grid, as the sync would store it. */
function cachedOrder(raw: Record<string, unknown>): { row: OrdersTable; payload: OrderPayloadsTable } {
  const sample = samplePackageSource({ state: 'NV', rows: 1, cols: 3 });
  const { toLonLat } = utmConverter(sample.epsg);
  const claims: NormalizedClaim[] = sample.claims.map((claim) => {
    const ring = claim.corners.map((c) => toLonLat(c));
    return { name: claim.name, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, areaAcres: 20.66 };
  });
  const row: OrdersTable = {
    order_type: 'claim_order',
    id: 77,
    order_number: 'CO-77',
    status: 'paid',
    created_at: '2026-11-01T00:00:00Z',
    customer_email: 'buyer@example.com',
    company_name: 'Acme Mining',
    project_id: 5,
    project_name: 'Acme Project',
    claim_count: 3,
    polygon_count: 3,
    claimant_info_json: JSON.stringify({ claimant_name: 'Acme Mining LLC', address_1: '1 Main St', address_2: 'Elko, NV 89801' }),
    claim_package_id: null,
    staking_service: 0,
    expedited_delivery: 0,
    problems_json: '[]',
    warnings_json: '[]',
    problem_count: 0,
    warning_count: 0,
    search_text: 'co-77',
    payload_hash: 'x',
    payment_status: null,
    payment_state: 'paid',
    target_date: null,
    first_seen_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    gone_at: null,
    assigned_to_json: null,
    assignment_expired_json: null,
  };
  const payload: OrderPayloadsTable = {
    order_type: 'claim_order',
    id: 77,
    raw_json: JSON.stringify({ id: 77, order_type: 'claim_order', order_number: 'CO-77', status: 'paid', ...raw }),
    claims_json: JSON.stringify(claims),
  };
  return { row, payload };
}

const lookup = () => ({ stateCode: 'NV', stateName: 'Nevada', countyName: 'Pershing' });

describe('order snapshot in the generated manifest', () => {
  it('records the fee totals the fees sheet prints, to the cent', async () => {
    const source = samplePackageSource({ state: 'NV', rows: 2, cols: 2 });
    const made = await generate(source);
    const manifest = writtenManifest(made);
    const snapshot = manifest.orderSnapshot!;
    expect(snapshot).toBeDefined();
    expect(snapshot.capturedAt).toBe(GENERATED_AT);
    expect(snapshot.orderNumber).toBe(manifest.order.orderNumber);
    expect(snapshot.orderType).toBe('claim_purchase');
    expect(snapshot.orderStatus).toBeNull();
    expect(snapshot.price).toBeNull();
    expect(snapshot.fees.scheduleVersion).toBe(manifest.feeSchedule?.version);

    // Independently: fees.ts on the package's own model with the schedule the task chose.
    const model = buildPackageModel(source, { preparedOn: '2026-11-22', generator: { name: 'ClaimDesk', version: 'test' } });
    const fees = computeFees(feeInputs(model), feeScheduleFor(model.dateOfLocation ?? '2026-11-22')!);
    expect(snapshot.fees.totals.totalDueAtRecordingCents).toBe(fees.totals.total);
    expect(snapshot.fees.totals.locationCents).toBe(fees.totals.location);
    expect(snapshot.fees.totals.initialMaintenanceCents).toBe(fees.totals.initialMaintenance);
    expect(snapshot.fees.totals.processingCents).toBe(fees.totals.processing);
    expect(snapshot.fees.perClaim.map((l) => l.cents)).toEqual(fees.claims.map((c) => c.total));

    // And what the generated fees sheet prints.
    const text = feesSheetText(made, 'nv-2x2');
    const t = snapshot.fees.totals;
    expect(t.totalDueAtRecordingCents).toBe(109600);
    expect(text).toMatch(new RegExp(`Total due at BLM filing:?\\s+${escape(formatUsd(t.totalDueAtRecordingCents))}`));
    expect(text).toMatch(
      new RegExp(
        `Total \\(${snapshot.fees.claims} claims\\).*${[t.locationCents, t.initialMaintenanceCents, t.processingCents, t.totalDueAtRecordingCents].map((c) => escape(formatUsd(c))).join('\\s+')}`,
      ),
    );
    for (const line of snapshot.fees.perClaim) expect(text).toMatch(new RegExp(`${escape(line.label)}\\s+Lode.*${escape(formatUsd(line.cents!))}`));
    expect(text).toContain(`about ${formatUsd(snapshot.fees.annualMaintenancePerYearCents)} per year`);
  });

  it('keeps placer totals equal to the sheet too (per 20 acres or part)', async () => {
    const made = await generate(samplePackageSource({ state: 'NV', rows: 1, cols: 2, kind: 'placer', orderNumber: 'CP-PLACER' }));
    const snapshot = writtenManifest(made).orderSnapshot!;
    const text = feesSheetText(made, 'placer');
    expect(snapshot.fees.totals.units).toBe(2);
    expect(text).toMatch(new RegExp(`Total due at BLM filing:?\\s+${escape(formatUsd(snapshot.fees.totals.totalDueAtRecordingCents))}`));
  });

  it('takes the price from the order payload through the job context, and the status the caller knows', async () => {
    const { row, payload } = cachedOrder({ total_price: '1250.5' });
    const draft = newJobFromOrder(row, payload, lookup, '2026-11-22T00:00:00Z');
    expect(draft.order.price).toEqual({ amountCents: 125050, currency: 'USD', source: 'total_price' });
    const result = packageSourceFromOrder(draft, [], { dateOfLocation: '2026-08-15', orderStatus: row.status });
    if (!result.ok) throw new Error(result.reasons.join(' '));
    const snapshot = writtenManifest(await generate(result.source)).orderSnapshot!;
    expect(snapshot.orderNumber).toBe('CO-77');
    expect(snapshot.orderType).toBe('claim_order');
    expect(snapshot.orderStatus).toBe('paid');
    expect(snapshot.price).toEqual({ amountCents: 125050, currency: 'USD', source: 'total_price' });
    expect(snapshot.fees.claims).toBe(3);
    expect(snapshot.fees.totals.totalDueAtRecordingCents).toBe(3 * 27400);
  });

  it('says price null when the payload has none, and prefers the cached payload given at generation time', async () => {
    const { row, payload } = cachedOrder({});
    const draft = newJobFromOrder(row, payload, lookup, '2026-11-22T00:00:00Z');
    expect(draft.order.price).toBeNull();
    const none = packageSourceFromOrder(draft, []);
    if (!none.ok) throw new Error(none.reasons.join(' '));
    expect(writtenManifest(await generate(none.source)).orderSnapshot!.price).toBeNull();

    // A job kept from before prices were recorded (no price in its context) still generates.
    const { price: _dropped, ...oldContext } = draft.order;
    const oldJob = { ...draft, order: oldContext, layout: { claims: none.source.claims, grid: null } };
    const fromOld = packageSourceFromJob(oldJob, 'job');
    if (!fromOld.ok) throw new Error(fromOld.reasons.join(' '));
    expect(fromOld.source.order.price).toBeNull();

    const later = packageSourceFromJob(oldJob, 'job', { orderStatus: 'processing', orderRawJson: JSON.stringify({ amount: 99.99 }) });
    if (!later.ok) throw new Error(later.reasons.join(' '));
    const snapshot = writtenManifest(await generate(later.source)).orderSnapshot!;
    expect(snapshot.price).toEqual({ amountCents: 9999, currency: 'USD', source: 'amount' });
    expect(snapshot.orderStatus).toBe('processing');
    expect(packageSourceFromJob(oldJob, 'job', { orderRawJson: '{"total_price":"garbage"}' })).toMatchObject({ ok: true, source: { order: { price: null } } });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
