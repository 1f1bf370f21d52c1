/**
 * BLM fees owed at filing for the claims of one package, from a FeeSchedule (data, fee-schedule.ts).
 * Amounts are whole cents (integers) so totals over hundreds of claims are exact sums, never float drift
 * ("$54,799.99999"). Pure: no I/O, same input, same output.
 *
 * Units (43 CFR 3830.21): the location and processing fees are per claim; the maintenance fees
 * are per lode claim, and per `placerAcresPerUnit` (20) acres OR PART of 20 acres for a placer.
 */
import type { ClaimKind } from '../../layout/layout.types';
import type { FeeSchedule } from './fee-schedule';

/** An integer number of US cents. */
export type Cents = number;

export interface FeeClaimInput {
  name: string;
  kind: ClaimKind;
  areaAcres: number;
}

export interface ClaimFees {
  name: string;
  kind: ClaimKind;
  /** null when the area is not a usable number (printed as "—"). */
  areaAcres: number | null;
  /** Maintenance-fee units: 1 per lode claim, ceil(acres / 20) per placer; null when it cannot be known. */
  units: number | null;
  location: Cents;
  initialMaintenance: Cents | null;
  /** null when the schedule has no processing fee on file for its period. */
  processing: Cents | null;
  /** null when the maintenance units are unknown: the claim's total must not look complete when it is not. */
  total: Cents | null;
  /** Why something could not be computed (bad data), for the package's problem list. */
  problem: string | null;
}

export interface FeeTotals {
  claims: number;
  /** Sum of known units. */
  units: number;
  location: Cents;
  initialMaintenance: Cents;
  processing: Cents;
  /** Everything known that is due at BLM filing. */
  total: Cents;
  /** Claims whose maintenance units are unknown: the totals leave their maintenance fee out. */
  incompleteClaims: number;
  /** false when the schedule has no processing fee on file: the totals leave it out and the sheet says so. */
  processingKnown: boolean;
}

export interface FeeComputation {
  claims: ClaimFees[];
  totals: FeeTotals;
  /** Estimated annual maintenance fee per assessment year after the first (known units × annual fee). */
  annualMaintenancePerYear: Cents;
  /** Annual FLPMA filing fee (affidavit / notice of intent after a waiver) per claim, when on file. */
  annualFilingPerClaim: Cents | null;
}

/**
 * Ground areas come out of projected geometry with float noise (a 660 × 1,320 ft placer measures
 * 19.99999992 or 20.00000006 acres): without a tolerance a 20-acre placer would be charged two units. 0.0001 acre
 * (about 4 sq ft) is a thousand times that noise and far below what anyone can stake on the ground, so it never
 * hides a real "part of 20 acres".
 */
export const PLACER_AREA_TOLERANCE_ACRES = 1e-4;

/** Dollars from the schedule (e.g. 49, or 12.5) to integer cents. */
export function toCents(dollars: number): Cents {
  return Math.round(dollars * 100);
}

/** Maintenance-fee units of one claim; null when the placer's area is unusable (NaN, infinite, ≤ 0). */
export function maintenanceUnits(kind: ClaimKind, areaAcres: number, acresPerUnit: number): number | null {
  if (kind === 'lode') return 1;
  if (!Number.isFinite(areaAcres) || areaAcres <= 0) return null;
  return Math.max(1, Math.ceil((areaAcres - PLACER_AREA_TOLERANCE_ACRES) / acresPerUnit));
}

function claimFees(claim: FeeClaimInput, schedule: FeeSchedule): ClaimFees {
  const areaOk = Number.isFinite(claim.areaAcres) && claim.areaAcres > 0;
  const units = maintenanceUnits(claim.kind, claim.areaAcres, schedule.placerAcresPerUnit);
  const location = toCents(schedule.locationFee);
  const processing = schedule.processingFee === null ? null : toCents(schedule.processingFee);
  const initialMaintenance = units === null ? null : units * toCents(schedule.initialMaintenanceFee);
  let problem: string | null = null;
  if (!areaOk && claim.kind === 'placer') {
    problem = `Placer area is not a usable number (${String(claim.areaAcres)}): its maintenance fee (per 20 acres) could not be computed and is left out of the totals.`;
  } else if (!areaOk) {
    problem = `Area is not a usable number (${String(claim.areaAcres)}); lode fees are per claim, so the amounts stand.`;
  }
  return {
    name: claim.name,
    kind: claim.kind,
    areaAcres: areaOk ? claim.areaAcres : null,
    units,
    location,
    initialMaintenance,
    processing,
    total: initialMaintenance === null ? null : location + initialMaintenance + (processing ?? 0),
    problem,
  };
}

export function computeFees(claims: readonly FeeClaimInput[], schedule: FeeSchedule): FeeComputation {
  const rows = claims.map((claim) => claimFees(claim, schedule));
  const totals: FeeTotals = {
    claims: rows.length,
    units: 0,
    location: 0,
    initialMaintenance: 0,
    processing: 0,
    total: 0,
    incompleteClaims: 0,
    processingKnown: schedule.processingFee !== null,
  };
  for (const row of rows) {
    totals.location += row.location;
    totals.processing += row.processing ?? 0;
    if (row.units === null || row.initialMaintenance === null) {
      totals.incompleteClaims += 1;
    } else {
      totals.units += row.units;
      totals.initialMaintenance += row.initialMaintenance;
    }
  }
  totals.total = totals.location + totals.initialMaintenance + totals.processing;
  return {
    claims: rows,
    totals,
    annualMaintenancePerYear: totals.units * toCents(schedule.annualMaintenanceFee),
    annualFilingPerClaim: schedule.annualFilingFee === null ? null : toCents(schedule.annualFilingFee),
  };
}

/** "$1,096.00" (en-US grouping, always two decimals); "−$5.00" for a negative amount. */
export function formatUsd(cents: Cents): string {
  const whole = Math.round(cents);
  const abs = Math.abs(whole);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${whole < 0 ? '−' : ''}$${dollars}.${rest}`;
}
