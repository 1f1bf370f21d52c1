import { useEffect } from 'react';
import type { OrderKey } from '../../../../shared/domain/order.types';
import { Spinner } from '../../components/spinner';
import { useJobStore } from '../../stores/job.store';
import { jobForOrder, useJobsListStore } from './jobs-list.store';

/** "Pull order" starts the order's fulfilment job; an order that already has one says "Resume job". */
export function PullOrderButton({ orderKey }: { orderKey: OrderKey }) {
  const jobs = useJobsListStore((state) => state.jobs);
  const loaded = useJobsListStore((state) => state.loaded);
  const loadJobs = useJobsListStore((state) => state.load);
  const pullOrder = useJobStore((state) => state.pullOrder);
  const loading = useJobStore((state) => state.loading);
  const loadError = useJobStore((state) => state.loadError);

  useEffect(() => {
    if (!loaded) void loadJobs();
  }, [loaded, loadJobs]);

  const existing = jobForOrder(jobs, orderKey);
  return (
    <div className="pull-order">
      <button
        type="button"
        className="button button--primary"
        data-testid="pull-order"
        disabled={loading}
        onClick={() => void pullOrder(orderKey)}
        title={existing ? `Continue at the ${existing.step} step` : 'Start fulfilling this order'}
      >
        {loading && <Spinner small />}
        {existing ? 'Resume job' : 'Pull order'}
      </button>
      {loadError && (
        <span className="form-field__error" role="alert">
          {loadError.message}
        </span>
      )}
    </div>
  );
}
