/**
 * The manifest's orderSnapshot: the order (number, type, status, price) and its BLM fees as they stood when
 * the package was generated. The fees come from the same computeFees call on the same claims as the fees
 * sheet (feeInputs), so the snapshot's totals are what the sheet prints, to the cent. Pure.
 */
import type { FeeSchedule } from './fees/fee-schedule';
import { computeFees, type FeeClaimInput } from './fees/fees';
import type { OrderSnapshot } from './package-files';
import type { PackageModel } from './package-model.types';

/** What the fees sheet and the snapshot compute the fees from: every claim of the package, as modelled. */
export function feeInputs(model: PackageModel): FeeClaimInput[] {
  return model.claims.map((claim) => ({ name: claim.name, kind: claim.kind, areaAcres: claim.areaAcres }));
}

/** null for a package without an order (a layout file) or without a fee schedule for its date. */
export function buildOrderSnapshot(model: PackageModel, schedule: FeeSchedule | null, capturedAt: string): OrderSnapshot | null {
  const orderType = model.order.orderType;
  if (orderType === null || schedule === null) return null;
  const fees = computeFees(feeInputs(model), schedule);
  const t = fees.totals;
  return {
    capturedAt,
    orderNumber: model.order.orderNumber,
    orderType,
    orderStatus: model.order.status ?? null,
    price: model.order.price ?? null,
    fees: {
      scheduleVersion: schedule.version,
      effectiveFrom: schedule.effectiveFrom,
      currency: schedule.currency,
      claims: t.claims,
      perClaim: fees.claims.map((row) => ({ kind: row.kind, label: row.name, units: row.units, cents: row.total })),
      totals: {
        units: t.units,
        locationCents: t.location,
        initialMaintenanceCents: t.initialMaintenance,
        processingCents: t.processing,
        totalDueAtRecordingCents: t.total,
        incompleteClaims: t.incompleteClaims,
      },
      annualMaintenancePerYearCents: fees.annualMaintenancePerYear,
      annualFilingPerClaimCents: fees.annualFilingPerClaim,
    },
  };
}
