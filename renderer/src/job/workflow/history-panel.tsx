import type { Job } from '../../../../shared/jobs/job.types';
import type { TransitionLogView } from '../../../../shared/workflow/workflow-view.types';
import { Chip } from '../../widgets/chip';
import { Spinner } from '../../widgets/spinner';
import { formatDateTime } from '../../lib/format';
import { eventLabel, guardList } from '../../../../shared/workflow/guard-labels';
import { useJobHistory } from './use-job-history.hook';
import { WorkflowStateChip } from '../../widgets/workflow/workflow-chips';


function Actor({ actor }: { actor: TransitionLogView['actor'] }) {
  if (actor.role === 'system') return <span className="muted">ClaimDesk</span>;
  return (
    <>
      {actor.username} <span className="muted">({actor.role})</span>
    </>
  );
}

function Row({ entry }: { entry: TransitionLogView }) {
  return (
    <tr data-testid="history-entry" data-event={entry.event} data-to={entry.to} data-override={entry.override ? 'true' : 'false'}>
      <td className="history-table__when">{formatDateTime(entry.at)}</td>
      <td className="history-table__move">
        {entry.from ? <WorkflowStateChip state={entry.from} testId="history-from" /> : <span className="muted">—</span>}
        <span aria-label="to"> → </span>
        <WorkflowStateChip state={entry.to} testId="history-to" />
      </td>
      <td data-testid="history-event">{eventLabel(entry.event)}</td>
      <td data-testid="history-actor">
        <Actor actor={entry.actor} />
      </td>
      <td className="history-table__reason">
        {entry.override && (
          <Chip tone="red" testId="history-override" title={entry.overridden.length > 0 ? `Past: ${guardList(entry.overridden)}` : 'Override'}>
            Override{entry.overridden.length > 0 ? `: ${guardList(entry.overridden)}` : ''}
          </Chip>
        )}
        {entry.reason ? <span data-testid="history-reason">{entry.reason}</span> : !entry.override && <span className="muted">—</span>}
      </td>
    </tr>
  );
}

/** The job's transition log: every change of state, who made it (or ClaimDesk itself), why, and any override. */
export function HistoryPanel({ job, onClose }: { job: Job; onClose: () => void }) {
  const { entries, loaded, error } = useJobHistory(job.id);
  return (
    <aside className="history-panel" aria-labelledby="history-title" data-testid="history-panel">
      <div className="history-panel__bar">
        <h3 id="history-title">History of {job.order.orderNumber}</h3>
        <span className="muted">{loaded ? `${entries.length} ${entries.length === 1 ? 'change' : 'changes'}, oldest first` : ''}</span>
        <button type="button" className="details__close history-panel__close" onClick={onClose} aria-label="Close the history" data-testid="history-close">
          ×
        </button>
      </div>
      {error && (
        <p className="form-field__error" role="alert">
          {error.message}
        </p>
      )}
      {!loaded ? (
        <p className="muted">
          <Spinner small /> Reading the history…
        </p>
      ) : entries.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          No changes recorded yet.
        </p>
      ) : (
        <div className="history-panel__scroll">
          <table className="history-table" aria-label={`Workflow history of ${job.order.orderNumber}`} data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From → to</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <Row key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
