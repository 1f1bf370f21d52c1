import type { ErrorInfo } from '../../../../shared/errors';
import type { TransitionLogView } from '../../../../shared/workflow/workflow-view.types';
import { useIpcQuery } from '../../api/use-ipc-query.hook';

type History = { entries: TransitionLogView[]; loaded: boolean; error: ErrorInfo | null };

/** The job's transition log, oldest first, read again whenever main reports a workflow change for this job. */
export function useJobHistory(jobId: number): History {
  const { data, loaded, error } = useIpcQuery('jobHistory', jobId);
  return { entries: data?.entries ?? [], loaded, error };
}
