import { useState } from 'react';
import type { OrderKey, OrderSummary } from '../../../../shared/domain/order.types';
import { beingWorkedBy, sinceDate } from '../../../../shared/assignment/assignment-text';
import { api } from '../../api/client';
import { changed } from '../../api/queries';
import { useSessionStore } from '../../state/session.store';
import { Notice } from '../notice';

type Holder = OrderSummary['assignedTo'];

/** The order's holder when it is someone other than the signed-in user (desk assignment), else null. */
export function useHeldByOther(holder: Holder): NonNullable<Holder> | null {
  const username = useSessionStore((state) => state.session?.username ?? null);
  return holder && holder.username !== username ? holder : null;
}

/**
 * The queue's line for an order another staff member works: the one sentence every desk shows. The Work column is
 * narrow, so the name is what shows (an ellipsis would cut it); the whole sentence is read out and in the tooltip.
 */
export function HeldByText({ holder }: { holder: NonNullable<Holder> }) {
  const text = beingWorkedBy(holder);
  return (
    <span className="held-by" data-testid="held-by" title={text}>
      <span className="visually-hidden">Being worked by </span>
      {holder.name}
      <span className="visually-hidden"> since {sinceDate(holder.since)}</span>
    </span>
  );
}

/**
 * The order panel's word on who works the order: another staff member (the sentence; a staff pull is refused, a
 * manager or admin may take it over from the Pull button), or this desk's own claim with Release.
 */
export function AssignmentNotice({ orderKey, holder, hasJob }: { orderKey: OrderKey; holder: Holder; hasJob: boolean }) {
  const other = useHeldByOther(holder);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (other) {
    return (
      <Notice tone="warning" testId="held-by-notice" title={`${beingWorkedBy(other)}.`}>
        A staff member cannot pull it here; a manager or admin can take it over with a reason.
      </Notice>
    );
  }
  if (!holder || !hasJob) return null;
  const release = async () => {
    setBusy(true);
    setError(null);
    const result = await api.releaseOrder(orderKey);
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    else changed('workflowChanged', { jobIds: [result.value.jobId] });
  };
  return (
    <Notice
      tone="info"
      testId="claimed-notice"
      title={`Claimed by you since ${sinceDate(holder.since)}.`}
      actions={
        <button type="button" className="button button--small" onClick={() => void release()} disabled={busy} data-testid="release-order">
          Release
        </button>
      }
    >
      Other desks see that you work this order; release it to let another desk take it up.
      {error && <span role="alert"> {error}</span>}
    </Notice>
  );
}
