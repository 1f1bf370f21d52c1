import { useEffect } from 'react';
import { useJobStore } from '../../stores/job.store';
import { useSyncStore } from '../../stores/sync.store';
import { useDocumentsStore } from '../documents/documents.store';
import { useOutboxStore } from '../outbox/outbox.store';
import { useJobOutboxStore } from '../upload/job-outbox.store';

/**
 * Keeps the open job in step with what happens behind it: every outbox change (or new package generation)
 * re-reads the job's entries, every outbox change its server package (a delivered upload sets it), and every
 * finished sync its conflict flag (the order may have been cancelled on the server meanwhile).
 */
export function useJobLive(): void {
  const jobId = useJobStore((state) => state.job?.id);
  const outboxVersion = useOutboxStore((state) => state.version);
  const lastSync = useSyncStore((state) => state.status?.lastSuccessAt ?? null);
  // A new package generation is "not queued yet" although the outbox itself did not change.
  const generation = useDocumentsStore((state) => (state.jobId === jobId ? (state.pkg?.generation ?? null) : null));

  useEffect(() => {
    if (jobId !== undefined) void useJobOutboxStore.getState().load(jobId);
  }, [jobId, outboxVersion, generation]);

  useEffect(() => {
    if (jobId !== undefined) void useJobStore.getState().refreshServerState();
  }, [jobId, outboxVersion, lastSync]);
}
