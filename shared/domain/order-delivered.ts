/**
 * Whether an order is delivered by this desk, from one fact: the delivery rows (an upload the server accepted).
 * An order the server stopped listing after our upload was delivered by us, not "fulfilled elsewhere"; an order
 * whose job the workflow closed as delivered is delivered even while the server still lists it. Every view (the
 * queue, the order panel, the job header) asks this function rather than reading the status and the gone mark.
 */
import { isDeliveredState } from '../workflow/workflow.types';
import type { OrderDelivery, OrderSummary } from './order.types';

export function deliveredByUs(order: Pick<OrderSummary, 'lastDelivery' | 'gone' | 'workflowState'>): OrderDelivery | null {
  if (!order.lastDelivery) return null;
  return order.gone || isDeliveredState(order.workflowState) ? order.lastDelivery : null;
}

/** "CP-2026-0042", else "#42", else null: how staff know the server's package. */
export function packageLabel(delivery: Pick<OrderDelivery, 'packageId' | 'packageNumber'>): string | null {
  return delivery.packageNumber ?? (delivery.packageId === null ? null : `#${delivery.packageId}`);
}
