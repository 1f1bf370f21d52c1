/**
 * The planned package of an order as it stands in the local cache, for comparing staked posts without changing
 * anything: its job's layout, or, for an order without a job, its claims as drawn (as `export` makes its package).
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import type { PackageSource } from '../../shared/documents/package-model';
import type { JobCore, LocationLookup } from '../../shared/jobs/job.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { Database } from '../db/schema';
import { jobPackageSource } from '../documents/package-source';
import { newJobFromOrder } from '../jobs/job-from-order';
import { rowToJob } from '../jobs/job-row.mapper';
import { getJobRowByOrder } from '../repos/jobs.repo';
import { getOrderRow } from '../repos/orders.repo';

export async function plannedSourceForOrder(
  db: Kysely<Database>,
  key: OrderKey,
  lookupLocation: (lon: number, lat: number) => LocationLookup,
  now: Date,
): Promise<{ source: PackageSource; job: Omit<JobCore, 'id'> }> {
  const jobRow = await getJobRowByOrder(db, key);
  let job: Omit<JobCore, 'id'>;
  if (jobRow) job = rowToJob(jobRow);
  else {
    const found = await getOrderRow(db, key);
    if (!found) throw new AppError('not-found', `Order ${key.orderType}:${key.id} is not in the local cache: sync, then try again.`);
    const draft = newJobFromOrder(found.row, found.payload, lookupLocation, now.toISOString());
    job = { ...draft, layout: { claims: claimsFromOrder(draft.order.orderClaims, draft.crs.epsg, draft.order.orderNumber || 'Claim'), grid: null } };
  }
  if (job.layout.claims.length === 0) throw new AppError('not-ready', `Order ${job.order.orderNumber} has no claims to compare the staked posts with.`);
  return { source: jobPackageSource(job, jobRow ? 'job' : 'order'), job };
}
