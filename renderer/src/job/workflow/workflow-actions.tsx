import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Job } from '../../../../shared/jobs/job.types';
import type { StaffAction } from '../../../../shared/workflow/workflow-view.types';
import { Spinner } from '../../widgets/spinner';
import { useJobStore } from '../../state/job.store';
import { ReasonDialog } from '../../widgets/workflow/reason-dialog';
import { ACTION_LABELS, isStaffAction } from '../../widgets/workflow/workflow-labels';
import { changed, outboxMoved } from '../../api/queries';

type Available = Job['workflow']['events'][number];
type Asking = { action: StaffAction; override: boolean; message: string | null };

const TEXTS: Record<StaffAction, { title: (order: string) => string; text: string; placeholder: string }> = {
  HOLD: {
    title: (order) => `Put ${order} on hold?`,
    text: 'Work on the job stops here, and the order is marked on hold on the server once it can be reached. The server refuses uploads for an order on hold: resume it first.',
    placeholder: 'e.g. waiting for the claimant to sign',
  },
  RESUME: {
    title: (order) => `Resume ${order}?`,
    text: 'Work continues where it stood, and the order is marked in progress on the server once it can be reached.',
    placeholder: 'e.g. the claimant signed',
  },
  CANCEL: {
    title: (order) => `Cancel the job for ${order}?`,
    text: 'The order is cancelled on the server once it can be reached. The layout, the documents and the package folder stay on this machine; only a manager or admin can reopen the job.',
    placeholder: 'e.g. the customer withdrew the order',
  },
  REOPEN: {
    title: (order) => `Reopen ${order}?`,
    text: 'The closed job is opened again where its work stood, so the remaining or corrected claims can be laid out and sent.',
    placeholder: 'e.g. the customer asked for two more claims',
  },
};

function ActionButton({ available, action, busy, onPick }: { available: Available; action: StaffAction; busy: boolean; onPick: () => void }) {
  const hintId = useId();
  const blocked = available.status === 'blocked';
  const override = available.status === 'needs-override';
  const danger = action === 'CANCEL';
  const classes = ['button', 'button--small', danger && !blocked ? 'button--danger' : '', override ? 'workflow-action--override' : ''].filter(Boolean).join(' ');
  return (
    <>
      <button
        type="button"
        className={classes}
        disabled={blocked || busy}
        title={available.message ?? undefined}
        aria-describedby={available.message ? hintId : undefined}
        onClick={onPick}
        data-testid={`workflow-action-${action.toLowerCase()}`}
        data-status={available.status}
      >
        {ACTION_LABELS[action]}
        {/* The ellipsis says a question follows: everything but a plain Resume asks for a reason first. */}
        {override || action !== 'RESUME' ? '…' : ''}
      </button>
      {available.message && (
        <span id={hintId} className="visually-hidden">
          {available.message}
        </span>
      )}
    </>
  );
}

/**
 * The job's workflow decisions for the signed-in user (hold, resume, cancel, reopen), as main lists them: allowed,
 * allowed only with an override and a reason (managers and admins), or blocked with why and who can. A refusal
 * from main is shown as main wrote it.
 */
export function WorkflowActions({ job }: { job: Job }) {
  const adoptServerState = useJobStore((state) => state.adoptServerState);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState<StaffAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The decisions the job's state has at all; the rest of the workflow's events are the wizard's.
  const actions = job.workflow.events.filter(
    (available): available is Available & { event: StaffAction } => isStaffAction(available.event) && available.status !== 'not-allowed',
  );

  const fire = async (action: StaffAction, reason: string | null, override: boolean) => {
    setBusy(action);
    setError(null);
    const result = await api.fireWorkflowEvent({ jobId: job.id, action, reason: override ? null : reason, ...(override && reason ? { override: { reason } } : {}) });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setAsking(null);
    adoptServerState(result.value);
    // A hold, resume or cancellation queues the order's new status; the lists show the job's new state.
    outboxMoved();
    changed('workflowChanged', { jobIds: [job.id] });
  };

  const pick = (available: Available & { event: StaffAction }) => {
    setError(null);
    const override = available.status === 'needs-override';
    if (!override && available.event === 'RESUME') void fire('RESUME', null, false);
    else setAsking({ action: available.event, override, message: available.message });
  };

  if (actions.length === 0) return null;
  return (
    <div className="workflow-actions" role="group" aria-label="Workflow">
      {busy && !asking && <Spinner small />}
      {actions.map((available) => (
        <ActionButton key={available.event} available={available} action={available.event} busy={busy !== null} onPick={() => pick(available)} />
      ))}
      {error && !asking && (
        <span className="form-field__error" role="alert" data-testid="workflow-action-error">
          {error}
        </span>
      )}
      {asking && (
        <ReasonDialog
          title={TEXTS[asking.action].title(job.order.orderNumber)}
          confirmLabel={asking.override ? `Override: ${ACTION_LABELS[asking.action].toLowerCase()}` : ACTION_LABELS[asking.action]}
          tone={asking.action === 'CANCEL' ? 'danger' : 'primary'}
          required={asking.override}
          label={asking.override ? 'Why the override' : 'Reason (kept in the job’s history and sent to the server)'}
          placeholder={TEXTS[asking.action].placeholder}
          busy={busy !== null}
          error={error}
          testId="workflow-action-dialog"
          onClose={() => {
            setAsking(null);
            setError(null);
          }}
          onConfirm={(reason) => void fire(asking.action, reason, asking.override)}
        >
          {asking.override && asking.message && <p className="workflow-override-note">{asking.message}</p>}
          <p>{TEXTS[asking.action].text}</p>
        </ReasonDialog>
      )}
    </div>
  );
}
