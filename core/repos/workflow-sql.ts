/**
 * SQL fragments the workflow reads in several places (the job view, the jobs list, the orders queue, the dashboard
 * and its click-through filters), written once so a count on the dashboard and the rows its filter shows can never
 * disagree. Each fragment is correlated with the outer row named in its argument ('jobs' or 'orders').
 */
import { sql, type RawBuilder } from 'kysely';
import { FINISHED_STATES, type WorkflowState } from '../../shared/workflow/workflow.types';
import { CLOSED_ORDER_STATUSES } from '../../shared/domain/order-status';
import { DRAWN_OVER_LIMITS_CODE } from '../../shared/claims/drawn-limits-code';

/**
 * Claims delivered for a job: distinct claim names in its deliveries (uploads the server confirmed, documents
 * uploaded and linked). Distinct, so sending the same claims again after a regeneration is not counted twice.
 */
export function claimsDeliveredOfJob(jobIdColumn: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(SELECT count(DISTINCT dc.claim_name) FROM delivered_claims dc WHERE dc.job_id = ${jobIdColumn})`;
}

/** Deliveries of the job in scope (the conflict check's "something reached the server"). */
export function deliveriesOfJob(jobIdColumn: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(SELECT count(*) FROM deliveries d WHERE d.job_id = ${jobIdColumn})`;
}

/** The same for the job of the `orders` row in scope (0 without a job). */
export function claimsDeliveredOfOrder(): RawBuilder<number> {
  return sql<number>`coalesce((SELECT ${claimsDeliveredOfJob(sql`j.id`)} FROM jobs j
    WHERE j.order_type = orders.order_type AND j.order_id = orders.id), 0)`;
}

/** The `orders` row in scope has a job in one of `states`. */
export function orderJobIn(states: readonly WorkflowState[]): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id
    AND j.workflow_state IN (${sql.join(states.map((s) => sql.lit(s)))}))`;
}

/** Statuses after which the server takes no more work for an order (shared/domain/order-status.ts). */
const CLOSED_STATUSES = sql`(${sql.join(CLOSED_ORDER_STATUSES.map((s) => sql.lit(s)))})`;

/** Still to be fulfilled: not closed on the server, and not delivered or cancelled here. */
export function orderOpen(): RawBuilder<boolean> {
  return sql<boolean>`(orders.status NOT IN ${CLOSED_STATUSES} AND NOT ${orderJobIn(FINISHED_STATES)})`;
}

/** When a job was last touched: its last save or its last transition, whichever is later (ISO strings compare as text). */
export function jobLastTouched(alias: string): RawBuilder<string> {
  const ref = sql.ref(alias);
  return sql<string>`max(${ref}.updated_at, coalesce(${ref}.workflow_changed_at, ${ref}.updated_at))`;
}

/**
 * Claims over the legal limits as drawn (shared/claims/drawn-limits.ts) of the `orders` row in scope: their own class
 * among the order's warnings, counted apart. The instr() test skips the JSON walk for the many orders without one.
 */
export function drawnOverLimitsOfOrder(): RawBuilder<number> {
  return sql<number>`(CASE WHEN instr(orders.warnings_json, ${DRAWN_OVER_LIMITS_CODE}) = 0 THEN 0 ELSE
    (SELECT count(*) FROM json_each(orders.warnings_json) w WHERE json_extract(w.value, '$.code') = ${DRAWN_OVER_LIMITS_CODE}) END)`;
}
