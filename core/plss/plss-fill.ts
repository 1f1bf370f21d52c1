/**
 * Filling a job's land description and tie from the imported PLSS, on the Documents step. `if-blank` (when the
 * step opens) fills only a description nobody has touched, or one still exactly as an earlier fill left it (the
 * layout may have moved since); `replace` is staff asking for it. What was filled is kept with the job
 * (documents.plssSource) with the data's states and date, so the step can say where the text came from and
 * whether staff have edited it since. Staff can always edit the fields afterwards.
 */
import type { JobCore, JobDocuments, PlssFillSource } from '../../shared/jobs/job.types';
import { plssProvenance } from '../../shared/plss/plss-source';
import { sameLand } from '../../shared/plss/land-description';
import type { Db } from '../db/schema';
import { describeClaimsFromCache } from './plss-describe.service';

export type FillMode = 'if-blank' | 'replace';

export interface FillOutcome {
  filled: boolean;
  /** Why not, or what was done, in a sentence for staff. */
  message: string;
  documents: JobDocuments;
}

function blank(documents: JobDocuments): boolean {
  const p = documents.plss;
  return documents.tie === null && [p.meridian, p.township, p.range, p.sections, p.aliquot].every((v) => v.trim() === '');
}

/** The fields still hold exactly what the last fill wrote. */
export function stillAsFilled(documents: JobDocuments): boolean {
  const source = documents.plssSource;
  return !!source && sameLand(source.filled, documents);
}

export async function fillFromPlss(db: Db, job: Omit<JobCore, 'id'>, mode: FillMode, now: Date): Promise<FillOutcome> {
  const current = job.documents;
  if (job.layout.claims.length === 0) return { filled: false, message: 'There are no claims laid out to describe yet.', documents: current };
  if (mode === 'if-blank' && !blank(current) && !stillAsFilled(current)) {
    return { filled: false, message: 'The land description was entered or edited by staff; it is kept as it is.', documents: current };
  }
  const described = await describeClaimsFromCache(db, {
    claims: job.layout.claims,
    epsg: job.crs.epsg,
    monumentSettings: job.monuments,
    stateCode: job.location.stateOverride ?? job.location.detectedState,
  });
  const { fill } = described;
  const provenance = plssProvenance(described.area);
  if (fill.coverage === 'none' || !provenance) {
    return { filled: false, message: 'No imported PLSS covers these claims: import the state’s CadNSDI data in Settings, or type the description.', documents: current };
  }
  const source: PlssFillSource = {
    filled: { plss: fill.plss, tie: fill.tie },
    states: provenance.states,
    dataDate: provenance.dataDate,
    importedAt: provenance.importedAt,
    filledAt: now.toISOString(),
    coverage: fill.coverage,
    notes: fill.notes,
  };
  // Only the land description and tie: the recording district and the rest of the step stay as staff set them.
  const documents: JobDocuments = { ...current, plss: fill.plss, tie: fill.tie, plssSource: source };
  const unchanged = sameLand(current, source.filled) && current.plssSource?.dataDate === source.dataDate;
  if (unchanged) return { filled: false, message: 'The land description already matches the PLSS.', documents: current };
  return { filled: true, message: 'Filled from the imported PLSS.', documents };
}
