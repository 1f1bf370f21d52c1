/** The outbox (0004): entries to deliver, their document snapshots, and the state machine's writes. */
import { sql, type Selectable } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Db, OutboxDocumentsTable, OutboxTable } from '../db/schema';
import { getCacheServer } from './cache-binding.repo';

export type OutboxRow = Selectable<OutboxTable>;
export type OutboxDocumentRow = Selectable<OutboxDocumentsTable>;
export type OutboxState = OutboxTable['state'];

/** States that still owe the server something; an entry in one of them holds back its job's later entries. */
export const OPEN_STATES: readonly OutboxState[] = ['queued', 'sending', 'retry', 'paused', 'needs_review', 'failed'];

/** Who queues an entry names themselves; the server is the cache's own, read in the same transaction. */
export type NewOutboxEntry = Omit<OutboxTable, 'seq' | 'attempts' | 'response_json' | 'done_at' | 'last_error' | 'next_attempt_at' | 'server_url' | 'queued_by' | 'lease_owner' | 'lease_expires_at'> & {
  queued_by: string;
};

export async function insertOutboxEntry(trx: Db, entry: NewOutboxEntry, documents: Omit<OutboxDocumentsTable, 'outbox_id' | 'server_document_id'>[]): Promise<void> {
  const serverUrl = await getCacheServer(trx);
  if (serverUrl === null) throw new AppError('auth-required', 'Sign in before queueing anything for the server: every entry is sent to the server and under the account it was queued for.');
  const { next } = await trx.selectFrom('outbox').select(sql<number>`coalesce(max(seq), 0) + 1`.as('next')).executeTakeFirstOrThrow();
  await trx
    .insertInto('outbox')
    .values({ ...entry, server_url: serverUrl, seq: next, attempts: 0, next_attempt_at: null, last_error: null, response_json: null, done_at: null, lease_owner: null, lease_expires_at: null })
    .execute();
  if (documents.length > 0) {
    await trx
      .insertInto('outbox_documents')
      .values(documents.map((doc) => ({ ...doc, outbox_id: entry.id, server_document_id: null })))
      .execute();
  }
}

/** The server and account a session sends under: only entries queued under both are its to send. */
export interface SendingAccount {
  serverUrl: string;
  username: string;
}

/**
 * Entries to send now, in creation order: queued or retrying, due, queued under this server and account, and not
 * held back by an earlier entry of the same job that is still open, whoever queued it (a job's status change must
 * not overtake its upload, or the other way round). Entries of no job (crew decisions) are held back by earlier
 * ones of no job, so a withdrawal never overtakes the interest it withdraws.
 */
export async function listDueEntries(db: Db, nowIso: string, account: SendingAccount | null, limit = 50): Promise<OutboxRow[]> {
  let query = db.selectFrom('outbox as o').selectAll('o');
  // null: any account's (only to tell whether work waits for a sign-in).
  if (account) query = query.where('o.server_url', '=', account.serverUrl).where('o.queued_by', '=', account.username);
  return query
    .where('o.state', 'in', ['queued', 'retry'])
    .where((eb) => eb.or([eb('o.next_attempt_at', 'is', null), eb('o.next_attempt_at', '<=', nowIso)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox as p')
            .select('p.id')
            .where((eb) => eb.or([eb('p.job_id', '=', eb.ref('o.job_id')), eb.and([eb('p.job_id', 'is', null), eb('o.job_id', 'is', null)])]))
            .whereRef('p.seq', '<', 'o.seq')
            .where('p.state', 'in', [...OPEN_STATES]),
        ),
      ),
    )
    .orderBy('o.seq')
    .limit(limit)
    .execute();
}

/** The earliest time any waiting entry becomes due (to schedule the next run), or null. */
export async function nextDueAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select(sql<string | null>`min(next_attempt_at)`.as('at'))
    .where('state', '=', 'retry')
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function getOutboxEntry(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOutboxEntries(db: Db, filter: { jobId?: number; includeClosed?: boolean } = {}): Promise<OutboxRow[]> {
  let query = db.selectFrom('outbox').selectAll().orderBy('seq', 'desc');
  if (filter.jobId !== undefined) query = query.where('job_id', '=', filter.jobId);
  if (!filter.includeClosed) query = query.where('state', 'in', [...OPEN_STATES]);
  return query.execute();
}

export async function listOutboxDocuments(db: Db, outboxId: string): Promise<OutboxDocumentRow[]> {
  return db.selectFrom('outbox_documents').selectAll().where('outbox_id', '=', outboxId).orderBy('file_name').execute();
}

export async function setEntryState(
  db: Db,
  id: string,
  change: Partial<Pick<OutboxTable, 'state' | 'next_attempt_at' | 'last_error' | 'response_json' | 'done_at'>> & { updated_at: string },
  options: { countAttempt?: boolean; onlyFrom?: readonly OutboxState[]; leasedBy?: string } = {},
): Promise<boolean> {
  let query = db.updateTable('outbox').set({ ...change, ...(options.countAttempt ? { attempts: sql<number>`attempts + 1` } : {}) }).where('id', '=', id);
  if (options.onlyFrom) query = query.where('state', 'in', [...options.onlyFrom]);
  // An outcome is written only by the sender still holding the lease, and ends it.
  if (options.leasedBy !== undefined) {
    query = query.where('state', '=', 'sending').where('lease_owner', '=', options.leasedBy).set({ lease_owner: null, lease_expires_at: null });
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The server's id of each document an upload delivered, by file name, in one statement (names the entry does not hold are ignored). */
export async function setServerDocumentIds(db: Db, outboxId: string, documents: readonly { filename: string; documentId: number }[]): Promise<void> {
  if (documents.length === 0) return;
  const ids = JSON.stringify(documents.map((doc) => [doc.filename, doc.documentId]));
  await sql`UPDATE outbox_documents SET server_document_id = j.value ->> 1
    FROM json_each(${ids}) AS j
    WHERE outbox_documents.outbox_id = ${outboxId} AND outbox_documents.file_name = j.value ->> 0`.execute(db);
}

/** A new sign-in releases the entries a 401 paused. */
export async function resumePaused(db: Db, nowIso: string): Promise<number> {
  const result = await db.updateTable('outbox').set({ state: 'retry', next_attempt_at: null, updated_at: nowIso }).where('state', '=', 'paused').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function countByState(db: Db): Promise<Partial<Record<OutboxState, number>>> {
  const rows = await db.selectFrom('outbox').select(['state', sql<number>`count(*)`.as('n')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}

export async function setJobServerPackage(db: Db, jobId: number, id: number, number: string | null): Promise<void> {
  await db.updateTable('jobs').set({ claim_package_id: id, claim_package_number: number }).where('id', '=', jobId).execute();
}

export async function listOutboxIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('outbox').select('id').execute()).map((row) => row.id);
}

/** Jobs whose current package has not been queued for upload yet (what `upload --all-ready` sends). */
export async function listJobsReadyToUpload(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('packages as p')
    .select('p.job_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox as o')
            .select('o.id')
            .whereRef('o.job_id', '=', 'p.job_id')
            .where('o.kind', '=', 'upload')
            .where('o.state', '!=', 'discarded')
            .whereRef('o.created_at', '>=', 'p.generated_at'),
        ),
      ),
    )
    .orderBy('p.job_id')
    .execute();
  return rows.map((row) => row.job_id);
}

/** An upload of this job still waiting or being sent: queueing another would send the package twice. */
export async function openUploadOf(db: Db, jobId: number): Promise<OutboxRow | undefined> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('kind', '=', 'upload')
    .where('state', 'in', [...OPEN_STATES])
    .orderBy('seq')
    .executeTakeFirst();
}
