/**
 * The workflow's rows: each job's state, its transition log, and the facts the machine's guards read (payment,
 * claims purchased, laid out and delivered, whether a package exists). Writers take the caller's handle so a
 * transition commits together with the change that caused it.
 */
import { sql } from 'kysely';
import type { Db, JobTransitionsTable } from '../db/schema';
import { CLOSED_ORDER_STATUSES } from '../../shared/domain/order-status';
import { FINISHED_STATES, type TransitionLogEntry, type WorkflowState } from '../../shared/workflow/workflow.types';
import { crewAssignedOf, crewRequiredOf } from './crews.repo';
import { claimsDeliveredOfJob, jobLastTouched } from './workflow-sql';

export interface WorkflowFactsRow {
  id: number;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  workflow_state: WorkflowState;
  resume_to: WorkflowState | null;
  workflow_changed_at: string | null;
  updated_at: string;
  order_number: string | null;
  claims_purchased: number | null;
  claims_laid_out: number | null;
  has_capacity_override: number;
  payment_state: string | null;
  payment_status: string | null;
  order_status: string | null;
  order_created_at: string | null;
  expedited: number | null;
  target_date: string | null;
  /** The server's holder of the order (desk assignment) as last read, JSON (shared/assignment/read-assignment.ts). */
  assigned_to_json: string | null;
  /** When the server confirmed this desk's claim (null: none now). */
  claimed_at: string | null;
  has_package: number;
  /** The crew's posts were accepted as staked (field_work). */
  posts_accepted: number;
  county_recorded: number;
  blm_filed: number;
  /** A staking-service order on a server that keeps crews (crews.repo crewRequiredOf). */
  crew_required: number;
  /** The crew cache holds an assigned interest for the order (crew_interests, refreshed from the server). */
  crew_assigned: number;
  claims_delivered: number;
  last_touched: string;
}

export async function getWorkflowFacts(db: Db, jobId: number): Promise<WorkflowFactsRow | undefined> {
  return db
    .selectFrom('jobs')
    .leftJoin('orders as o', (join) => join.onRef('o.order_type', '=', 'jobs.order_type').onRef('o.id', '=', 'jobs.order_id'))
    .select([
      'jobs.id',
      'jobs.order_type',
      'jobs.order_id',
      'jobs.workflow_state',
      'jobs.resume_to',
      'jobs.workflow_changed_at',
      'jobs.updated_at',
      'o.payment_state',
      'o.payment_status',
      'o.status as order_status',
      'o.created_at as order_created_at',
      'o.expedited_delivery as expedited',
      'o.target_date',
      'o.assigned_to_json',
      'jobs.claimed_at',
      'jobs.order_number',
      'jobs.claims_purchased',
      'jobs.claims_laid_out',
      sql<number>`jobs.capacity_override_json IS NOT NULL`.as('has_capacity_override'),
      sql<number>`EXISTS (SELECT 1 FROM packages p WHERE p.job_id = jobs.id)`.as('has_package'),
      sql<number>`EXISTS (SELECT 1 FROM field_work f WHERE f.job_id = jobs.id AND f.accepted_at IS NOT NULL)`.as('posts_accepted'),
      sql<number>`EXISTS (SELECT 1 FROM county_recordings r WHERE r.job_id = jobs.id)`.as('county_recorded'),
      sql<number>`EXISTS (SELECT 1 FROM blm_filings f WHERE f.job_id = jobs.id)`.as('blm_filed'),
      crewRequiredOf(sql`o.staking_service`).as('crew_required'),
      crewAssignedOf(sql`jobs.order_type`, sql`jobs.order_id`).as('crew_assigned'),
      claimsDeliveredOfJob(sql`jobs.id`).as('claims_delivered'),
      jobLastTouched('jobs').as('last_touched'),
    ])
    .where('jobs.id', '=', jobId)
    .executeTakeFirst();
}

export async function setWorkflowState(db: Db, jobId: number, state: WorkflowState, resumeTo: WorkflowState | null, at: string): Promise<void> {
  await db.updateTable('jobs').set({ workflow_state: state, resume_to: resumeTo, workflow_changed_at: at }).where('id', '=', jobId).execute();
}

/** Appends one log entry; `at` must be set by the caller (the machine leaves it to the store). */
export async function insertTransition(
  db: Db,
  jobId: number,
  /** `event` is a workflow event, or a recorded decision such as CAPACITY_OVERRIDE that moves no state. */
  entry: Omit<TransitionLogEntry, 'event'> & { event: string; at: string },
): Promise<number> {
  const result = await db
    .insertInto('job_transitions')
    .values({
      job_id: jobId,
      from_state: entry.from,
      to_state: entry.to,
      event: entry.event,
      actor_username: entry.actor.username,
      actor_role: entry.actor.role,
      at: entry.at,
      reason: entry.reason,
      override: entry.override ? 1 : 0,
      overridden_json: JSON.stringify(entry.overridden),
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export type TransitionRow = Pick<
  JobTransitionsTable,
  'from_state' | 'to_state' | 'event' | 'actor_username' | 'actor_role' | 'at' | 'reason'
> & { id: number; override: number; overridden_json: string };

/** The log of one job, oldest first. */
export async function listTransitions(db: Db, jobId: number): Promise<TransitionRow[]> {
  return db
    .selectFrom('job_transitions')
    .select(['id', 'from_state', 'to_state', 'event', 'actor_username', 'actor_role', 'at', 'reason', 'override', 'overridden_json'])
    .where('job_id', '=', jobId)
    .orderBy('id')
    .execute();
}

/** Jobs whose order the server closed or stopped listing while the workflow still has them open (after a sync). */
export async function listJobsWithClosedOrders(db: Db): Promise<{ id: number; workflow_state: WorkflowState; order_status: string; gone: number; order_number: string | null }[]> {
  return db
    .selectFrom('jobs')
    .innerJoin('orders as o', (join) => join.onRef('o.order_type', '=', 'jobs.order_type').onRef('o.id', '=', 'jobs.order_id'))
    .select([
      'jobs.id',
      'jobs.workflow_state',
      'o.status as order_status',
      sql<number>`o.gone_at IS NOT NULL`.as('gone'),
      'jobs.order_number',
    ])
    .where('jobs.workflow_state', 'not in', [...FINISHED_STATES, 'needs_review'])
    .where((eb) => eb.or([eb('o.status', 'in', [...CLOSED_ORDER_STATUSES]), eb('o.gone_at', 'is not', null)]))
    .execute();
}

/** Claims in uploads delivered at or after `since` (ISO), for "claims delivered this week". */
export async function countClaimsDeliveredSince(db: Db, since: string): Promise<number> {
  const row = await db
    .selectFrom('delivered_claims as dc')
    .innerJoin('deliveries as d', 'd.outbox_id', 'dc.outbox_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('d.delivered_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The listed order waiting longest with no job yet and nothing stopping work on it (not awaiting payment). */
export async function oldestWaitingOrder(db: Db): Promise<{ order_type: 'claim_purchase' | 'claim_order'; id: number; order_number: string; created_at: string; target_date: string | null } | undefined> {
  return db
    .selectFrom('orders')
    .select(['order_type', 'id', 'order_number', 'created_at', 'target_date'])
    .where('gone_at', 'is', null)
    .where('status', 'not in', [...CLOSED_ORDER_STATUSES])
    .where('payment_state', 'not in', ['awaiting_payment', 'refunded'])
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id)`)
    .orderBy('created_at')
    .orderBy('order_type')
    .orderBy('id')
    // executeTakeFirst alone would still read every waiting order (a whole-cache scan on each dashboard refresh).
    .limit(1)
    .executeTakeFirst();
}

/** Jobs waiting on a person and untouched since `before` (ISO), longest idle first. */
export async function listStaleJobRows(
  db: Db,
  states: readonly WorkflowState[],
  before: string,
): Promise<{ id: number; order_type: 'claim_purchase' | 'claim_order'; order_id: number; order_number: string | null; last_touched: string }[]> {
  return db
    .selectFrom('jobs')
    .select([
      'jobs.id',
      'jobs.order_type',
      'jobs.order_id',
      'jobs.order_number',
      jobLastTouched('jobs').as('last_touched'),
    ])
    .where('jobs.workflow_state', 'in', [...states])
    .where(jobLastTouched('jobs'), '<=', before)
    .orderBy('last_touched')
    .execute();
}
