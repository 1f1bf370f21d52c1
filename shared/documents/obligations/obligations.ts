/**
 * The obligations of one package (or one claim): the entries of the obligations table that apply to its state,
 * land and claim kinds on its date of location, each with its due date, status on the preparation day and fees
 * for its claims. Pure, so the fees-and-deadlines sheet and anything else that lists deadlines (per claim, a
 * calendar, a BLM filing sheet) call this one function and print the same dates and amounts.
 */
import { stateRule } from '../../claims/state-rules';
import type { LandStatus } from '../../claims/state-land';
import type { ClaimKind } from '../../layout/layout.types';
import { addCalendarDays } from '../../domain/calendar-date';
import {
  addCalendarMonths,
  assessmentYearOf,
  daysBetween,
  formatLongDate,
  isoDateOrNull,
  statusText,
  weekendName,
} from '../calendar';
import { feeScheduleFor, type FeeSchedule } from '../fees/fee-schedule';
import { maintenanceUnits, PLACER_AREA_TOLERANCE_ACRES, toCents, type Cents } from '../fees/fees';
import { OBLIGATIONS, RECORDING_OFFICE, unknownRecording } from './obligation-table';
import type { DueRule, FeeRule, Obligation } from './obligation.types';
import { BLM_STATE_OFFICES } from './blm-offices';
import type { PackageModel } from '../package-model.types';
import type { PackageManifest } from '../package-files';
import { placeText } from '../place-text';

export interface ObligationClaim {
  name: string;
  kind: ClaimKind;
  areaAcres: number;
}

export interface ObligationInput {
  stateCode: string | null;
  landStatus: LandStatus;
  claims: readonly ObligationClaim[];
  dateOfLocation: string | null;
  dateOfDiscovery: string | null;
  /** ISO date: "days left" are counted from it. */
  preparedOn: string;
  /** "Pershing County, Nevada" / "Fairbanks Recording District, Alaska" (place-text.ts), for the recording office. */
  place: string;
}

export interface ObligationFee {
  label: string;
  /** Total for the claims it applies to; null when the amount is not on file. */
  cents: Cents | null;
  /** "$15.00 per claim × 4 claims". */
  basis: string;
  citation: string;
}

export interface DueObligation {
  id: string;
  category: Obligation['category'];
  label: string;
  office: string;
  /** "Within 90 days of the date of location". */
  rule: string;
  citation: string;
  /** ISO date, or null when the date it counts from is not known yet. */
  date: string | null;
  /** The date in words, or how to work it out. */
  dateText: string;
  daysRemaining: number | null;
  status: string | null;
  fees: ObligationFee[];
  notes: string[];
  optional: boolean;
  onlyWithWaiver: boolean;
  /** Owed again every year on the same day; `laterLabel` is what later years file (null: the same as `label`). */
  repeats: { laterLabel: string | null } | null;
  /** The claims it applies to (by kind). */
  claimNames: string[];
  sources: readonly string[];
}

export interface PackageObligations {
  obligations: DueObligation[];
  /** The BLM schedule in effect on the date of location (or the preparation date); null when none covers it. */
  schedule: FeeSchedule | null;
  /** The first 1 September after the date of location. */
  firstMaintenanceDue: string | null;
  bridgeWarning: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function applies(o: Obligation, input: ObligationInput, kinds: ReadonlySet<ClaimKind>, on: string): boolean {
  const code = input.stateCode?.toUpperCase() ?? null;
  if (o.jurisdiction === 'federal' ? input.landStatus !== 'federal' : o.jurisdiction !== code) return false;
  if (o.land !== input.landStatus) return false;
  if (!o.kinds.some((k) => kinds.has(k))) return false;
  return (o.effectiveFrom === null || o.effectiveFrom <= on) && (o.effectiveTo === null || on <= o.effectiveTo);
}

/** The small-miner waiver is for claimants holding 10 or fewer claims nationwide (30 U.S.C. 28f(d); Form 3830-2). */
export const WAIVER_MAX_CLAIMS = 10;

/**
 * The table's entries for this package, with an "unknown, at most 90 days" recording entry where a state has none.
 * Filings owed only with a waiver are left out when this package alone has more claims than a waiver allows.
 */
export function selectObligations(input: ObligationInput): Obligation[] {
  const kinds = new Set(input.claims.map((c) => c.kind));
  const on = isoDateOrNull(input.dateOfLocation) ?? input.preparedOn;
  const waiverPossible = input.claims.length <= WAIVER_MAX_CLAIMS;
  const chosen = OBLIGATIONS.filter((o) => applies(o, input, kinds, on) && (waiverPossible || !o.onlyWithWaiver));
  const recorded = new Set(chosen.filter((o) => o.category === 'recording').flatMap((o) => o.kinds));
  if ([...kinds].some((k) => !recorded.has(k))) chosen.push(unknownRecording(input.stateCode?.toUpperCase() ?? null));
  return chosen;
}

function ruleText(due: DueRule): string {
  switch (due.kind) {
    case 'within-days':
      return `Within ${due.days} days of the date of ${due.from}`;
    case 'within-months':
      return `Within ${due.months} months of the date of ${due.from}`;
    case 'first-maintenance':
      return 'On or before the 1 September after the date of location; no grace period';
    case 'after-first-maintenance':
      return `Within ${due.days} days after the annual fee is due (1 September), every year`;
    case 'annual-after-first-maintenance':
      return `By ${due.day} ${MONTHS[due.month - 1]} every year, the first after the first annual fee`;
  }
}

function dueDate(due: DueRule, located: string | null, discovered: string | null, firstMaintenance: string | null): string | null {
  switch (due.kind) {
    case 'within-days': {
      const from = due.from === 'location' ? located : discovered;
      return from ? addCalendarDays(from, due.days) : null;
    }
    case 'within-months': {
      const from = due.from === 'location' ? located : discovered;
      return from ? addCalendarMonths(from, due.months) : null;
    }
    case 'first-maintenance':
      return firstMaintenance;
    case 'after-first-maintenance':
      return firstMaintenance ? addCalendarDays(firstMaintenance, due.days) : null;
    case 'annual-after-first-maintenance': {
      if (!firstMaintenance) return null;
      const year = Number(firstMaintenance.slice(0, 4));
      const candidate = `${year}-${String(due.month).padStart(2, '0')}-${String(due.day).padStart(2, '0')}`;
      return candidate >= firstMaintenance ? candidate : `${year + 1}${candidate.slice(4)}`;
    }
  }
}

function undatedText(due: DueRule): string {
  if ((due.kind === 'within-days' || due.kind === 'within-months') && due.from === 'discovery') {
    return `Fill in: the date of discovery + ${due.kind === 'within-days' ? `${due.days} days` : `${due.months} months`} (the date of discovery is not entered)`;
  }
  return 'Fill in after posting: counted from the date of location';
}

const usd = (cents: number): string => `$${(cents / 100).toFixed(2)}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function feeFor(rule: FeeRule, claims: readonly ObligationClaim[], schedule: FeeSchedule | null, annualSchedule: FeeSchedule | null): ObligationFee {
  if (rule.kind === 'blm') {
    const s = rule.item === 'annualMaintenance' || rule.item === 'annualFiling' ? annualSchedule : schedule;
    const citation = s ? `BLM fee schedule ${s.version}` : 'no BLM fee schedule on file for this date';
    if (!s) return { label: rule.label, cents: null, basis: 'not on file', citation };
    const units = claims.reduce((sum, c) => sum + (maintenanceUnits(c.kind, c.areaAcres, s.placerAcresPerUnit) ?? 0), 0);
    const perClaim = { location: s.locationFee, processing: s.processingFee, annualFiling: s.annualFilingFee } as const;
    if (rule.item === 'initialMaintenance' || rule.item === 'annualMaintenance') {
      const each = toCents(rule.item === 'initialMaintenance' ? s.initialMaintenanceFee : s.annualMaintenanceFee);
      return { label: rule.label, cents: units * each, basis: `${usd(each)} × ${plural(units, 'maintenance unit')}`, citation };
    }
    const dollars = perClaim[rule.item];
    if (dollars === null) return { label: rule.label, cents: null, basis: 'amount not on file for this period', citation };
    return { label: rule.label, cents: toCents(dollars) * claims.length, basis: `${usd(toCents(dollars))} per claim × ${plural(claims.length, 'claim')}`, citation };
  }
  if (rule.kind === 'per-claim') {
    if (rule.dollars === null) return { label: rule.label, cents: null, basis: 'per claim; amount not on file', citation: rule.citation };
    return { label: rule.label, cents: toCents(rule.dollars) * claims.length, basis: `${usd(toCents(rule.dollars))} per claim × ${plural(claims.length, 'claim')}`, citation: rule.citation };
  }
  if (rule.kind === 'per-acre') {
    const acres = claims.reduce((sum, c) => sum + Math.max(1, Math.ceil(c.areaAcres - PLACER_AREA_TOLERANCE_ACRES)), 0);
    return { label: rule.label, cents: toCents(rule.dollars) * acres, basis: `${usd(toCents(rule.dollars))} per acre × ${plural(acres, 'acre')}`, citation: rule.citation };
  }
  // DNR: up to 40 acres is a traditional or quarter-quarter location, up to 160 a quarter section.
  let cents = 0;
  for (const c of claims) {
    if (c.areaAcres > 160 + PLACER_AREA_TOLERANCE_ACRES) return { label: rule.label, cents: null, basis: `${c.name} is larger than a quarter section`, citation: rule.citation };
    cents += c.areaAcres > 40 + PLACER_AREA_TOLERANCE_ACRES ? 16500 : 4000;
  }
  return { label: rule.label, cents, basis: '$40 per location up to 40 acres, $165 per quarter section', citation: rule.citation };
}

function officeText(o: Obligation, input: ObligationInput): string {
  if (o.office === RECORDING_OFFICE) return [stateRule(input.stateCode).recordingOffice, input.place].filter((p) => p !== '').join(', ');
  if (o.office === 'BLM') {
    const code = input.stateCode?.toUpperCase() ?? '';
    return `${BLM_STATE_OFFICES[code] ?? 'The BLM state office with jurisdiction over the land'}, or online in MLRS`;
  }
  return o.office;
}

export function obligationsFor(input: ObligationInput): PackageObligations {
  const located = isoDateOrNull(input.dateOfLocation);
  const discovered = isoDateOrNull(input.dateOfDiscovery);
  const schedule = feeScheduleFor(located ?? input.preparedOn);
  const firstMaintenanceDue = located ? assessmentYearOf(located).end : null;
  const annualSchedule = firstMaintenanceDue ? (feeScheduleFor(firstMaintenanceDue) ?? schedule) : schedule;
  const obligations = selectObligations(input).map((o): DueObligation => {
    const claims = input.claims.filter((c) => o.kinds.includes(c.kind));
    const date = dueDate(o.due, located, discovered, firstMaintenanceDue);
    const daysRemaining = date ? daysBetween(input.preparedOn, date) : null;
    const weekend = date ? weekendName(date) : null;
    return {
      id: o.id,
      category: o.category,
      label: o.label,
      office: officeText(o, input),
      rule: ruleText(o.due),
      citation: o.citation,
      date,
      dateText: date ? formatLongDate(date) : undatedText(o.due),
      daysRemaining,
      status: daysRemaining === null ? null : statusText(daysRemaining),
      fees: o.fees.map((f) => feeFor(f, claims, schedule, annualSchedule)),
      notes: [...o.notes, ...(weekend ? [`Falls on a ${weekend}: offices are closed, so file by the Friday before.`] : [])],
      optional: o.optional ?? false,
      onlyWithWaiver: o.onlyWithWaiver ?? false,
      repeats: o.repeats ? { laterLabel: o.repeats.laterLabel ?? null } : null,
      claimNames: claims.map((c) => c.name),
      sources: o.sources,
    };
  });
  obligations.sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const blm = obligations.find((o) => o.id === 'blm-recording');
  let bridgeWarning: string | null = null;
  if (located && firstMaintenanceDue && blm?.date && firstMaintenanceDue <= blm.date) {
    bridgeWarning =
      `Bridge claim: the BLM filing window (${formatLongDate(located)} to ${formatLongDate(blm.date)}) crosses 1 September. ` +
      `If the claims are filed with BLM on or after ${formatLongDate(firstMaintenanceDue)}, the annual maintenance fee for the assessment year ` +
      `starting that day, or a small-miner waiver for it, is due WITH the filing, on top of the initial fees. Filed before ` +
      `1 September, only the initial fees are paid at filing and the annual fee is due by ${formatLongDate(firstMaintenanceDue)}.`;
  }
  return { obligations, schedule, firstMaintenanceDue, bridgeWarning };
}

/** The small-miner waiver in words, for a package of `claimCount` claims. */
export function waiverNotes(claimCount: number): string[] {
  const notes = [
    'Small-miner waiver (Form 3830-2, Maintenance Fee Waiver Certification): a claimant who, with related parties, holds ' +
      '10 or fewer claims or sites nationwide may file it instead of paying the annual maintenance fee, by 1 September, ' +
      'with the original signatures of all owners and each claim name and BLM serial number. Use the currently OMB-approved form. ' +
      'The waiver form carries no processing fee.',
    'A waiver cannot replace the INITIAL maintenance fee due at BLM filing.',
    'With a waiver, an affidavit of assessment work is due by 30 December; in the first year, a Notice of Intent to Hold is filed instead (see the dates above).',
  ];
  notes.push(
    claimCount > WAIVER_MAX_CLAIMS
      ? `This package alone has ${claimCount} claims, more than 10: the waiver is not available to this claimant.`
      : `This package has ${plural(claimCount, 'claim')}: the waiver applies only if the claimant's claims nationwide, these included, number 10 or fewer.`,
  );
  return notes;
}

/** The obligations of a whole package, from its model: what the fees sheet and the field instructions print. */
export function packageObligations(model: PackageModel): PackageObligations {
  return obligationsFor({
    stateCode: model.stateCode,
    landStatus: model.landStatus,
    claims: model.claims.map((c) => ({ name: c.name, kind: c.kind, areaAcres: c.areaAcres })),
    dateOfLocation: model.dateOfLocation,
    dateOfDiscovery: model.dateOfDiscovery,
    preparedOn: model.preparedOn,
    place: placeText(model),
  });
}

/** The obligations of a delivered package, from its manifest: the dates as the package printed them. */
export function manifestObligations(manifest: PackageManifest, today: string): PackageObligations {
  return obligationsFor({
    stateCode: manifest.state,
    landStatus: manifest.landStatus ?? 'federal',
    claims: manifest.claims.map((c) => ({ name: c.name, kind: c.kind === 'placer' ? 'placer' : 'lode', areaAcres: c.areaAcres })),
    dateOfLocation: manifest.dateOfLocation,
    dateOfDiscovery: manifest.dateOfDiscovery ?? null,
    preparedOn: today,
    place: manifest.county,
  });
}
