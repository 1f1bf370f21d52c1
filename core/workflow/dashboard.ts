/**
 * The dashboard: one count per focus, each exactly the orders its click-through shows (the same SQL
 * predicate, repos/order-focus.ts), the oldest order still waiting for work, and claims delivered this week.
 */
import { differenceInCalendarDays } from 'date-fns';
import { orderKeyOfRow } from '../../shared/domain/order.types';
import { DASHBOARD_FOCUSES, type DashboardFocus } from '../../shared/workflow/workflow-focus';
import type { Dashboard } from '../../shared/workflow/workflow-view.types';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Db } from '../db/schema';
import { createTurn } from '../platform/event-loop';
import { countFocus } from '../repos/order-queue.repo';
import { countClaimsDeliveredSince, oldestWaitingOrder } from '../repos/workflow.repo';
import { listHeldOrders } from '../repos/assignment.repo';
import { focusContext, startOfDeskWeek } from './desk-calendar';

/** `username`: the signed-in user, whose own claims are not "elsewhere" (undefined: every claim is listed). */
export async function buildDashboard(db: Db, now: Date, settings: WorkflowSettings, username?: string): Promise<Dashboard> {
  const context = focusContext(now, settings.staleAfterDays);
  const counts = {} as Record<DashboardFocus, number>;
  // Eleven counts over the whole cache: the event loop gets its turns in between (the window refreshes this after
  // every sync, while IPC must stay live).
  const turn = createTurn();
  for (const focus of DASHBOARD_FOCUSES) {
    await turn();
    counts[focus] = await countFocus(db, focus, context);
  }
  const oldest = await oldestWaitingOrder(db);
  const created = oldest ? new Date(oldest.created_at) : null;
  return {
    today: context.today,
    counts,
    oldestWaiting:
      oldest && created
        ? {
            key: orderKeyOfRow(oldest),
            orderNumber: oldest.order_number,
            createdAt: oldest.created_at,
            ageDays: Number.isNaN(created.getTime()) ? 0 : Math.max(0, differenceInCalendarDays(now, created)),
            targetDate: oldest.target_date,
          }
        : null,
    claimsDeliveredThisWeek: await countClaimsDeliveredSince(db, startOfDeskWeek(now)),
    staleAfterDays: settings.staleAfterDays,
    heldElsewhere: (await listHeldOrders(db))
      .filter((order) => order.holder.username !== username)
      .map((order) => ({ key: { orderType: order.order_type, id: order.id }, orderNumber: order.order_number, name: order.holder.name, since: order.holder.since })),
  };
}
