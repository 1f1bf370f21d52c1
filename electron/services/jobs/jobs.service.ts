/**
 * Fulfilment jobs: `pullOrder` turns a cached order into its job (or resumes the one it has), `saveJob` applies
 * the wizard's changes. A job is local work: it keeps a snapshot of the order, so it survives the order
 * changing or leaving the queue, and every step's state, so the app can close at any point and resume exactly.
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../../shared/domain/order.types';
import { AppError } from '../../../shared/errors';
import type { Job, JobSummary, LocationLookup } from '../../../shared/jobs/job.types';
import type { Database } from '../db/schema';
import { getOrderRow } from '../repos/orders.repo';
import { getConflictInputs, getJobRow, getJobRowByOrder, insertJobIfAbsent, listJobSummaryRows, updateJobRow } from '../repos/jobs.repo';
import { newJobFromOrder } from './job-from-order';
import { applyJobPatch, checkJobPatch } from './job-patch';
import { conflictFrom, jobToNewRow, rowToJob, toJobSummary } from './job-row.mapper';

export interface JobsServiceDeps {
  db: Kysely<Database>;
  lookupLocation: (lon: number, lat: number) => LocationLookup;
  /** Who is signed in, recorded on a capacity override. */
  currentUser: () => Promise<string | null>;
  now: () => Date;
}

export interface JobsService {
  pullOrder(key: OrderKey): Promise<Job>;
  getJob(jobId: number): Promise<Job>;
  listJobs(): Promise<JobSummary[]>;
  saveJob(jobId: number, patch: unknown): Promise<Job>;
}

export function createJobsService(deps: JobsServiceDeps): JobsService {
  const { db } = deps;

  async function withConflict(job: Job): Promise<Job> {
    const inputs = await getConflictInputs(db, job.id);
    if (!inputs) return job;
    return { ...job, conflict: conflictFrom(inputs) };
  }

  async function getJob(jobId: number): Promise<Job> {
    const row = await getJobRow(db, jobId);
    if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
    return withConflict(rowToJob(row));
  }

  async function buildJob(key: OrderKey): Promise<Omit<Job, 'id'>> {
    const found = await getOrderRow(db, key);
    if (!found) throw new AppError('not-found', `Order ${key.orderType} #${key.id} is not in the local cache. Sync, then try again.`);
    return newJobFromOrder(found.row, found.payload, deps.lookupLocation, deps.now().toISOString());
  }

  return {
    getJob,

    async pullOrder(key) {
      // Resume: an existing job is returned exactly as it is; pulling never resets work.
      const existing = await getJobRowByOrder(db, key);
      if (existing) return withConflict(rowToJob(existing));
      const job = await buildJob(key);
      // A second pull of the same order racing this one: the UNIQUE key keeps one job, both callers get it.
      await insertJobIfAbsent(db, jobToNewRow(job));
      const row = await getJobRowByOrder(db, key);
      if (!row) throw new AppError('internal', `The job for order ${key.orderType} #${key.id} was not stored.`);
      return withConflict(rowToJob(row));
    },

    async listJobs() {
      return (await listJobSummaryRows(db)).map(toJobSummary);
    },

    async saveJob(jobId, rawPatch) {
      const patch = checkJobPatch(rawPatch);
      // Who decided (an override, a zone choice), read before the transaction: the session is not part of it.
      const user = patch.capacityOverride || patch.epsg !== undefined ? await deps.currentUser() : null;
      return db.transaction().execute(async (trx) => {
        const row = await getJobRow(trx, jobId);
        if (!row) throw new AppError('not-found', `Job ${jobId} does not exist.`);
        const current = rowToJob(row);
        const at = deps.now().toISOString();
        const update = applyJobPatch(current, patch, { user: user ?? 'unknown', at });
        await updateJobRow(trx, jobId, update);
        const saved = await getJobRow(trx, jobId);
        return rowToJob(saved!);
      }).then(withConflict);
    },
  };
}

