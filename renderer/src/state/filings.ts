/**
 * A delivered job's recording and filing: read through the query layer (api/queries.ts: filings, stale after a
 * workflow change of the job), entered through main, which checks each entry against the recorded package and
 * answers a refusal with its reasons or the entry with any warnings.
 */
import { api } from '../api/client';
import { changed, outboxMoved } from '../api/queries';
import { useIpcQuery } from '../api/use-ipc-query.hook';
import type { ErrorInfo } from '../../../shared/errors';
import type { BlmFilingForm, CountyRecordingForm, JobFilings } from '../../../shared/filings/filing.types';

export function useJobFilings(jobId: number | null): { filings: JobFilings | null; error: ErrorInfo | null } {
  const { data, error } = useIpcQuery('filings', jobId);
  return { filings: data, error };
}

export type EntryAnswer = { ok: true; warnings: string[] } | { ok: false; error: ErrorInfo };

async function settle(jobId: number, result: Awaited<ReturnType<typeof api.recordCountyRecording>>): Promise<EntryAnswer> {
  if (!result.ok) return { ok: false, error: result.error };
  // The job moved (recorded, filed), its History grew and an order event waits in the outbox.
  changed('workflowChanged', { jobIds: [jobId] });
  outboxMoved();
  return { ok: true, warnings: result.value.warnings };
}

export async function enterCountyRecording(form: CountyRecordingForm): Promise<EntryAnswer> {
  return settle(form.jobId, await api.recordCountyRecording(form));
}

export async function enterBlmFiling(form: BlmFilingForm): Promise<EntryAnswer> {
  return settle(form.jobId, await api.recordBlmFiling(form));
}
