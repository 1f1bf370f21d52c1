/**
 * `claimdesk validate --order TYPE:ID`: the cached job (or, without one, the order's claims as drawn) through the
 * same checkJob main's workflow and document generation use, so the CLI refuses exactly what the app refuses, with
 * the same messages. Reads the cache only: no sign-in, no network.
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import { checkJob, type JobCheck } from '../../shared/jobs/check-job';
import type { Database } from '../../core/db/schema';
import { lookupLocation } from '../../core/geo/location-lookup';
import { cachedJobOrDraft } from '../../core/jobs/cached-job';

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
  const { job, source, orderNumber, orderProblems } = await cachedJobOrDraft(db, key, lookupLocation, now);
  const check = checkJob(job, { orderProblems });
  return {
    order: orderNumber,
    source,
    claims: job.layout.claims.length,
    state: check.stateCode,
    epsg: job.crs.epsg,
    ...reportOf(check),
  };
}
