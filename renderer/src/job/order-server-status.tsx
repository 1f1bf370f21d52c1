import type { Job } from '../../../shared/jobs/job.types';
import { Chip } from '../widgets/chip';
import { OrderStandingChips } from '../widgets/status-chip';
import { useJobStore } from '../state/job.store';
import { STATE_LABELS } from '../state/outbox-states';
import { pendingStatusChange, useJobEntries } from '../state/job-outbox.store';
import { useOrderStatus } from './use-order-status.hook';

function PendingChange() {
  const jobId = useJobStore((state) => state.job?.id);
  const pending = pendingStatusChange(useJobEntries(jobId).entries);
  if (!pending) return null;
  const refused = pending.state === 'failed' || pending.state === 'needs_review';
  return (
    // Dashed while on its way: the status beside it is already the local one, the server does not have it yet.
    <Chip tone={refused ? 'red' : 'outline'} testId="order-status-pending" title={[pending.summary, pending.lastError].filter(Boolean).join(' — ')}>
      {refused ? `${STATE_LABELS[pending.state]}: see Upload` : pending.state === 'sending' ? 'Sending…' : 'Not sent yet'}
    </Chip>
  );
}

/**
 * The order's status as the server will have it (a hold, resume or cancellation from the workflow buttons is
 * written locally at once and sent through the outbox), and a change still on its way.
 */
export function OrderServerStatus({ job }: { job: Job }) {
  const order = useOrderStatus(job.order.orderType, job.order.orderId);
  return (
    <span className="order-status" title="The order’s status on the server">
      <span className="muted">Order</span>
      <span className="order-status__current" data-testid="order-status">
        {order ? <OrderStandingChips order={order} /> : <span className="muted">…</span>}
      </span>
      <PendingChange />
    </span>
  );
}
