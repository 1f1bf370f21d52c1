/**
 * The dashboard's click-through filters as SQL over the `orders` row in scope. The dashboard counts
 * orders with these same predicates, so a count and the queue it opens always agree.
 *
 *   active_jobs       a job that is neither finished (delivered, cancelled) nor only queued
 *   due_today         open, listed, and its target date is today
 *   overdue           open, listed, and its target date has passed
 *   expedited         open, listed, expedited delivery
 *   awaiting_payment  listed, payment state awaiting payment (work waits for the money)
 *   claimant_needed   open, listed, no claimant from the order and none entered on its job
 *   awaiting_upload   a job with documents ready or an upload under way
 *   failed_uploads    a job with an upload that failed for good (waiting for Retry or Discard)
 *   needs_review      a job flagged for a person's decision
 *   stale             a job waiting on a person, untouched since `staleBefore` (off when staleBefore is null)
 *   duplicates        listed and flagged as a possible duplicate purchase
 * "Listed" means not gone from the server's pending list. Job-based focuses include gone orders: a job whose
 * order was cancelled on the server is exactly what needs review.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DashboardFocus } from '../../shared/workflow/workflow-focus';
import { STALE_CANDIDATE_STATES } from '../../shared/workflow/stale-jobs';
import { jobLastTouched, orderJobIn, orderOpen } from './workflow-sql';

export interface FocusContext {
  /** The desk's today, YYYY-MM-DD. */
  today: string;
  /** ISO time: jobs last touched at or before it are stale; null turns the stale check off. */
  staleBefore: string | null;
}

const listed = sql<boolean>`orders.gone_at IS NULL`;

function and(...parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

export function focusPredicate(focus: DashboardFocus, context: FocusContext): RawBuilder<boolean> {
  switch (focus) {
    case 'active_jobs':
      return orderJobIn(['pulled', 'laying_out', 'validated', 'documents_ready', 'uploading', 'on_hold', 'needs_review']);
    case 'due_today':
      return and(listed, orderOpen(), sql<boolean>`orders.target_date = ${context.today}`);
    case 'overdue':
      return and(listed, orderOpen(), sql<boolean>`orders.target_date < ${context.today}`);
    case 'expedited':
      return and(listed, orderOpen(), sql<boolean>`orders.expedited_delivery = 1`);
    case 'awaiting_payment':
      return and(listed, sql<boolean>`orders.payment_state = 'awaiting_payment'`);
    case 'claimant_needed':
      return and(
        listed,
        orderOpen(),
        sql<boolean>`orders.claimant_info_json IS NULL`,
        sql<boolean>`NOT EXISTS (SELECT 1 FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id AND j.claimant_named = 1)`,
      );
    case 'awaiting_upload':
      return orderJobIn(['documents_ready', 'uploading']);
    case 'failed_uploads':
      return sql<boolean>`EXISTS (SELECT 1 FROM jobs j JOIN outbox x ON x.job_id = j.id
        WHERE j.order_type = orders.order_type AND j.order_id = orders.id AND x.kind = 'upload' AND x.state = 'failed')`;
    case 'needs_review':
      return orderJobIn(['needs_review']);
    case 'stale':
      if (context.staleBefore === null) return sql<boolean>`0`;
      return sql<boolean>`EXISTS (SELECT 1 FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id
        AND j.workflow_state IN (${sql.join(STALE_CANDIDATE_STATES.map((s) => sql.lit(s)))})
        AND ${jobLastTouched('j')} <= ${context.staleBefore})`;
    case 'duplicates':
      return and(
        listed,
        sql<boolean>`EXISTS (SELECT 1 FROM order_duplicates d WHERE (d.a_type = orders.order_type AND d.a_id = orders.id)
          OR (d.b_type = orders.order_type AND d.b_id = orders.id))`,
      );
  }
}
