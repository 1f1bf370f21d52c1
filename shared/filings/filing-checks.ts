/**
 * The checks staff make by hand when a delivered package is recorded with the county and filed with BLM: the county
 * recording within its deadline (from the obligations table; late is a warning naming the statute, since the
 * recording happened and staff must act on it, not a refusal), one BLM serial number per claim and never the same
 * serial twice (MLRS assigns each claim its own, 43 CFR 3833.11), and the BLM filing's claim names, date of
 * location and claimants exactly those of the recorded package (the county-vs-BLM mismatch that gets filings
 * returned). Pure: the caller passes the package as recorded and the serials already on file.
 */
export interface DueDate {
  date: string;
  /** The statute or rule that sets it ("NRS 517.050"), as the obligations table cites it. */
  citation: string;
}

export interface RecordedPackage {
  claimNames: readonly string[];
  dateOfLocation: string;
  claimants: readonly string[];
  /** The county recording deadline of the package (obligations table); null when not known. */
  recordingDue: DueDate | null;
  /** BLM's 90 days (43 U.S.C. 1744(b)); null when the land is not BLM's. */
  blmDue?: DueDate | null;
}

export interface CountyRecordingInput {
  recordedOn: string;
  instrumentNumber: string | null;
  book: string | null;
  page: string | null;
}

export interface FilingWarning {
  code: 'recording_late' | 'filing_late';
  message: string;
}

export interface BlmFilingInput {
  filedOn: string;
  /** Claim name → MLRS serial number. */
  serials: Readonly<Record<string, string>>;
  claimNames: readonly string[];
  dateOfLocation: string;
  claimants: readonly string[];
}

export interface FilingProblem {
  code: 'reference_missing' | 'before_location' | 'serial_missing' | 'serial_duplicate' | 'serial_taken' | 'claim_mismatch' | 'date_mismatch' | 'claimant_mismatch';
  message: string;
}

/**
 * A serial as compared: spaces and dashes dropped, upper case ("nv 1051-23456" = "NV105123456"). The exact MLRS
 * format is not checked: it has changed (LR2000's "NMC…" to MLRS's state-prefixed numbers) and is not on file.
 */
export function normaliseSerial(serial: string): string {
  return serial.replace(/[\s-]+/g, '').toUpperCase();
}

const normaliseName = (name: string): string => name.trim().replace(/\s+/g, ' ').toUpperCase();

const filled = (text: string | null): boolean => text !== null && text.trim() !== '';

function lateness(what: string, on: string, due: DueDate | null | undefined, consequence: string): string | null {
  if (!due || on <= due.date) return null;
  return `${what} on ${on}, after the deadline of ${due.date} (${due.citation}): ${consequence}`;
}

export function checkCountyRecording(recording: CountyRecordingInput, pkg: RecordedPackage): { problems: FilingProblem[]; warnings: FilingWarning[] } {
  const problems: FilingProblem[] = [];
  const warnings: FilingWarning[] = [];
  if (!filled(recording.instrumentNumber) && !(filled(recording.book) && filled(recording.page))) {
    problems.push({ code: 'reference_missing', message: 'Enter the instrument number, or the book and the page, the recorder gave.' });
  }
  if (recording.recordedOn < pkg.dateOfLocation) {
    problems.push({ code: 'before_location', message: `Recorded on ${recording.recordedOn}, before the date of location ${pkg.dateOfLocation}: check the date.` });
  }
  const late = lateness('Recorded', recording.recordedOn, pkg.recordingDue, 'a late recording can cost the claims; ask the recorder and the customer what to do now.');
  if (late) warnings.push({ code: 'recording_late', message: late });
  return { problems, warnings };
}

/** BLM's own deadline: a late filing is a warning (BLM returns late documents without action, and the claims lapse). */
export function blmFilingWarnings(filedOn: string, pkg: RecordedPackage): FilingWarning[] {
  const late = lateness('Filed with BLM', filedOn, pkg.blmDue, 'BLM returns a late filing and the claims are forfeited; tell the customer.');
  return late ? [{ code: 'filing_late', message: late }] : [];
}

function differences(what: string, filed: readonly string[], recorded: readonly string[]): string | null {
  const a = new Set(filed.map(normaliseName));
  const b = new Set(recorded.map(normaliseName));
  const extra = [...a].filter((n) => !b.has(n));
  const missing = [...b].filter((n) => !a.has(n));
  if (extra.length === 0 && missing.length === 0) return null;
  return [
    extra.length > 0 ? `${what} filed but not in the recorded package: ${extra.join(', ')}` : '',
    missing.length > 0 ? `${what} recorded but not filed: ${missing.join(', ')}` : '',
  ]
    .filter((p) => p !== '')
    .join('; ');
}

/** `taken`: serial (normalised) → the claim it already belongs to, in this or another order. */
export function checkBlmFiling(filing: BlmFilingInput, pkg: RecordedPackage, taken: ReadonlyMap<string, string>): FilingProblem[] {
  const problems: FilingProblem[] = [];
  const names = differences('Claims', filing.claimNames, pkg.claimNames);
  if (names) problems.push({ code: 'claim_mismatch', message: `${names}.` });
  if (filing.dateOfLocation !== pkg.dateOfLocation) {
    problems.push({ code: 'date_mismatch', message: `Date of location ${filing.dateOfLocation} on the BLM filing, ${pkg.dateOfLocation} on the recorded notices.` });
  }
  const claimants = differences('Claimants', filing.claimants, pkg.claimants);
  if (claimants) problems.push({ code: 'claimant_mismatch', message: `${claimants}.` });
  const seen = new Map<string, string>();
  for (const claim of filing.claimNames) {
    const serial = normaliseSerial(filing.serials[claim] ?? '');
    if (serial === '') {
      problems.push({ code: 'serial_missing', message: `${claim} has no BLM serial number.` });
      continue;
    }
    const twin = seen.get(serial);
    if (twin) problems.push({ code: 'serial_duplicate', message: `${claim} and ${twin} have the same serial number ${serial}: each claim has its own.` });
    seen.set(serial, claim);
    const owner = taken.get(serial);
    if (owner && owner !== claim) problems.push({ code: 'serial_taken', message: `Serial number ${serial} is already recorded for ${owner}.` });
  }
  return problems;
}
