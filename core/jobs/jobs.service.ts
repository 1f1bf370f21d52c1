/**
 * Fulfilment jobs: `pullOrder` turns a cached order into its job (or resumes the one it has), `saveJob` applies
 * the wizard's changes. A job is local work: it keeps a snapshot of the order, so it survives the order
 * changing or leaving the queue, and every step's state, so the app can close at any point and resume exactly.
 * A pull and a layout edit are workflow events, applied in the same transaction as the change, so a refused
 * transition (an unpaid order, an edit to a delivered job) leaves nothing behind.
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import type { Job, JobChange, JobCore, JobSummary, LocationLookup } from '../../shared/jobs/job.types';
import { canOverride } from '../../shared/workflow/workflow.machine';
import type { Database } from '../db/schema';
import { getOrderRow } from '../repos/orders.repo';
import { getConflictInputs, getJobRow, getJobRowByOrder, insertJobIfAbsent, listJobSummaryRows, updateJobRow } from '../repos/jobs.repo';
import type { OutboxService } from '../outbox/outbox.service';
import { transitionAndQueue } from '../outbox/outbox-writer';
import type { WorkflowService } from '../workflow/workflow.service';
import { newJobFromOrder } from './job-from-order';
import { applyJobPatch, checkJobPatch } from './job-patch';
import { conflictFrom, jobToNewRow, rowToJob, toJobSummary } from '../repos/jobs.mapper';
import { applyPatchWorkflow } from './job-workflow';
import { heldRefusal, renewClaimIfDue } from './job-assignment';
import { parseStoredHolder } from '../../shared/assignment/read-assignment';

export interface JobsServiceDeps {
  db: Kysely<Database>;
  lookupLocation: (lon: number, lat: number) => LocationLookup;
  /** The actor for every change and the workflow view of each job. */
  workflow: Pick<WorkflowService, 'view' | 'requireActor'>;
  now: () => Date;
  /** An override is recorded on the server while the person who made it is still signed in: it is sent at once. */
  outbox?: Pick<OutboxService, 'kick'>;
  /** A job's workflow may have moved: the views refresh. */
  onChanged?: (jobIds: number[]) => void;
}

export interface JobsService {
  pullOrder(key: OrderKey, override?: { reason: string }): Promise<Job>;
  getJob(jobId: number): Promise<Job>;
  listJobs(): Promise<JobSummary[]>;
  saveJob(jobId: number, patch: unknown): Promise<Job>;
  /** saveJob for a layout alone, answered with what main changed (the layout is the caller's, not sent back). */
  saveLayout(jobId: number, layout: unknown): Promise<JobChange>;
}

export function createJobsService(deps: JobsServiceDeps): JobsService {
  const { db } = deps;

  /** The stored job plus what is derived on read: the conflict flag and the workflow view. */
  async function present(job: JobCore): Promise<Job> {
    const inputs = await getConflictInputs(db, job.id);
    const workflow = await deps.workflow.view(job.id);
    return { ...job, conflict: inputs ? conflictFrom(inputs) : null, workflow };
  }

  async function getJob(jobId: number): Promise<Job> {
    const row = await getJobRow(db, jobId);
    if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
    return present(rowToJob(row));
  }

  async function buildJob(key: OrderKey): Promise<Omit<JobCore, 'id'>> {
    const found = await getOrderRow(db, key);
    if (!found) throw new AppError('not-found', `Order ${key.orderType} #${key.id} is not in the local cache. Sync, then try again.`);
    return newJobFromOrder(found.row, found.payload, deps.lookupLocation, deps.now().toISOString());
  }

  /** A job change in one transaction with the workflow events it is (job-workflow.ts). */
  async function applyPatch(jobId: number, rawPatch: unknown): Promise<void> {
    const patch = checkJobPatch(rawPatch);
    // Who decided, read before the transaction: the session is not part of it.
    const actor = await deps.workflow.requireActor();
    if (patch.capacityOverride && !canOverride(actor.role)) {
      throw new AppError(
        'forbidden',
        `Only a manager or admin can accept more claims than were purchased; you are signed in as ${actor.role}. Ask one to record it with a reason.`,
      );
    }
    const queued = await db.transaction().execute(async (trx) => {
      const row = await getJobRow(trx, jobId);
      if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
      const current = rowToJob(row);
      const at = deps.now().toISOString();
      await updateJobRow(trx, jobId, applyJobPatch(current, patch, { user: actor.username, at }));
      const queued = await applyPatchWorkflow(trx, current, patch, actor, at);
      return (await renewClaimIfDue(trx, jobId, actor, at)) || queued;
    });
    deps.onChanged?.([jobId]);
    if (queued) deps.outbox?.kick();
  }

  return {
    getJob,

    async pullOrder(key, override) {
      // Resume: an existing job is returned exactly as it is, at its last step; pulling never resets work.
      const existing = await getJobRowByOrder(db, key);
      if (existing) return present(rowToJob(existing));
      const job = await buildJob(key);
      const actor = await deps.workflow.requireActor();
      // Another desk holds it: the one sentence every desk shows, before anything is written (the machine's guard
      // still decides a manager's take-over, which needs the override's reason).
      const holder = parseStoredHolder((await getOrderRow(db, key))?.row.assigned_to_json ?? null);
      if (holder && holder.username !== actor.username && !override) throw heldRefusal(holder, actor);
      const at = deps.now().toISOString();
      const queued = await db.transaction().execute(async (trx) => {
        // A second pull of the same order racing this one: the UNIQUE key keeps one job, both callers get it.
        if (!(await insertJobIfAbsent(trx, jobToNewRow(job)))) return false;
        const row = await getJobRowByOrder(trx, key);
        if (!row) throw new AppError('internal', `The job for order ${key.orderType} #${key.id} was not stored.`);
        // Refused (an order awaiting payment without a manager's override): the insert rolls back with it.
        const applied = await transitionAndQueue(trx, row.id, 'PULL', actor, { at, ...(override ? { override } : {}) });
        return applied.entryIds.length > 0;
      });
      const row = await getJobRowByOrder(db, key);
      if (!row) throw new AppError('internal', `The job for order ${key.orderType} #${key.id} was not stored.`);
      deps.onChanged?.([row.id]);
      if (queued) deps.outbox?.kick();
      return present(rowToJob(row));
    },

    async listJobs() {
      return (await listJobSummaryRows(db)).map(toJobSummary);
    },

    async saveJob(jobId, rawPatch) {
      await applyPatch(jobId, rawPatch);
      return getJob(jobId);
    },

    async saveLayout(jobId, layout) {
      await applyPatch(jobId, { layout });
      const row = await getJobRow(db, jobId);
      if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
      // What present() derives, from the row's own columns: the layout is not parsed again only to be dropped.
      const inputs = await getConflictInputs(db, jobId);
      return {
        id: jobId,
        serverPackage: row.claim_package_id === null ? null : { id: row.claim_package_id, number: row.claim_package_number },
        conflict: inputs ? conflictFrom(inputs) : null,
        workflow: await deps.workflow.view(jobId),
        updatedAt: row.updated_at,
      };
    },
  };
}
