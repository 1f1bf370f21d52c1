import { ORDER_TYPE_LABELS } from '../../../../shared/domain/order.types';
import { Chip } from '../../widgets/chip';
import { Notice } from '../../widgets/notice';
import { statusLabel } from '../../widgets/status-chip';
import { Spinner } from '../../widgets/spinner';
import { formatDateTime } from '../../lib/format';
import { useJobStore } from '../../state/job.store';
import { useAppViewStore } from '../../state/app-view.store';
import { STEP_LABELS } from '../../job/wizard/wizard-steps';
import { ProgressMeter, WorkflowStateChip } from '../../widgets/workflow/workflow-chips';
import { useIpcQuery } from '../../api/use-ipc-query.hook';
import { isClosedState } from '../../../../shared/workflow/workflow.types';

/** Every fulfilment job on this machine, newest first: the way back into work left half done. */
export function JobsPage() {
  // Read again after each sync (it can flag a job whose order was cancelled) and workflow change (api/queries.ts).
  const { data, loaded, error } = useIpcQuery('jobs', undefined);
  const jobs = data?.jobs ?? [];
  const openJob = useJobStore((state) => state.openJob);
  const loadError = useJobStore((state) => state.loadError);
  const show = useAppViewStore((state) => state.show);

  return (
    <section className="jobs-page" data-testid="jobs-list" aria-labelledby="jobs-title">
      <div className="jobs-page__bar">
        <h2 id="jobs-title">Fulfilment jobs</h2>
        <button type="button" className="button button--small" onClick={() => show('queue')}>
          Back to queue
        </button>
      </div>
      {error && (
        <Notice tone="error" live="assertive" title="Could not list the jobs.">
          {error.message}
        </Notice>
      )}
      {loadError && (
        <Notice tone="error" live="assertive" title="Could not open the job.">
          {loadError.message}
        </Notice>
      )}
      {!loaded ? (
        <div className="empty-state">
          <Spinner /> Loading jobs…
        </div>
      ) : jobs.length === 0 ? (
        <div className="empty-state">
          <h2>No jobs yet</h2>
          <p>Open an order in the queue and press “Pull order” to start fulfilling it.</p>
        </div>
      ) : (
        <table className="jobs-table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Type</th>
              <th scope="col">Project</th>
              <th scope="col">State</th>
              <th scope="col">Step</th>
              <th scope="col" className="num">Claims laid out / purchased</th>
              <th scope="col">Delivered</th>
              <th scope="col">Last saved</th>
              <th scope="col"><span className="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {[...jobs]
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
              .map((job) => (
                <tr key={job.id} data-testid="job-row" data-order-number={job.orderNumber} onDoubleClick={() => void openJob(job.id)}>
                  <td>
                    <span className="mono">{job.orderNumber}</span>
                    {job.conflict && (
                      <>
                        {' '}
                        <Chip tone="red" testId="job-conflict-flag" title={job.conflict.message}>
                          {job.conflict.orderStatus === 'gone' ? 'Gone from server' : `${statusLabel(job.conflict.orderStatus)} on server`}
                        </Chip>
                      </>
                    )}
                  </td>
                  <td>{ORDER_TYPE_LABELS[job.orderType]}</td>
                  <td>{job.projectName || <span className="muted">—</span>}</td>
                  <td>
                    <WorkflowStateChip state={job.workflowState} />
                  </td>
                  <td>{STEP_LABELS[job.step]}</td>
                  <td className="num">
                    {job.claimsLaidOut} / {job.claimsPurchased}
                  </td>
                  <td>
                    <ProgressMeter delivered={job.claimsDelivered} purchased={job.claimsPurchased} />
                  </td>
                  <td>{formatDateTime(job.updatedAt)}</td>
                  <td>
                    {/* A delivered or cancelled job has nothing left to resume: it is opened to be looked at. */}
                    {isClosedState(job.workflowState) ? (
                      <button type="button" className="button button--small" data-testid="job-open" onClick={() => void openJob(job.id)}>
                        Open
                      </button>
                    ) : (
                      <button type="button" className="button button--small button--primary" data-testid="job-resume" onClick={() => void openJob(job.id)}>
                        Resume
                      </button>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
