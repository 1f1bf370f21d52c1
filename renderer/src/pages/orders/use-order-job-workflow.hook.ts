import type { JobWorkflow } from '../../../../shared/workflow/workflow-view.types';
import { useIpcQuery } from '../../api/use-ipc-query.hook';

/**
 * The workflow of an order's job (payment detail, duplicates with their claims), for the details panel: the order
 * itself only carries counts. Null while there is no job or no answer yet.
 */
export function useOrderJobWorkflow(jobId: number | null): JobWorkflow | null {
  return useIpcQuery('job', jobId).data?.workflow ?? null;
}
