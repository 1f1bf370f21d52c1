/**
 * Desk assignment in the cache: the server's holder of each order (written by the sync, and at once from a claim's
 * answer), when this desk's claim on a job's order was confirmed, and whether the bound server lacks assignment.
 */
import { sql } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import { parseStoredHolder, type ExpiredClaim, type OrderHolder } from '../../shared/assignment/read-assignment';
import { FINISHED_STATES } from '../../shared/workflow/workflow.types';
import type { Db } from '../db/schema';
import { getCacheServer } from './cache-binding.repo';
import { getValues, setValues } from './key-value.repo';

const UNSUPPORTED_KEY = 'assignment.unsupported_server';

/** True once the server this cache is bound to answered that it has no desk assignment (a 404 on a claim). */
export async function assignmentUnsupported(db: Db): Promise<boolean> {
  const [flag, server] = await Promise.all([getValues(db, 'settings').then((v) => v.get(UNSUPPORTED_KEY)), getCacheServer(db)]);
  return flag !== undefined && flag === server;
}

export async function setAssignmentUnsupported(db: Db, serverUrl: string): Promise<void> {
  await setValues(db, 'settings', { [UNSUPPORTED_KEY]: serverUrl });
}

export async function setOrderHolder(db: Db, key: OrderKey, holder: OrderHolder | null): Promise<void> {
  await db
    .updateTable('orders')
    .set({ assigned_to_json: holder ? JSON.stringify(holder) : null, ...(holder ? { assignment_expired_json: null } : {}) })
    .where('order_type', '=', key.orderType)
    .where('id', '=', key.id)
    .execute();
}

/** `claim` null: this desk holds no confirmed claim on the job's order (any more). */
export async function setJobClaimed(db: Db, jobId: number, claim: { at: string; by: string } | null): Promise<void> {
  await db.updateTable('jobs').set({ claimed_at: claim?.at ?? null, claimed_by: claim?.by ?? null }).where('id', '=', jobId).execute();
}

/** A claim, release or take-over of the job's order still on its way (not delivered, refused or dropped). */
export async function hasPendingAssignment(db: Db, jobId: number): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('job_id', '=', jobId)
    .where('kind', '=', 'assignment')
    .where('state', 'in', ['queued', 'sending', 'retry', 'paused'])
    .executeTakeFirst();
  return row !== undefined;
}

export interface ClaimedJobRow {
  id: number;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  order_number: string;
  workflow_state: string;
  updated_at: string;
  claimed_at: string;
  assigned_to_json: string | null;
  assignment_expired_json: string | null;
}

/** Open jobs whose order the server confirmed `username`'s claim for on this desk, with what the server says now. */
export async function listClaimedJobs(db: Db, username: string): Promise<ClaimedJobRow[]> {
  return db
    .selectFrom('jobs')
    .innerJoin('orders as o', (join) => join.onRef('o.order_type', '=', 'jobs.order_type').onRef('o.id', '=', 'jobs.order_id'))
    .select(['jobs.id', 'jobs.order_type', 'jobs.order_id', 'jobs.order_number', 'jobs.workflow_state', 'jobs.updated_at', 'o.assigned_to_json', 'o.assignment_expired_json'])
    .select(sql<string>`jobs.claimed_at`.as('claimed_at'))
    .where('jobs.claimed_at', 'is not', null)
    .where('jobs.claimed_by', '=', username)
    .where('jobs.workflow_state', 'not in', [...FINISHED_STATES])
    .execute();
}

/** Orders whose last claim the server ended for inactivity, for the managers' notice. */
export async function listExpiredClaims(db: Db): Promise<{ order_type: 'claim_purchase' | 'claim_order'; id: number; order_number: string; expired: ExpiredClaim }[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['order_type', 'id', 'order_number', 'assignment_expired_json'])
    .where('assignment_expired_json', 'is not', null)
    .where('gone_at', 'is', null)
    .execute();
  return rows.flatMap((row) => {
    try {
      return [{ order_type: row.order_type, id: row.id, order_number: row.order_number, expired: JSON.parse(row.assignment_expired_json ?? 'null') as ExpiredClaim }];
    } catch {
      return [];
    }
  });
}

/** Listed orders the server says someone holds, oldest claim first (the dashboard's "being worked elsewhere"). */
export async function listHeldOrders(db: Db): Promise<{ order_type: 'claim_purchase' | 'claim_order'; id: number; order_number: string; holder: OrderHolder }[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['order_type', 'id', 'order_number', 'assigned_to_json'])
    .where('assigned_to_json', 'is not', null)
    .where('gone_at', 'is', null)
    .execute();
  return rows
    .flatMap((row) => {
      const holder = parseStoredHolder(row.assigned_to_json);
      return holder ? [{ order_type: row.order_type, id: row.id, order_number: row.order_number, holder }] : [];
    })
    .sort((a, b) => a.holder.since.localeCompare(b.holder.since));
}
