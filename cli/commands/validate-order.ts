/**
 * `claimdesk validate --order TYPE:ID`: the cached job (or, without one, the order's claims as drawn) through the
 * same checkJob main's workflow and document generation use, so the CLI refuses exactly what the app refuses, with
 * the same messages. Reads the cache only: no sign-in, no network.
 */
import type { Kysely } from 'kysely';
import { orderKeyString, type OrderIssue, type OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { checkJob, type JobCheck } from '../../shared/jobs/check-job';
import type { Database } from '../../core/db/schema';
import { lookupLocation } from '../../core/geo/location-lookup';
import { newJobFromOrder, withOrderLayout } from '../../core/jobs/job-from-order';
import { rowToJob } from '../../core/repos/jobs.mapper';
import { getJobRowByOrder } from '../../core/repos/jobs.repo';
import { getOrderRow } from '../../core/repos/orders.repo';

export interface ReportIssue {
  /** The claim's name, or null for the order, the job or the file as a whole. */
  claim: string | null;
  code: string;
  message: string;
}

export interface OrderValidateReport {
  order: string;
  /** Checked from its fulfilment job, or from the order's claims as drawn (no job yet). */
  source: 'job' | 'order';
  claims: number;
  state: string | null;
  epsg: number;
  problems: ReportIssue[];
  warnings: ReportIssue[];
}

export const asReportIssue = (issue: { code: string; message: string; claim?: string }): ReportIssue => ({
  claim: issue.claim ?? null,
  code: issue.code,
  message: issue.message,
});

/** Every problem of the check (the order's, the layout's, the state's, the claimant's) and every warning. */
function reportOf(check: JobCheck): Pick<OrderValidateReport, 'problems' | 'warnings'> {
  return {
    problems: [...check.order, ...check.layout.problems, ...check.monuments, ...check.claimant].map(asReportIssue),
    warnings: [...check.layout.warnings, ...check.land].map(asReportIssue),
  };
}

export async function validateCachedOrder(db: Kysely<Database>, key: OrderKey, now: Date): Promise<OrderValidateReport> {
  const found = await getOrderRow(db, key);
  if (!found) throw new AppError('not-found', `Order ${orderKeyString(key)} is not in the local cache: sync, then try again.`);
  const jobRow = await getJobRowByOrder(db, key);
  const job = jobRow ? rowToJob(jobRow) : withOrderLayout(newJobFromOrder(found.row, found.payload, lookupLocation, now.toISOString()));
  const orderProblems = jobRow ? [] : (JSON.parse(found.row.problems_json) as OrderIssue[]);
  const check = checkJob(job, { orderProblems });
  return {
    order: found.row.order_number,
    source: jobRow ? 'job' : 'order',
    claims: job.layout.claims.length,
    state: check.stateCode,
    epsg: job.crs.epsg,
    ...reportOf(check),
  };
}
