/** The fulfilment jobs main knows about: the jobs list, and "Resume job" on an order that already has one. */
import { create } from 'zustand';
import { api } from '../api/client';
import type { OrderKey } from '../../../shared/domain/order.types';
import type { ErrorInfo } from '../../../shared/errors';
import type { JobSummary } from '../../../shared/jobs/job.types';

type JobsListState = {
  jobs: JobSummary[];
  loaded: boolean;
  loading: boolean;
  error: ErrorInfo | null;
  load: () => Promise<void>;
};

export const useJobsListStore = create<JobsListState>()((set) => ({
  jobs: [],
  loaded: false,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true });
    const result = await api.listJobs({});
    if (result.ok) set({ jobs: result.value.jobs, loaded: true, loading: false, error: null });
    else set({ loading: false, loaded: true, error: result.error });
  },
}));

export function jobForOrder(jobs: JobSummary[], key: OrderKey): JobSummary | undefined {
  return jobs.find((job) => job.orderType === key.orderType && job.orderId === key.id);
}
