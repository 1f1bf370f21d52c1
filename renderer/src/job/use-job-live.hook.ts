import { useEffect } from 'react';
import { useJobStore } from '../state/job.store';
import { useSyncStore } from '../state/sync.store';
import { useDocumentsStore } from '../state/documents.store';
import { useOutboxStore } from '../state/outbox.store';
import { useJobOutboxStore } from '../state/job-outbox.store';
import { useWorkflowEvents } from '../state/workflow.store';

/**
 * Keeps the open job in step with what happens behind it: every outbox change (or new package generation)
 * re-reads the job's entries, every outbox change its server package (a delivered upload sets it), every
 * finished sync its conflict flag (the order may have been cancelled on the server meanwhile), and every workflow
 * change pushed for it (or for jobs unnamed) its workflow: state, progress, the actions on offer.
 */
export function useJobLive(): void {
  const jobId = useJobStore((state) => state.job?.id);
  const outboxVersion = useOutboxStore((state) => state.version);
  const lastSync = useSyncStore((state) => state.status?.lastSuccessAt ?? null);
  const workflowVersion = useWorkflowEvents((state) =>
    jobId !== undefined && (state.lastJobIds.length === 0 || state.lastJobIds.includes(jobId)) ? state.version : -1,
  );
  // A new package generation is "not queued yet" although the outbox itself did not change.
  const generation = useDocumentsStore((state) => (state.jobId === jobId ? (state.pkg?.generation ?? null) : null));

  useEffect(() => {
    if (jobId !== undefined) void useJobOutboxStore.getState().load(jobId);
  }, [jobId, outboxVersion, generation]);

  useEffect(() => {
    if (jobId !== undefined) void useJobStore.getState().refreshServerState();
  }, [jobId, outboxVersion, lastSync, workflowVersion]);
}
