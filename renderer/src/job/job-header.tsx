import { Spinner } from '../widgets/spinner';
import { plural } from '../lib/format';
import { useDebouncedValue } from '../lib/use-debounced-value.hook';
import { useJobStore } from '../state/job.store';
import { useAppViewStore } from '../state/app-view.store';
import { WorkflowBar } from './workflow/workflow-bar';

const SLOW_SAVE_MS = 1000;

type JobHeaderProps = { historyOpen: boolean; onToggleHistory: () => void };

/**
 * What is being fulfilled, always in view: the order, the project and how many claims were bought; under it the
 * job's workflow (state, payment, progress, due date, flags and the decisions this user may take).
 */
export function JobHeader({ historyOpen, onToggleHistory }: JobHeaderProps) {
  const job = useJobStore((state) => state.job);
  const laidOut = useJobStore((state) => state.history?.present.claims.length ?? 0);
  const saving = useJobStore((state) => state.saving);
  // The spinner only for a save still going after a second: every edit saves (after a short pause), and a spinner
  // turning for each one is motion that says nothing the text does not; where the window is drawn without a GPU,
  // each of its frames redraws the whole window.
  const slowSave = useDebouncedValue(saving, SLOW_SAVE_MS) && saving;
  const saveError = useJobStore((state) => state.saveError);
  const closeJob = useJobStore((state) => state.closeJob);
  const show = useAppViewStore((state) => state.show);
  if (!job) return null;
  const { order } = job;
  const purchased = order.claimsPurchased;
  const over = laidOut > purchased;

  return (
    <>
      <div className="job-header" data-testid="job-header">
        <div className="job-header__title">
          <h2>
            Fulfilling <span data-testid="job-order-number">{order.orderNumber}</span>
            {order.projectName && <> · {order.projectName}</>} · {plural(purchased, 'claim')} purchased
          </h2>
          <span className="job-header__meta muted">
            {order.companyName || order.customerEmail}
            {' · '}
            <span className={over ? 'job-header__over' : undefined} data-testid="job-laid-out">
              {plural(laidOut, 'claim')} laid out
            </span>
          </span>
        </div>
        <div className="job-header__end">
          <span className="job-header__save" role="status" data-testid="job-save-state">
            {saveError ? (
              <span className="job-header__save-error" title={saveError.message}>
                Not saved: {saveError.message}
              </span>
            ) : saving ? (
              <>
                {slowSave && <Spinner small />} Saving…
              </>
            ) : (
              <span className="muted">All changes saved</span>
            )}
          </span>
          <button
            type="button"
            className="button button--small"
            data-testid="back-to-queue"
            onClick={() => {
              show('queue');
              void closeJob();
            }}
          >
            Back to queue
          </button>
        </div>
      </div>
      <WorkflowBar job={job} historyOpen={historyOpen} onToggleHistory={onToggleHistory} />
    </>
  );
}
