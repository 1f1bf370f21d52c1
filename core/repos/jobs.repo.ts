/** Fulfilment jobs: local work, one row per order. The service validates every JSON column in and out. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import type { Db, JobsTable } from '../db/schema';
import { claimsDeliveredOfJob, deliveriesOfJob } from './workflow-sql';

export type JobRow = Selectable<JobsTable>;
export type NewJobRow = Insertable<JobsTable>;
/** Everything but the identity and the order it belongs to may change. */
export type JobRowUpdate = Partial<Omit<JobsTable, 'id' | 'order_type' | 'order_id' | 'created_at'>> & { updated_at: string };

export interface JobSummaryRow {
  id: number;
  order_type: JobsTable['order_type'];
  order_id: number;
  step: string;
  updated_at: string;
  order_number: string | null;
  project_name: string | null;
  claims_purchased: number | null;
  claims_laid_out: number | null;
  order_status: string | null;
  order_gone_at: string | null;
  conflict_ack: string | null;
  /** Uploads of this job the server accepted. */
  delivered: number | null;
  workflow_state: string;
  claims_delivered: number;
}

export interface ConflictInputRow {
  order_status: string | null;
  order_gone_at: string | null;
  conflict_ack: string | null;
  delivered: number;
}

/** Uploads of the row's job the server confirmed (the conflict check's "delivered"). */
const deliveredUploads = () => deliveriesOfJob(sql`jobs.id`).as('delivered');

/** Jobs with their order's cached row (status, gone): a job outlives its order leaving the queue. */
const jobsWithOrder = (db: Db) =>
  db.selectFrom('jobs').leftJoin('orders as o', (join) => join.onRef('o.order_type', '=', 'jobs.order_type').onRef('o.id', '=', 'jobs.order_id'));

/** What jobConflict() needs for one job: its order's cached status and whether an upload was delivered. */
export async function getConflictInputs(db: Db, jobId: number): Promise<ConflictInputRow | undefined> {
  return jobsWithOrder(db)
    .select(['o.status as order_status', 'o.gone_at as order_gone_at', 'jobs.conflict_ack', deliveredUploads()])
    .where('jobs.id', '=', jobId)
    .executeTakeFirst();
}

/** What a saved change answers besides the workflow view (JobChange): the conflict's inputs and the job's own columns. */
export async function getJobChangeInputs(
  db: Db,
  jobId: number,
): Promise<(ConflictInputRow & Pick<JobRow, 'claim_package_id' | 'claim_package_number' | 'updated_at'>) | undefined> {
  return jobsWithOrder(db)
    .select(['o.status as order_status', 'o.gone_at as order_gone_at', 'jobs.conflict_ack', deliveredUploads(), 'jobs.claim_package_id', 'jobs.claim_package_number', 'jobs.updated_at'])
    .where('jobs.id', '=', jobId)
    .executeTakeFirst();
}

export async function setConflictAck(db: Db, jobId: number, status: string | null): Promise<void> {
  await db.updateTable('jobs').set({ conflict_ack: status }).where('id', '=', jobId).execute();
}

/** Inserts the job unless the order already has one (a second pull racing the first); returns whether it did. */
export async function insertJobIfAbsent(db: Db, row: NewJobRow): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.columns(['order_type', 'order_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getJobRow(db: Db, jobId: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
}

export async function getJobRowByOrder(db: Db, key: OrderKey): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('order_type', '=', key.orderType).where('order_id', '=', key.id).executeTakeFirst();
}

export async function updateJobRow(db: Db, jobId: number, update: JobRowUpdate): Promise<void> {
  await db.updateTable('jobs').set(update).where('id', '=', jobId).execute();
}

/**
 * The jobs list, most recently updated first, from the job's own columns so the list does not parse every job's
 * polygons and layout (only the project name, which nothing filters on, is read out of the order snapshot).
 */
export async function listJobSummaryRows(db: Db): Promise<JobSummaryRow[]> {
  return jobsWithOrder(db)
    .select([
      'jobs.id',
      'jobs.order_type',
      'jobs.order_id',
      'jobs.step',
      'jobs.updated_at',
      'o.status as order_status',
      'o.gone_at as order_gone_at',
      'jobs.conflict_ack',
      deliveredUploads(),
      'jobs.workflow_state',
      claimsDeliveredOfJob(sql`jobs.id`).as('claims_delivered'),
      'jobs.order_number',
      sql<string | null>`json_extract(order_context_json, '$.projectName')`.as('project_name'),
      'jobs.claims_purchased',
      'jobs.claims_laid_out',
    ])
    .orderBy('jobs.updated_at', 'desc')
    .orderBy('jobs.id', 'desc')
    .execute();
}
