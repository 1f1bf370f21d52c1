/**
 * The facts the workflow's guards read for one job, as they stand inside the caller's transaction: the workflow
 * columns, the order's payment, the claims purchased, laid out and delivered, whether a package exists, and what
 * the job check (shared/jobs/check-job.ts) says about the layout and the claimant.
 */
import { parseStoredHolder } from '../../shared/assignment/read-assignment';
import { AppError } from '../../shared/errors';
import type { JobCheck } from '../../shared/jobs/check-job';
import { paymentStateSchema, type WorkflowContext } from '../../shared/workflow/workflow.types';
import type { Db } from '../db/schema';
import { getJobRow } from '../repos/jobs.repo';
import { getWorkflowFacts, type WorkflowFactsRow } from '../repos/workflow.repo';
import { jobCheckOf } from './job-check-cache';

export interface JobFacts {
  facts: WorkflowFactsRow;
  check: JobCheck;
}

/**
 * The job check is made when first read, and then only for what changed since the job's last check
 * (job-check-cache.ts): from nothing it checks the whole layout (tenths of a second at thousands of claims), and most
 * events have no guard that reads it (queueing and recording an upload, every system event). `readsCheck` says from
 * the facts whether it can be read at all: when not, the job's row (its layout and order, the largest row of the
 * cache) is not read either.
 */
export async function readJobFacts(db: Db, jobId: number, readsCheck: (facts: WorkflowFactsRow) => boolean = () => true): Promise<JobFacts> {
  const facts = await getWorkflowFacts(db, jobId);
  const row = facts && readsCheck(facts) ? await getJobRow(db, jobId) : null;
  if (!facts || row === undefined) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  let check: JobCheck | undefined;
  return {
    facts,
    get check() {
      if (!row) throw new Error(`The check of job ${jobId} was read by a transition said not to read it.`);
      return (check ??= jobCheckOf(row));
    },
  };
}

/**
 * `actorUsername`: who is about to act, so the order's holder counts as someone else only when it is not them
 * (undefined: anyone holding it counts, as for a view nobody signed in to).
 */
export function contextOf(jobFacts: JobFacts, actorUsername?: string): WorkflowContext {
  const { facts } = jobFacts;
  const payment = paymentStateSchema.safeParse(facts.payment_state);
  const holder = parseStoredHolder(facts.assigned_to_json);
  return {
    ...(facts.order_number ? { orderNumber: facts.order_number } : {}),
    paymentState: payment.success ? payment.data : 'unknown',
    claimsPurchased: Number(facts.claims_purchased ?? 0),
    claimsDelivered: Number(facts.claims_delivered),
    claimsLaidOut: Number(facts.claims_laid_out ?? 0),
    hasPackage: facts.has_package === 1,
    capacityOverride: facts.has_capacity_override === 1,
    resumeTo: facts.resume_to,
    // Read by the guards that need them only (layout-invalid, claimant-incomplete), so the check is made only then.
    get layoutProblems() {
      return jobFacts.check.blocking.layout;
    },
    get claimantProblems() {
      return jobFacts.check.blocking.claimant;
    },
    countyRecorded: facts.county_recorded === 1,
    blmFiled: facts.blm_filed === 1,
    heldBy: holder && holder.username !== actorUsername ? { name: holder.name, since: holder.since } : null,
    crewRequired: facts.crew_required === 1,
    crewAssigned: facts.crew_assigned === 1,
  };
}

/** Only the job's state, for a caller that branches on it before firing an event. */
export async function readWorkflowState(db: Db, jobId: number): Promise<WorkflowFactsRow['workflow_state']> {
  const facts = await getWorkflowFacts(db, jobId);
  if (!facts) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  return facts.workflow_state;
}
