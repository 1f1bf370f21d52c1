/**
 * A cached order's fulfilment job, or, when it has none, its claims as drawn made into an in-memory job (never
 * stored): what the CLI checks or compares without pulling the order (`validate --order`, `as-staked --order`).
 * Reads the cache only.
 */
import type { Kysely } from 'kysely';
import { orderKeyString, type OrderIssue, type OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import type { JobCore, LocationLookup } from '../../shared/jobs/job.types';
import type { Database } from '../db/schema';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRowByOrder } from '../repos/jobs.repo';
import { getOrderRow } from '../repos/orders.repo';
import { newJobFromOrder, withOrderLayout } from './job-from-order';

export interface CachedJob {
  job: Omit<JobCore, 'id'>;
  /** From its fulfilment job, or from the order's claims as drawn (no job yet). */
  source: 'job' | 'order';
  orderNumber: string;
  /** The cached order's own problems, for an order without a job (a job's layout is staff's since the pull). */
  orderProblems: OrderIssue[];
}

export async function cachedJobOrDraft(
  db: Kysely<Database>,
  key: OrderKey,
  lookupLocation: (lon: number, lat: number) => LocationLookup,
  now: Date,
): Promise<CachedJob> {
  const found = await getOrderRow(db, key);
  if (!found) throw new AppError('not-found', `Order ${orderKeyString(key)} is not in the local cache: sync, then try again.`);
  const jobRow = await getJobRowByOrder(db, key);
  if (jobRow) return { job: rowToJob(jobRow), source: 'job', orderNumber: found.row.order_number, orderProblems: [] };
  return {
    job: withOrderLayout(newJobFromOrder(found.row, found.payload, lookupLocation, now.toISOString())),
    source: 'order',
    orderNumber: found.row.order_number,
    orderProblems: JSON.parse(found.row.problems_json) as OrderIssue[],
  };
}
