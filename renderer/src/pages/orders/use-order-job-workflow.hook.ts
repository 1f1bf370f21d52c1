import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { JobWorkflow } from '../../../../shared/workflow/workflow-view.types';
import { useWorkflowEvents } from '../../state/workflow.store';

/**
 * The workflow of an order's job (payment detail, duplicates with their claims), for the details panel: the order
 * itself only carries counts. Re-read after every workflow change; null while there is no job or no answer yet.
 */
export function useOrderJobWorkflow(jobId: number | null): JobWorkflow | null {
  const version = useWorkflowEvents((state) => state.version);
  const [loaded, setLoaded] = useState<{ jobId: number; workflow: JobWorkflow } | null>(null);

  useEffect(() => {
    if (jobId === null) return;
    let current = true;
    void api.getJob({ jobId }).then((result) => {
      if (current && result.ok) setLoaded({ jobId, workflow: result.value.workflow });
    });
    return () => {
      current = false;
    };
  }, [jobId, version]);

  return loaded && loaded.jobId === jobId ? loaded.workflow : null;
}
