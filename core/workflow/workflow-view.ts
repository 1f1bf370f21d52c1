/**
 * A job's workflow as the renderer shows it: state, the staff actions this user's role may take (with why some are
 * blocked), payment, progress against the purchase and the due date, staleness and duplicate flags. Read-only.
 */
import { orderKeyOfJobRow } from '../../shared/domain/order.types';
import type { ActorRole } from '../../shared/workflow/workflow.types';
import { allowedEvents } from '../../shared/workflow/workflow.machine';
import { orderProgress } from '../../shared/workflow/order-progress';
import { storedPaymentDetail } from '../../shared/workflow/payment-state';
import { staleness } from '../../shared/workflow/stale-jobs';
import { STAFF_ACTIONS, type JobWorkflow } from '../../shared/workflow/workflow-view.types';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Db } from '../db/schema';
import { listDuplicatesOf } from '../repos/duplicates.repo';
import type { WorkflowFactsRow } from '../repos/workflow.repo';
import { contextFromFacts } from './apply-transition';

export interface ViewContext {
  /** The signed-in user's role; null (signed out) offers no actions. */
  role: ActorRole | null;
  settings: WorkflowSettings;
  now: Date;
  today: string;
}

export async function workflowView(db: Db, facts: WorkflowFactsRow, view: ViewContext): Promise<JobWorkflow> {
  const context = contextFromFacts(facts);
  const progress = orderProgress(
    {
      claimsPurchased: context.claimsPurchased,
      claimsDelivered: context.claimsDelivered,
      createdAt: facts.order_created_at ?? '',
      expedited: facts.expedited === 1,
    },
    { today: view.today, serviceLevels: view.settings },
  );
  // A job finished here (delivered or cancelled) is not late whatever the dates say.
  const finished = facts.workflow_state === 'delivered' || facts.workflow_state === 'cancelled';
  const available = view.role === null ? [] : allowedEvents(facts.workflow_state, context, view.role).filter((a) => (STAFF_ACTIONS as readonly string[]).includes(a.event));
  const stale = staleness({ state: facts.workflow_state, lastTouchedAt: facts.last_touched }, { now: view.now, staleAfterDays: view.settings.staleAfterDays });
  return {
    state: facts.workflow_state,
    resumeTo: facts.resume_to,
    changedAt: facts.workflow_changed_at,
    available,
    paymentState: context.paymentState,
    paymentDetail: storedPaymentDetail({ orderType: facts.order_type, status: facts.order_status, paymentStatus: facts.payment_status }, context.paymentState),
    progress: {
      claimsPurchased: progress.claimsPurchased,
      claimsDelivered: progress.claimsDelivered,
      claimsRemaining: progress.claimsRemaining,
      completionPercent: progress.completionPercent,
      complete: progress.complete || facts.workflow_state === 'delivered',
      serviceLevel: progress.serviceLevel,
      targetDate: progress.targetDate,
      daysRemaining: finished ? null : progress.daysRemaining,
      dueToday: !finished && progress.dueToday,
      overdue: !finished && progress.overdue,
      priority: finished && facts.workflow_state === 'delivered' ? 'complete' : progress.priority,
    },
    stale,
    duplicates: await listDuplicatesOf(db, orderKeyOfJobRow(facts)),
  };
}
