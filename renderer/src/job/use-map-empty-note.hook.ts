import type { Job } from '../../../shared/jobs/job.types';
import { useIpcQuery } from '../api/use-ipc-query.hook';

/**
 * Why a job's map has nothing to show: none of the order's polygons could be read. Says what was wrong with them
 * (the order's own problems, as the queue lists them) and what to do instead, so staff are not left with an empty
 * map at country scale. null while the order has usable polygons.
 */
export function useMapEmptyNote(job: Job | null): string | null {
  const hasPolygons = (job?.order.orderClaims.length ?? 0) > 0;
  const { data } = useIpcQuery('order', job && !hasPolygons ? { orderType: job.order.orderType, id: job.order.orderId } : null);
  if (!job || hasPolygons) return null;
  const problems = data?.problems ?? [];
  const first = problems[0]?.message.replace(/\.$/, '');
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more in the order's details)` : '';
  const reason = first ? `: ${first}${more}.` : '.';
  return `None of this order's claim polygons could be read, so there is nothing to zoom to${reason} Lay out a grid: type or paste its anchor on the Layout step and the map goes there.`;
}
