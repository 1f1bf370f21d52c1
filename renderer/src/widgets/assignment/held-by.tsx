import type { OrderSummary } from '../../../../shared/domain/order.types';
import { beingWorkedBy, sinceDate } from '../../../../shared/assignment/assignment-text';
import { useSessionStore } from '../../state/session.store';

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
