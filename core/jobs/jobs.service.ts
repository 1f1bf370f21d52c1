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
import type { Job, JobChange, JobCore, JobPatch, JobSummary, LocationLookup } from '../../shared/jobs/job.types';
import type { Layout } from '../../shared/layout/layout.types';
import { canOverride } from '../../shared/workflow/workflow.machine';
import type { Database } from '../db/schema';
import { getOrderRow } from '../repos/orders.repo';
import { getConflictInputs, getJobChangeInputs, getJobRow, getJobRowByOrder, insertJobIfAbsent, listJobSummaryRows, updateJobRow } from '../repos/jobs.repo';
import type { OutboxService } from '../outbox/outbox.service';
import { transitionAndQueue } from '../outbox/outbox-writer';
import type { WorkflowService } from '../workflow/workflow.service';
import { newJobFromOrder } from './job-from-order';
import { applyJobPatch, checkJobPatch, checkParsedPatch } from './job-patch';
import { conflictFrom, jobToNewRow, rowToJob, rowToJobOnRead, toJobSummary } from '../repos/jobs.mapper';
import { applyPatchWorkflow, layoutChangedBy } from './job-workflow';
import { noteSavedLayout } from '../workflow/job-check-cache';
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
  /**
   * saveJob for a layout alone, answered with what main changed (the layout is the caller's, not sent back). The
   * layout is one the IPC contract parsed (layoutSchema): it is not parsed again.
   */
  saveLayout(jobId: number, layout: Layout): Promise<JobChange>;
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

  /**
   * A job change in one transaction with the workflow events it is (job-workflow.ts), announced to the views
   * (onChanged) unless it changed the layout's claims alone and moved nothing else (no state, no log line, nothing
   * queued, the same number of claims): nothing another view shows changed, and the window that saved it has main's
   * answer; read anew, the job would cost main its whole layout again per edit.
   */
  async function applyPatch(jobId: number, patch: JobPatch): Promise<void> {
    // Who decided, read before the transaction: the session is not part of it.
    const actor = await deps.workflow.requireActor();
    if (patch.capacityOverride && !canOverride(actor.role)) {
      throw new AppError(
        'forbidden',
        `Only a manager or admin can accept more claims than were purchased; you are signed in as ${actor.role}. Ask one to record it with a reason.`,
      );
    }
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await getJobRow(trx, jobId);
      if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
      // Parsed only if the change reads the job (a zone, the location, a capacity override): a layout edit does not.
      const current = rowToJobOnRead(row);
      const at = deps.now().toISOString();
      const update = applyJobPatch(current, patch, { user: actor.username, at });
      await updateJobRow(trx, jobId, update);
      const workflow = await applyPatchWorkflow(trx, current, patch, layoutChangedBy(row, update), actor, at);
      const renewed = await renewClaimIfDue(trx, jobId, actor, at);
      const claimsOnly = Object.keys(patch).every((key) => key === 'layout') && update.claims_laid_out === row.claims_laid_out;
      return { update, queued: workflow.queued || renewed, quiet: claimsOnly && !workflow.moved && !workflow.queued && !renewed };
    });
    // The layout written is the patch's (no zone change reprojected it): the next read of the job need not parse it.
    if (patch.layout && outcome.update.epsg === undefined && outcome.update.layout_json !== undefined) {
      noteSavedLayout(jobId, outcome.update.layout_json, patch.layout);
    }
    if (!outcome.quiet) deps.onChanged?.([jobId]);
    if (outcome.queued) deps.outbox?.kick();
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
      await applyPatch(jobId, checkJobPatch(rawPatch));
      return getJob(jobId);
    },

    async saveLayout(jobId, layout) {
      // Parsed once, by the IPC contract (layoutSchema, the same as jobPatchSchema's layout): only the rules a
      // schema cannot state are checked here.
      await applyPatch(jobId, checkParsedPatch({ layout }));
      // What present() derives, from the row's own columns: the layout is not read again only to be dropped.
      const row = await getJobChangeInputs(db, jobId);
      if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
      return {
        id: jobId,
        serverPackage: row.claim_package_id === null ? null : { id: row.claim_package_id, number: row.claim_package_number },
        conflict: conflictFrom(row),
        workflow: await deps.workflow.view(jobId),
        updatedAt: row.updated_at,
      };
    },
  };
}
