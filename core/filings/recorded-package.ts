/**
 * The package as it was recorded, read from the local cache: the claims, date of location and claimants the
 * package printed (its manifest and the job's claimant), and the county and BLM deadlines the obligations table
 * gives them. What the filings entered after delivery are checked against.
 */
import { locatorsOf } from '../../shared/documents/locators';
import { manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { manifestObligations } from '../../shared/documents/obligations/obligations';
import { AppError } from '../../shared/errors';
import type { RecordedPackage } from '../../shared/filings/filing-checks';
import type { JobFilings } from '../../shared/filings/filing.types';
import type { Db } from '../db/schema';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRow } from '../repos/jobs.repo';
import { getPackageRow } from '../repos/packages.repo';

export type PackageOnRecord = NonNullable<JobFilings['recordedPackage']> & RecordedPackage & { blm: boolean };

function parseManifest(json: string): PackageManifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** null when the job has no package with a date of location (nothing was posted, so nothing can be recorded). */
export async function readPackageOnRecord(db: Db, jobId: number, today: string): Promise<PackageOnRecord | null> {
  const [pkg, row] = await Promise.all([getPackageRow(db, jobId), getJobRow(db, jobId)]);
  if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  const manifest = pkg ? parseManifest(pkg.manifest_json) : null;
  if (!manifest?.dateOfLocation) return null;
  const { obligations } = manifestObligations(manifest, today);
  const recording = obligations.find((o) => o.category === 'recording' && !o.optional && o.date !== null);
  const blm = obligations.find((o) => o.id === 'blm-recording');
  return {
    claimNames: manifest.claims.map((c) => c.name),
    dateOfLocation: manifest.dateOfLocation,
    claimants: locatorsOf(rowToJob(row).claimant).map((l) => l.name),
    office: manifest.county,
    recordingDue: recording?.date ? { date: recording.date, citation: recording.citation } : null,
    blmDue: blm?.date ? { date: blm.date, citation: blm.citation } : null,
    blmFeesDueCents: manifest.orderSnapshot?.fees.totals.totalDueAtRecordingCents ?? null,
    blm: blm !== undefined,
  };
}
