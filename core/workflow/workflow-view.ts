/**
 * A job's workflow as the renderer shows it: state, every event a person sends with whether this user may send it
 * (and the machine's reason when not), what each wizard step waits for, payment, progress against the purchase and
 * the due date, staleness and duplicate flags. Read-only: the renderer computes none of it.
 */
import { orderKeyOfJobRow } from '../../shared/domain/order.types';
import { FINISHED_STATES, isDeliveredState, type ActorRole, type WorkflowState } from '../../shared/workflow/workflow.types';
import { wizardGates } from '../../shared/jobs/wizard-gates';
import { eventViews } from '../../shared/workflow/workflow.machine';
import { orderProgress } from '../../shared/workflow/order-progress';
import { storedPaymentDetail } from '../../shared/workflow/payment-state';
import { staleness } from '../../shared/workflow/stale-jobs';
import type { JobWorkflow } from '../../shared/workflow/workflow-view.types';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Db } from '../db/schema';
import { listDuplicatesOf } from '../repos/duplicates.repo';
import { contextOf, type JobFacts } from './workflow-context';

export interface ViewContext {
  /** The signed-in user's role; null (signed out) offers no actions. */
  role: ActorRole | null;
  /** The signed-in user's name: the order's holder counts as someone else only when it is not them. */
  username?: string;
  settings: WorkflowSettings;
  now: Date;
  today: string;
}

export async function workflowView(db: Db, jobFacts: JobFacts, view: ViewContext): Promise<JobWorkflow> {
  const { facts, check } = jobFacts;
  const context = contextOf(jobFacts, view.username);
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
  const finished = (FINISHED_STATES as readonly WorkflowState[]).includes(facts.workflow_state);
  const events = view.role === null ? [] : eventViews(facts.workflow_state, context, view.role);
  const stale = staleness({ state: facts.workflow_state, lastTouchedAt: facts.last_touched }, { now: view.now, staleAfterDays: view.settings.staleAfterDays });
  return {
    state: facts.workflow_state,
    resumeTo: facts.resume_to,
    changedAt: facts.workflow_changed_at,
    events,
    steps: wizardGates({
      state: facts.workflow_state,
      resumeTo: facts.resume_to,
      claimsLaidOut: context.claimsLaidOut,
      hasPackage: context.hasPackage,
      claimsDelivered: context.claimsDelivered,
      postsAccepted: facts.posts_accepted === 1,
      check,
    }),
    paymentState: context.paymentState,
    paymentDetail: storedPaymentDetail({ orderType: facts.order_type, status: facts.order_status, paymentStatus: facts.payment_status }, context.paymentState),
    progress: {
      claimsPurchased: progress.claimsPurchased,
      claimsDelivered: progress.claimsDelivered,
      claimsRemaining: progress.claimsRemaining,
      completionPercent: progress.completionPercent,
      complete: progress.complete || isDeliveredState(facts.workflow_state),
      serviceLevel: progress.serviceLevel,
      targetDate: progress.targetDate,
      daysRemaining: finished ? null : progress.daysRemaining,
      dueToday: !finished && progress.dueToday,
      overdue: !finished && progress.overdue,
      priority: finished && isDeliveredState(facts.workflow_state) ? 'complete' : progress.priority,
    },
    stale,
    duplicates: await listDuplicatesOf(db, orderKeyOfJobRow(facts)),
  };
}
