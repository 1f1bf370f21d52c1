import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { OrderType } from '../../../shared/api/geodb.schemas';
import { useSyncStore } from '../state/sync.store';
import { useOutboxStore } from '../state/outbox.store';
import { useWorkflowEvents } from '../state/workflow.store';

export type OrderStatusView = { status: string; gone: boolean };

/**
 * The order's status as the cache has it, and whether the server stopped listing it: a change made here is
 * written locally at once (and sent through the outbox), a sync brings the server's. Re-read after either, and
 * after a workflow change (a hold or cancellation writes one), so the job header never shows a stale status.
 * `orderId` null (no job open) reads nothing.
 */
export function useOrderStatus(orderType: OrderType, orderId: number | null): OrderStatusView | null {
  const outboxVersion = useOutboxStore((state) => state.version);
  const lastSync = useSyncStore((state) => state.status?.lastSuccessAt ?? null);
  const workflowVersion = useWorkflowEvents((state) => state.version);
  const [status, setStatus] = useState<{ key: string; value: OrderStatusView } | null>(null);
  const key = `${orderType}:${orderId}`;

  useEffect(() => {
    if (orderId === null) return;
    let current = true;
    void api.getOrder({ orderType, id: orderId }).then((result) => {
      if (current && result.ok) setStatus({ key: `${orderType}:${orderId}`, value: { status: result.value.status, gone: result.value.goneAt !== null } });
    });
    return () => {
      current = false;
    };
  }, [orderType, orderId, outboxVersion, lastSync, workflowVersion]);

  return status?.key === key ? status.value : null;
}
