import type { PaymentState, WorkflowState } from '../../../../shared/workflow/workflow.types';
import { Chip } from '../chip';
import { formatCalendarDate, formatDaysRemaining } from '../../lib/format';
import { PAYMENT_STATE_TONES, paymentStateLabel, WORKFLOW_STATE_TONES, workflowStateLabel } from './workflow-labels';

export function WorkflowStateChip({ state, testId = 'workflow-state' }: { state: WorkflowState; testId?: string }) {
  return (
    <Chip tone={WORKFLOW_STATE_TONES[state]} testId={testId} title={`Fulfilment: ${workflowStateLabel(state).toLowerCase()}`}>
      {workflowStateLabel(state)}
    </Chip>
  );
}

/** Payment is kept apart from fulfilment: its own chip, with where the state came from in the tooltip. */
export function PaymentChip({ state, detail, testId = 'payment-state' }: { state: PaymentState; detail?: string; testId?: string }) {
  return (
    <Chip tone={PAYMENT_STATE_TONES[state]} testId={testId} title={detail ?? `Payment: ${paymentStateLabel(state).toLowerCase()}`}>
      {paymentStateLabel(state)}
    </Chip>
  );
}

type DueDateProps = {
  targetDate: string | null;
  daysRemaining: number | null;
  overdue: boolean;
  /** Show "3 days left" after the date (the queue keeps that for the tooltip, the details and the job show it). */
  withDays?: boolean;
  testId?: string;
};

/** The target date, red when overdue and amber when due today; the state is also said in words, never colour alone. */
export function DueDate({ targetDate, daysRemaining, overdue, withDays = false, testId = 'target-date' }: DueDateProps) {
  if (!targetDate) return <span className="muted" data-testid={testId}>—</span>;
  const dueToday = !overdue && daysRemaining === 0;
  const days = daysRemaining === null ? null : formatDaysRemaining(daysRemaining);
  const classes = ['due-date', overdue ? 'due-date--overdue' : dueToday ? 'due-date--today' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} title={days ? `Target ${formatCalendarDate(targetDate)}: ${days}` : `Target ${formatCalendarDate(targetDate)}`} data-testid={testId} data-due={overdue ? 'overdue' : dueToday ? 'today' : 'later'}>
      {formatCalendarDate(targetDate)}
      {withDays && days && <span className="due-date__days"> · {days}</span>}
      {!withDays && (overdue || dueToday) && <span className="visually-hidden"> ({overdue ? 'overdue' : 'due today'})</span>}
    </span>
  );
}

/** Claims delivered of claims purchased, with a thin bar; "complete" in words once every claim is delivered. */
export function ProgressMeter({ delivered, purchased, testId = 'order-progress' }: { delivered: number; purchased: number; testId?: string }) {
  const percent = purchased > 0 ? Math.min(100, Math.round((delivered / purchased) * 100)) : 0;
  return (
    <span className="progress-meter" title={`${delivered} of ${purchased} claims delivered (${percent} %)`} data-testid={testId} data-percent={percent}>
      <span className="progress-meter__text">
        {delivered}/{purchased}
      </span>
      <span className="progress-meter__bar" role="progressbar" aria-label="Claims delivered" aria-valuemin={0} aria-valuemax={purchased} aria-valuenow={delivered}>
        <span className={percent >= 100 ? 'progress-meter__fill progress-meter__fill--done' : 'progress-meter__fill'} style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
