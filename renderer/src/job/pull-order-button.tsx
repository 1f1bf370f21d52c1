import { useState } from 'react';
import { orderKeyString, type OrderKey, type OrderSummary } from '../../../shared/domain/order.types';
import { isClosedState } from '../../../shared/workflow/workflow.types';
import type { ErrorInfo } from '../../../shared/errors';
import { Spinner } from '../widgets/spinner';
import { useJobStore } from '../state/job.store';
import { ReasonDialog } from '../widgets/workflow/reason-dialog';
import { useCanOverride } from '../widgets/workflow/use-can-override.hook';
import { changed } from '../api/queries';
import { useIpcQuery } from '../api/use-ipc-query.hook';

/**
 * "Pull order" starts the order's fulfilment job; an order that already has one says "Resume job". A refusal
 * (e.g. awaiting payment) is shown as main wrote it, under this order only; a manager or admin is offered the
 * override, which asks why.
 */
export function PullOrderButton({
  orderKey,
  orderNumber,
  order,
}: {
  orderKey: OrderKey;
  orderNumber: string;
  /** The order as the queue read it: its job and where that job stands (read with the order, so never behind it). */
  order?: Pick<OrderSummary, 'jobId' | 'workflowState'>;
}) {
  const jobs = useIpcQuery('jobs', undefined).data?.jobs ?? [];
  const pullOrder = useJobStore((state) => state.pullOrder);
  const loading = useJobStore((state) => state.loading);
  const canOverride = useCanOverride();
  const keyString = orderKeyString(orderKey);
  const [refusal, setRefusal] = useState<{ key: string; error: ErrorInfo } | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [overrideError, setOverrideError] = useState<string | null>(null);

  const listed = jobs.find((job) => job.orderType === orderKey.orderType && job.orderId === orderKey.id);
  const hasJob = listed !== undefined || (order?.jobId ?? null) !== null;
  const state = order?.workflowState ?? listed?.workflowState ?? null;
  // A delivered or cancelled job is looked at, not resumed: nothing is left to do in it without a reopen.
  const closed = isClosedState(state);
  const error = refusal?.key === keyString ? refusal.error : null;
  // Another desk holding the order is a refusal a manager or admin may go past, like the workflow's guards.
  const refusedByWorkflow = error?.code === 'workflow-refused' || error?.code === 'assignment-held';

  const pull = async () => {
    setRefusal(null);
    const failed = await pullOrder(orderKey);
    if (failed) setRefusal({ key: keyString, error: failed });
    else changed('workflowChanged', { jobIds: [] });
  };

  const pullWithOverride = async (reason: string) => {
    setOverrideError(null);
    const failed = await pullOrder(orderKey, { reason });
    if (failed) {
      setOverrideError(failed.message);
      return;
    }
    setOverriding(false);
    setRefusal(null);
    changed('workflowChanged', { jobIds: [] });
  };

  return (
    <div className="pull-order">
      <button
        type="button"
        className={closed ? 'button' : 'button button--primary'}
        data-testid="pull-order"
        data-action={closed ? 'open' : hasJob ? 'resume' : 'pull'}
        disabled={loading}
        onClick={() => void pull()}
        title={closed ? 'Open the job to see what was done' : listed ? `Continue at the ${listed.step} step` : hasJob ? 'Continue the job' : 'Start fulfilling this order'}
      >
        {loading && !overriding && <Spinner small />}
        {closed ? 'Open job' : hasJob ? 'Resume job' : 'Pull order'}
      </button>
      {error && (
        <div className="pull-order__refusal" role="alert" data-testid="pull-refusal" data-code={error.code}>
          <span className="form-field__error" data-testid="pull-refusal-message">
            {error.message}
          </span>
          {refusedByWorkflow && canOverride && (
            <button type="button" className="button button--small" onClick={() => setOverriding(true)} data-testid="pull-override">
              Override and pull…
            </button>
          )}
        </div>
      )}
      {overriding && error && (
        <ReasonDialog
          title={`Pull ${orderNumber} anyway?`}
          confirmLabel="Override and pull"
          required
          label="Why work starts now"
          placeholder="e.g. payment confirmed by phone, receipt to follow"
          busy={loading}
          error={overrideError}
          testId="pull-override-dialog"
          onClose={() => {
            setOverriding(false);
            setOverrideError(null);
          }}
          onConfirm={(reason) => reason && void pullWithOverride(reason)}
        >
          <p>{error.message}</p>
          <p>The override is recorded in the job’s history with your name and the reason.</p>
        </ReasonDialog>
      )}
    </div>
  );
}
