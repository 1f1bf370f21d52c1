import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ErrorInfo } from '../../../../shared/errors';
import type { TransitionLogView } from '../../../../shared/workflow/workflow-view.types';
import { useWorkflowEvents } from '../../state/workflow.store';

type History = { entries: TransitionLogView[]; loaded: boolean; error: ErrorInfo | null };

/**
 * The job's transition log, oldest first, read again whenever main reports a workflow change for this job (or
 * for any job, when it does not say which) and when the job's state changes under the open page.
 */
export function useJobHistory(jobId: number, stateKey: string): History {
  const version = useWorkflowEvents((state) => (state.lastJobIds.length === 0 || state.lastJobIds.includes(jobId) ? state.version : -1));
  const [history, setHistory] = useState<History & { jobId: number | null }>({ jobId: null, entries: [], loaded: false, error: null });

  useEffect(() => {
    let current = true;
    void api.getJobHistory({ jobId }).then((result) => {
      if (!current) return;
      setHistory((previous) =>
        result.ok
          ? { jobId, entries: result.value.entries, loaded: true, error: null }
          : { ...previous, jobId, loaded: true, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [jobId, version, stateKey]);

  return history.jobId === jobId ? history : { entries: [], loaded: false, error: null };
}
