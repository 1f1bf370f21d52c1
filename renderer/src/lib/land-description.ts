/**
 * The land description as typed on the Documents step, and its conversion to the job's `documents` field. Pure,
 * so the form's messages and what is saved can never disagree. Blank PLSS fields are fine (the notices print a
 * line to fill in); a tie point is all or nothing, because a bearing to half a point would be wrong on paper.
 */
import { LAND_LIMITS, type JobDocuments } from '../../../shared/jobs/job.types';

export type LandDraft = {
  meridian: string;
  township: string;
  range: string;
  sections: string;
  aliquot: string;
  tieDescription: string;
  tieLat: string;
  tieLon: string;
  /** Alaska: the recording district (shared/geo/alaska-recording-districts.ts); '' elsewhere. */
  recordingDistrict: string;
};

export type LandField = keyof LandDraft;
export type LandProblem = { field: LandField; message: string };

export const PLSS_FIELDS: { field: Exclude<LandField, `tie${string}` | 'recordingDistrict'>; label: string; placeholder: string; maxLength: number }[] = [
  { field: 'meridian', label: 'Meridian', placeholder: 'e.g. Mount Diablo', maxLength: LAND_LIMITS.meridian },
  { field: 'township', label: 'Township', placeholder: 'e.g. T32N', maxLength: LAND_LIMITS.township },
  { field: 'range', label: 'Range', placeholder: 'e.g. R51E', maxLength: LAND_LIMITS.range },
  { field: 'sections', label: 'Sections', placeholder: 'e.g. 14, 15, 22', maxLength: LAND_LIMITS.sections },
  { field: 'aliquot', label: 'Aliquot parts', placeholder: 'e.g. NE¼SW¼', maxLength: LAND_LIMITS.aliquot },
];

export function draftFromDocuments(documents: JobDocuments): LandDraft {
  const { plss, tie } = documents;
  return {
    ...plss,
    recordingDistrict: documents.recordingDistrict,
    tieDescription: tie?.description ?? '',
    tieLat: tie ? String(tie.lat) : '',
    tieLon: tie ? String(tie.lon) : '',
  };
}

function coordinate(text: string, limit: number): number | null {
  const trimmed = text.trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Math.abs(value) <= limit ? value : null;
}

export function landProblems(draft: LandDraft): LandProblem[] {
  const problems: LandProblem[] = [];
  const anyTie = [draft.tieDescription, draft.tieLat, draft.tieLon].some((value) => value.trim() !== '');
  if (!anyTie) return problems;
  if (!draft.tieDescription.trim()) problems.push({ field: 'tieDescription', message: 'Describe the tie point (e.g. “the SW corner of Section 14”), or clear its coordinates.' });
  if (coordinate(draft.tieLat, 90) === null) problems.push({ field: 'tieLat', message: 'Latitude in decimal degrees, −90 to 90 (e.g. 40.9266).' });
  if (coordinate(draft.tieLon, 180) === null) problems.push({ field: 'tieLon', message: 'Longitude in decimal degrees, −180 to 180 (e.g. −116.3418).' });
  return problems;
}

/**
 * What can be saved from the draft. A tie point with problems is not saved (the job keeps its previous one) so a
 * half-typed coordinate never reaches a notice; the PLSS fields are saved regardless.
 */
export function documentsFromDraft(draft: LandDraft, previous: JobDocuments): JobDocuments {
  const plss = {
    meridian: draft.meridian.trim(),
    township: draft.township.trim(),
    range: draft.range.trim(),
    sections: draft.sections.trim(),
    aliquot: draft.aliquot.trim(),
  };
  const recordingDistrict = draft.recordingDistrict.trim();
  // Where a PLSS fill came from stays with the job: the step compares the fields with it to tell an edit.
  const source = previous.plssSource !== undefined ? { plssSource: previous.plssSource } : {};
  const anyTie = [draft.tieDescription, draft.tieLat, draft.tieLon].some((value) => value.trim() !== '');
  if (!anyTie) return { plss, recordingDistrict, tie: null, ...source };
  if (landProblems(draft).length > 0) return { plss, recordingDistrict, tie: previous.tie, ...source };
  return {
    plss,
    recordingDistrict,
    tie: { description: draft.tieDescription.trim(), lat: coordinate(draft.tieLat, 90)!, lon: coordinate(draft.tieLon, 180)! },
    ...source,
  };
}

export function sameDocuments(a: JobDocuments, b: JobDocuments): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
