import type { OrderType } from '../../../shared/api/geodb.schemas';
import type { OrderSummary } from '../../../shared/domain/order.types';
import { useIpcQuery } from '../api/use-ipc-query.hook';

export type OrderStatusView = Pick<OrderSummary, 'status' | 'gone' | 'lastDelivery' | 'workflowState'>;

/**
 * The order's status as the cache has it, and whether the server stopped listing it: a change made here is
 * written locally at once (and sent through the outbox), a sync brings the server's; both make the order stale
 * (api/queries.ts), so the job header never shows an old status. `orderId` null (no job open) reads nothing.
 */
export function useOrderStatus(orderType: OrderType, orderId: number | null): OrderStatusView | null {
  const { data } = useIpcQuery('order', orderId === null ? null : { orderType, id: orderId });
  return data ? { status: data.status, gone: data.gone, lastDelivery: data.lastDelivery, workflowState: data.workflowState } : null;
}
