/**
 * Filing deadlines for a staking package, from the date of location (the day the notice is posted): county
 * recording by the state's rule, BLM filing within 90 days (FLPMA §314, research 1.4), and the first annual
 * maintenance fee (research 1.5, 1.6). Pure; returns dates AND the sentences the fees sheet prints, so the
 * wording is tested here rather than in a PDF.
 *
 * Dates are calendar dates: 'YYYY-MM-DD' is read as a LOCAL date (never through `new Date(iso)`, which is UTC
 * and drifts a day west of Greenwich) and written back the same way; date-fns does the month and leap-year
 * arithmetic.
 *
 * First annual maintenance fee: the assessment year runs from 12:01 a.m. 1 September to 1 September, and the
 * initial fee paid at BLM filing covers the assessment year in which the claim was located (research 1.5). So
 * the first annual fee is for the assessment year starting on the first 1 September AFTER the date of location
 * and is due on or before that day: located 2026-08-15 → due 2026-09-01; located ON 2026-09-01 → that day
 * already starts the new year, so 2027-09-01. When the claims reach BLM on or after that 1 September ("bridge
 * claims"), that year's fee, or a waiver for it, is due with the filing (research 1.5) — we warn whenever the
 * 90-day filing window reaches that day.
 */
import { addDays, differenceInCalendarDays, format, isWeekend } from 'date-fns';
import { stateRule } from '../claims/state-rules';

export const BLM_FILING_DAYS = 90;
/** States allow at most 90 days for county recording (research 1.4); used when a state's own rule is unknown. */
export const MAX_COUNTY_DAYS = 90;
/** Alaska state (DNR) land: certificate and first rental within 45 days (research 2.1). */
export const ALASKA_STATE_LAND_DAYS = 45;

/** BLM state office with jurisdiction (several cover neighbouring states). Filing can also be made in MLRS (research 1.7). */
const BLM_STATE_OFFICES: Readonly<Record<string, string>> = {
  AK: 'BLM Alaska State Office (Alaska filers may also use the BLM Fairbanks office)',
  AZ: 'BLM Arizona State Office',
  CA: 'BLM California State Office',
  CO: 'BLM Colorado State Office',
  ID: 'BLM Idaho State Office',
  MT: 'BLM Montana/Dakotas State Office',
  ND: 'BLM Montana/Dakotas State Office',
  SD: 'BLM Montana/Dakotas State Office',
  NV: 'BLM Nevada State Office',
  NM: 'BLM New Mexico State Office',
  OK: 'BLM New Mexico State Office',
  TX: 'BLM New Mexico State Office',
  KS: 'BLM New Mexico State Office',
  OR: 'BLM Oregon/Washington State Office',
  WA: 'BLM Oregon/Washington State Office',
  UT: 'BLM Utah State Office',
  WY: 'BLM Wyoming State Office',
  NE: 'BLM Wyoming State Office',
};

export interface DeadlineInput {
  /** ISO date or null when the notice has not been posted yet. */
  dateOfLocation: string | null;
  stateCode: string | null;
  /** ISO date the sheet is prepared: "days left" are counted from it. */
  preparedOn: string;
  county?: string;
  /** Claims in this package: decides whether the small-miner waiver can apply at all. */
  claimCount?: number;
}

export interface Deadline {
  label: string;
  office: string;
  /** "Within 90 days of the date of location". */
  rule: string;
  days: number | null;
  /** ISO date, null when it cannot be computed (no date of location, unknown state rule). */
  date: string | null;
  /** The date in words ("Fri 13 November 2026"), or what to do instead. */
  dateText: string;
  /** Calendar days from preparedOn to the date (negative once passed). */
  daysRemaining: number | null;
  /** "12 days left", "due today", "PASSED 9 days ago". */
  status: string | null;
  /** Statute or rule note, weekend caution. */
  notes: string[];
}

export interface Deadlines {
  dateOfLocation: string | null;
  preparedOn: string;
  stateName: string;
  county: Deadline;
  blm: Deadline;
  firstMaintenance: Deadline;
  /** The assessment year the claims were located in (covered by the initial fee). */
  assessmentYear: { start: string; end: string } | null;
  bridgeClaim: boolean;
  maintenanceRule: string;
  bridgeWarning: string | null;
  waiverNotes: string[];
  alaskaNote: string | null;
  /** Set when the date of location is unknown. */
  fillInNote: string | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' as a local calendar date; null for anything else, including 2026-02-30. */
export function parseCalendarDate(iso: string): Date | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function addCalendarDays(iso: string, days: number): string {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  return toIsoDate(addDays(date, days));
}

/** "Fri 13 November 2026": the weekday matters, offices are closed at weekends. */
export function formatLongDate(iso: string): string {
  const date = parseCalendarDate(iso);
  return date ? format(date, 'EEE d MMMM yyyy') : iso;
}

/** "22 Nov 2026": for narrow table headers. */
export function formatShortDate(iso: string): string {
  const date = parseCalendarDate(iso);
  return date ? format(date, 'd MMM yyyy') : iso;
}

/** The assessment year (1 Sep to 1 Sep) containing `iso`; 1 September itself starts a new one. */
export function assessmentYearOf(iso: string): { start: string; end: string } {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  const startYear = date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-09-01` };
}

function status(daysRemaining: number): string {
  if (daysRemaining > 1) return `${daysRemaining} days left`;
  if (daysRemaining === 1) return '1 day left';
  if (daysRemaining === 0) return 'due today';
  return `PASSED ${-daysRemaining} day${daysRemaining === -1 ? '' : 's'} ago`;
}

function dated(base: Omit<Deadline, 'date' | 'dateText' | 'daysRemaining' | 'status'>, date: string, preparedOn: string): Deadline {
  const prepared = parseCalendarDate(preparedOn);
  const day = parseCalendarDate(date)!;
  const daysRemaining = prepared ? differenceInCalendarDays(day, prepared) : null;
  const notes = [...base.notes];
  if (isWeekend(day)) notes.push(`Falls on a ${format(day, 'EEEE')}: offices are closed, so file by the Friday before.`);
  return { ...base, notes, date, dateText: formatLongDate(date), daysRemaining, status: daysRemaining === null ? null : status(daysRemaining) };
}

function undated(base: Omit<Deadline, 'date' | 'dateText' | 'daysRemaining' | 'status'>, dateText: string): Deadline {
  return { ...base, date: null, dateText, daysRemaining: null, status: null };
}

/**
 * The state rule's own note on recording, e.g. "A substantial copy of the notice recorded within 30 days
 * (UCA 40-1-4).": it carries the statute and any [VERIFY] mark. state-rules.ts has no separate statute field,
 * so the note is picked by its day count and a recording word (a monumenting deadline is not one).
 */
function recordingNote(notes: readonly string[], days: number | null): string | null {
  if (days === null) return null;
  return notes.find((n) => new RegExp(`\\b${days} days\\b`).test(n) && /record|certificate|filed/i.test(n)) ?? null;
}

/**
 * "Pershing County"; Alaska has boroughs and census areas (us-atlas names them bare) and Louisiana parishes, so
 * "County" is only added where it is right.
 */
export function countyLabel(county: string, stateCode: string | null): string {
  const name = county.trim();
  if (name === '' || /\b(county|borough|parish|census area|municipality|city)$/i.test(name)) return name;
  if (stateCode === 'AK') return name;
  return stateCode === 'LA' ? `${name} Parish` : `${name} County`;
}

function countyOffice(office: string, county: string | undefined, stateName: string, stateCode: string | null): string {
  // Alaska records by recording district, not by borough: the borough would name the wrong office.
  const where = stateCode === 'AK' ? '' : countyLabel(county ?? '', stateCode);
  return [office, where, stateName].filter((part) => part !== '').join(', ');
}

export function computeDeadlines(input: DeadlineInput): Deadlines {
  const rule = stateRule(input.stateCode);
  const code = rule.code === 'DEFAULT' ? null : rule.code;
  const stateName = code === null ? '' : rule.name;
  const located = input.dateOfLocation !== null && parseCalendarDate(input.dateOfLocation) !== null ? input.dateOfLocation.trim() : null;
  const countyDays = rule.countyRecordingDays;
  const statute = recordingNote(rule.notes, countyDays);

  const countyBase = {
    label: 'County recording',
    office: countyOffice(rule.recordingOffice, input.county, stateName, code),
    rule: countyDays === null
      ? `Unknown for ${stateName || 'this state'}: at most ${MAX_COUNTY_DAYS} days from the date of location`
      : `Within ${countyDays} days of the date of location`,
    days: countyDays,
    notes: statute ? [statute] : [],
  };
  const blmBase = {
    label: 'BLM filing (with fees)',
    office: `${(code && BLM_STATE_OFFICES[code]) ?? 'The BLM state office with jurisdiction over the land'}, or online in MLRS`,
    rule: `Within ${BLM_FILING_DAYS} days of the date of location (FLPMA §314); with a map and the fees below`,
    days: BLM_FILING_DAYS,
    notes: ['Record with the county under state law as well: MLRS does not record with the county.'],
  };
  const maintenanceBase = {
    label: 'First annual maintenance fee (or waiver)',
    office: 'BLM (MLRS / Pay.gov)',
    rule: 'On or before the 1 September after the date of location; no grace period',
    days: null,
    notes: [] as string[],
  };

  let county: Deadline;
  let blm: Deadline;
  let firstMaintenance: Deadline;
  let assessmentYear: Deadlines['assessmentYear'] = null;
  let bridgeClaim = false;
  let bridgeWarning: string | null = null;
  let fillInNote: string | null = null;
  let maintenanceRule =
    'The annual maintenance fee is due on or before 1 September for the assessment year that starts that day ' +
    '(assessment years run from 12:01 a.m. 1 September to 1 September). There is no grace period: a late or ' +
    'missing payment makes the claim void. The initial maintenance fee paid at BLM filing covers the assessment ' +
    'year in which the claim was located.';

  if (located === null) {
    const countyWithin = countyDays === null ? `at most ${MAX_COUNTY_DAYS} days (check the state's rule)` : `${countyDays} days`;
    fillInNote = `Date of location not set. Fill in after posting: county within ${countyDays === null ? `${MAX_COUNTY_DAYS} days at most` : `${countyDays} days`}, BLM within ${BLM_FILING_DAYS} days of the date of location.`;
    county = undated(countyBase, `Fill in after posting: date of location + ${countyWithin}`);
    blm = undated(blmBase, `Fill in after posting: date of location + ${BLM_FILING_DAYS} days`);
    firstMaintenance = undated(maintenanceBase, 'The first 1 September after the date of location');
  } else {
    const blmDate = addCalendarDays(located, BLM_FILING_DAYS);
    blm = dated(blmBase, blmDate, input.preparedOn);
    if (countyDays === null) {
      county = undated(countyBase, `Unknown: at most ${MAX_COUNTY_DAYS} days, by ${formatLongDate(addCalendarDays(located, MAX_COUNTY_DAYS))} at the latest — check the state's rule`);
    } else {
      county = dated(countyBase, addCalendarDays(located, countyDays), input.preparedOn);
    }
    assessmentYear = assessmentYearOf(located);
    const due = assessmentYear.end;
    firstMaintenance = dated(maintenanceBase, due, input.preparedOn);
    maintenanceRule += ` These claims were located in the assessment year ${formatLongDate(assessmentYear.start)} to ${formatLongDate(due)}, so the first annual fee (or waiver) is due by ${formatLongDate(due)}.`;
    bridgeClaim = due <= blmDate;
    if (bridgeClaim) {
      bridgeWarning =
        `Bridge claim: the BLM filing window (${formatLongDate(located)} to ${formatLongDate(blmDate)}) crosses 1 September. ` +
        `If the claims are filed with BLM on or after ${formatLongDate(due)}, the annual maintenance fee for the assessment year ` +
        `starting that day, or a small-miner waiver for it, is due WITH the filing, on top of the initial fees. Filed before ` +
        `1 September, only the initial fees are paid at filing and the annual fee is due by ${formatLongDate(due)}.`;
    }
  }

  const count = input.claimCount;
  const waiverNotes = [
    'Small-miner waiver (Form 3830-2, Maintenance Fee Waiver Certification): a claimant who, with related parties, holds ' +
      '10 or fewer claims or sites nationwide may file it instead of paying the annual maintenance fee, by 1 September, ' +
      'with the original signatures of all owners and each claim name and BLM serial number. Use the currently OMB-approved form.',
    'A waiver cannot replace the INITIAL maintenance fee due at BLM filing.',
    'With a waiver, an affidavit of assessment work is due by 30 December; in the first year, a Notice of Intent to Hold is filed instead.',
  ];
  if (count !== undefined && count > 10) {
    waiverNotes.push(`This package alone has ${count} claims, more than 10: the waiver is not available to this claimant.`);
  } else if (count !== undefined) {
    waiverNotes.push(`This package has ${count} claim${count === 1 ? '' : 's'}: the waiver applies only if the claimant's claims nationwide, these included, number 10 or fewer.`);
  }

  let alaskaNote: string | null = null;
  if (code === 'AK') {
    const by = located ? ` (by ${formatLongDate(addCalendarDays(located, ALASKA_STATE_LAND_DAYS))})` : '';
    alaskaNote =
      'Alaska: the fees and deadlines on this sheet are for claims on FEDERAL land. Claims on State of Alaska (DNR) land ' +
      `follow state rules instead: the certificate of location is recorded with the District Recorder within ${ALASKA_STATE_LAND_DAYS} days of posting${by}, ` +
      `and the first annual rental is due within ${ALASKA_STATE_LAND_DAYS} days ($40 traditional or quarter-quarter MTRSC location, $165 quarter-section ` +
      'MTRSC, $305 prospecting site) instead of BLM fees. Late recording or late rent is abandonment.';
  }

  return {
    dateOfLocation: located,
    preparedOn: input.preparedOn,
    stateName,
    county,
    blm,
    firstMaintenance,
    assessmentYear,
    bridgeClaim,
    maintenanceRule,
    bridgeWarning,
    waiverNotes,
    alaskaNote,
    fillInNote,
  };
}
