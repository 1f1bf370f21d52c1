import { useEffect } from 'react';
import { useIpcQuery } from '../api/use-ipc-query.hook';
import { useJobStore } from '../state/job.store';

/**
 * Keeps the open job in step with what happens behind it: the job is read again whenever main says it may have
 * moved (an upload delivered sets its server package, a sync its conflict flag, a transition its workflow and the
 * wizard's gates: api/queries.ts), and those fields are taken into the job being edited. The layout is never
 * taken: the edit on screen may be newer than main's.
 */
export function useJobLive(): void {
  const jobId = useJobStore((state) => state.job?.id);
  const { data } = useIpcQuery('job', jobId ?? null);
  useEffect(() => {
    if (data) useJobStore.getState().adoptServerState(data);
  }, [data]);
}
