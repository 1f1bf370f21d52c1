/**
 * The checks staff make by hand when a delivered package is recorded with the county and filed with BLM: the county
 * recording within its deadline (from the obligations table), one BLM serial number per claim and never the same
 * serial twice (MLRS assigns each claim its own, 43 CFR 3833.11), and the BLM filing's claim names, date of
 * location and claimants exactly those of the recorded package (the county-vs-BLM mismatch that gets filings
 * returned). Pure: the caller passes the package as recorded and the serials already on file.
 */
export interface RecordedPackage {
  claimNames: readonly string[];
  dateOfLocation: string;
  claimants: readonly string[];
  /** The county recording deadline of the package (obligations table); null when not known. */
  recordingDue: string | null;
}

export interface CountyRecordingInput {
  recordedOn: string;
  /** Instrument number, or book/page. */
  reference: string;
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
  code: 'recording_late' | 'reference_missing' | 'serial_missing' | 'serial_duplicate' | 'serial_taken' | 'claim_mismatch' | 'date_mismatch' | 'claimant_mismatch';
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

export function checkCountyRecording(recording: CountyRecordingInput, pkg: RecordedPackage): FilingProblem[] {
  const problems: FilingProblem[] = [];
  if (recording.reference.trim() === '') problems.push({ code: 'reference_missing', message: 'Enter the instrument number or the book and page the recorder gave.' });
  if (pkg.recordingDue && recording.recordedOn > pkg.recordingDue) {
    problems.push({ code: 'recording_late', message: `Recorded on ${recording.recordedOn}, after the recording deadline of ${pkg.recordingDue}: a late recording can cost the claims.` });
  }
  return problems;
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
