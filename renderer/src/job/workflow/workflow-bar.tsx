import type { Job } from '../../../../shared/jobs/job.types';
import { PAUSE_STATES } from '../../../../shared/workflow/workflow.types';
import { Chip } from '../../widgets/chip';
import { plural } from '../../lib/format';
import { OrderServerStatus } from '../order-server-status';
import { DueDate, PaymentChip, ProgressMeter, WorkflowStateChip } from '../../widgets/workflow/workflow-chips';
import { WorkflowActions } from './workflow-actions';
import { workflowStateLabel } from '../../widgets/workflow/workflow-labels';

function Duplicates({ job }: { job: Job }) {
  const { duplicates } = job.workflow;
  if (duplicates.length === 0) return null;
  const names = duplicates.map((duplicate) => duplicate.otherOrderNumber);
  const title = duplicates
    .map((duplicate) => `${duplicate.otherOrderNumber}: ${Math.round(duplicate.share * 100)} % of the smaller order’s claim area (${duplicate.overlapAcres.toFixed(1)} ac)`)
    .join('\n');
  return (
    <Chip tone="amber" testId="job-duplicates" title={title}>
      Possible duplicate of {names.slice(0, 2).join(', ')}
      {names.length > 2 ? ` and ${names.length - 2} more` : ''}
    </Chip>
  );
}

/**
 * The job's workflow at a glance, under the header on every step: where it stands, payment (kept apart from the
 * work), claims delivered of purchased, the target date, flags (stale, possible duplicate), the order's status on
 * the server, and the decisions this user may take.
 */
export function WorkflowBar({ job, historyOpen, onToggleHistory }: { job: Job; historyOpen: boolean; onToggleHistory: () => void }) {
  const { workflow } = job;
  const { progress, stale } = workflow;
  const paused = (PAUSE_STATES as readonly string[]).includes(workflow.state);

  return (
    <div className="workflow-bar" data-testid="workflow-bar" data-state={workflow.state}>
      <div className="workflow-bar__facts">
        <span className="workflow-bar__fact">
          <WorkflowStateChip state={workflow.state} testId="job-workflow-state" />
          {paused && workflow.resumeTo && <span className="muted">was {workflowStateLabel(workflow.resumeTo).toLowerCase()}</span>}
        </span>
        <span className="workflow-bar__fact">
          <span className="muted">Payment</span>
          <PaymentChip state={workflow.paymentState} detail={workflow.paymentDetail} testId="job-payment-state" />
        </span>
        <span className="workflow-bar__fact" data-testid="job-progress" data-percent={Math.round(progress.completionPercent)} data-complete={progress.complete ? 'true' : 'false'}>
          <span className="muted">Delivered</span>
          <ProgressMeter delivered={progress.claimsDelivered} purchased={progress.claimsPurchased} testId="job-progress-meter" />
          <span className="workflow-bar__percent" data-testid="job-progress-percent">
            {Math.round(progress.completionPercent)} %
          </span>
          {progress.complete && <span className="visually-hidden">, every purchased claim delivered</span>}
        </span>
        <span className="workflow-bar__fact">
          <span className="muted">{progress.serviceLevel === 'expedited' ? 'Expedited, due' : 'Due'}</span>
          <DueDate targetDate={progress.targetDate} daysRemaining={progress.daysRemaining} overdue={progress.overdue} withDays={!progress.complete} testId="job-target-date" />
        </span>
        {stale.stale && (
          <Chip tone="amber" testId="job-stale" title="Nobody changed this job for a while: is it forgotten?">
            Stale{stale.idleDays !== null ? `: untouched ${plural(stale.idleDays, 'day')}` : ''}
          </Chip>
        )}
        <Duplicates job={job} />
        <OrderServerStatus job={job} />
      </div>
      <div className="workflow-bar__end">
        <WorkflowActions job={job} />
        <button type="button" className="button button--small" aria-pressed={historyOpen} onClick={onToggleHistory} data-testid="open-history">
          History
        </button>
      </div>
    </div>
  );
}
