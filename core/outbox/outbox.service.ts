/**
 * The outbox as the app and the CLI use it: queue a job's package, list entries for the queue view, retry or
 * discard one, and keep sending in the background (at start, after every change, on a timer so it drains by
 * itself when the network returns, and after a new sign-in). Status changes and override records are queued by
 * the workflow's callers with the transition that causes them (outbox-writer.ts).
 */
import type { Kysely } from 'kysely';
import { AppError, errorMessage } from '../../shared/errors';
import type { OutboxEntryView } from '../../shared/outbox/outbox.types';
import { eventPayloadSchema, eventSummary, statusPayloadSchema, uploadPayloadSchema, assignmentPayloadSchema, assignmentSummary } from '../../shared/outbox/outbox.types';
import { crewPayloadSchema, crewSummary } from '../../shared/crews/crew-payload';
import { uploadJobId } from './outbox-outcome';
import type { Actor } from '../../shared/workflow/workflow.types';
import { applySystemEvent } from '../workflow/apply-transition';
import { readWorkflowState } from '../workflow/workflow-context';
import { transitionAndQueue } from './outbox-writer';
import type { Database } from '../db/schema';
import type { ConflictChoice } from '../../shared/outbox/job-conflict';
import { setConflictAck } from '../repos/jobs.repo';
import { countByState, getOutboxEntry, listJobsReadyToUpload, openUploadOf, listOutboxDocuments, listOutboxEntries, setEntryState, type OutboxRow, type SendingAccount } from '../repos/outbox.repo';
import { describeOwner } from './outbox-lease';
import { enqueueUpload, enqueueUploads, removeOrphanSnapshots } from './outbox-queue';
import type { DrainReport, OutboxRunner } from './outbox-runner';

export interface OutboxServiceDeps {
  db: Kysely<Database>;
  dataDir: string;
  now: () => Date;
  runner: OutboxRunner;
  /** Background sending; 0 disables the timer (CLI, tests drive drain() themselves). */
  intervalMs: number;
  onChange?: () => void;
  onBackgroundError?: (error: unknown) => void;
  /** Who queues, retries or decides: the workflow records it (and refuses when nobody is signed in). */
  currentActor: () => Promise<Actor>;
  /** The server and account this process can send under now (null: none), to say which entries wait for whom. */
  sendingAccount: () => Promise<SendingAccount | null>;
}

export interface OutboxService {
  queueUpload(jobId: number): Promise<OutboxEntryView>;
  /** Many jobs' packages in one transaction; a job that cannot be queued is answered with why, the others are queued. */
  queueUploads(jobIds: readonly number[]): Promise<{ entries: OutboxEntryView[]; refused: { jobId: number; orderNumber: string | null; message: string }[] }>;
  list(filter?: { jobId?: number; includeClosed?: boolean }): Promise<OutboxEntryView[]>;
  retry(id: string): Promise<OutboxEntryView>;
  discard(id: string): Promise<OutboxEntryView>;
  counts(): Promise<Record<string, number>>;
  readyToUpload(): Promise<number[]>;
  drain(): Promise<DrainReport>;
  /** Recover after a crash, then send; starts the timer. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Kick a background send (errors are reported, never thrown). */
  kick(): void;
  /** A new sign-in releases what a 401 paused. */
  resumeAfterSignIn(): void;
  /**
   * A person's decision about a job whose order changed on the server: send the package anyway (the server
   * decides whether it still takes it), keep the work locally (the flag stays down until the status changes
   * again), or discard what is still waiting to be sent. Local files are kept in every case.
   */
  resolveConflict(jobId: number, choice: ConflictChoice, serverStatus: string): Promise<void>;
}

/** Entries per state, every state present (0 when none): the nav badge and the outboxChanged push carry these. */
export async function outboxCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts = await countByState(db);
  return Object.fromEntries(Object.entries(counts).map(([state, n]) => [state, n ?? 0]));
}

/** Why an entry this process cannot send now is waiting: queued under another account, or sent by another process. */
function waitReason(row: OutboxRow, account: SendingAccount | null, ownSender: string): string | null {
  if (row.state === 'sending') return row.lease_owner && row.lease_owner !== ownSender ? `Being sent by ${describeOwner(row.lease_owner)}.` : null;
  if (!['queued', 'retry', 'paused'].includes(row.state)) return null;
  if (account && row.server_url === account.serverUrl && row.queued_by === account.username) return null;
  return `Queued for ${row.queued_by ?? 'an unrecorded account'} on ${row.server_url ?? 'an unrecorded server'}; sign in as them to send.`;
}

/** The payload as JSON, or undefined when it is not (an entry damaged on disk still shows in the outbox, with what can be read). */
function readPayload(row: Pick<OutboxRow, 'payload_json'>): unknown {
  try {
    return JSON.parse(row.payload_json);
  } catch {
    return undefined;
  }
}

async function toView(db: Kysely<Database>, row: OutboxRow, account: SendingAccount | null, ownSender: string): Promise<OutboxEntryView> {
  let orderNumber: string;
  let summary: string;
  let statusChange: OutboxEntryView['statusChange'] = null;
  if (row.kind === 'upload') {
    const payload = uploadPayloadSchema.safeParse(readPayload(row));
    const files = (await listOutboxDocuments(db, row.id)).length;
    orderNumber = payload.success ? payload.data.orderNumber : '';
    summary = `Staking package${payload.success ? ` (generation ${payload.data.packageGeneration}` : ' ('}, ${files} files)`;
  } else if (row.kind === 'crew') {
    const payload = crewPayloadSchema.safeParse(readPayload(row));
    orderNumber = payload.success ? payload.data.orderNumber : '';
    summary = payload.success ? crewSummary(payload.data) : 'Crew decision';
  } else if (row.kind === 'event') {
    const payload = eventPayloadSchema.safeParse(readPayload(row));
    orderNumber = payload.success ? payload.data.orderNumber : '';
    summary = payload.success ? eventSummary(payload.data) : 'Order event';
  } else if (row.kind === 'assignment') {
    const payload = assignmentPayloadSchema.safeParse(readPayload(row));
    orderNumber = payload.success ? payload.data.orderNumber : '';
    summary = payload.success ? assignmentSummary(payload.data) : 'Desk assignment';
  } else {
    const payload = statusPayloadSchema.safeParse(readPayload(row));
    orderNumber = payload.success ? payload.data.orderNumber : '';
    statusChange = payload.success ? payload.data.status : null;
    summary = payload.success ? `Order status → ${payload.data.status.replace('_', ' ')}${payload.data.reason ? ` (${payload.data.reason})` : ''}` : 'Order status change';
  }
  return {
    id: row.id,
    jobId: row.job_id,
    orderNumber,
    kind: row.kind,
    statusChange,
    summary,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    queuedBy: row.queued_by,
    waitReason: waitReason(row, account, ownSender),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
  };
}

export function createOutboxService(deps: OutboxServiceDeps): OutboxService {
  const { db, runner } = deps;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const queueDeps = { db, dataDir: deps.dataDir, now: deps.now };

  const kick = (): void => {
    if (stopped) return;
    runner.drain().catch((error: unknown) => deps.onBackgroundError?.(error));
  };

  async function view(id: string): Promise<OutboxEntryView> {
    const row = await getOutboxEntry(db, id);
    if (!row) throw new AppError('not-found', 'That outbox entry does not exist.');
    return toView(db, row, await deps.sendingAccount(), runner.owner);
  }

  return {
    async queueUpload(jobId) {
      // Queueing twice would send the same package twice: an upload still waiting is returned instead.
      const waiting = await openUploadOf(db, jobId);
      if (waiting) return toView(db, waiting, await deps.sendingAccount(), runner.owner);
      const { entryId } = await enqueueUpload(queueDeps, jobId, await deps.currentActor());
      deps.onChange?.();
      kick();
      return view(entryId);
    },
    async queueUploads(jobIds) {
      const actor = await deps.currentActor();
      const entryIds: string[] = [];
      const fresh: number[] = [];
      for (const jobId of new Set(jobIds)) {
        const waiting = await openUploadOf(db, jobId);
        if (waiting) entryIds.push(waiting.id);
        else fresh.push(jobId);
      }
      const { entries, refused } = await enqueueUploads(queueDeps, fresh, actor);
      entryIds.push(...entries.map((entry) => entry.entryId));
      if (entries.length > 0) {
        deps.onChange?.();
        kick();
      }
      return {
        entries: await Promise.all(entryIds.map(view)),
        refused: refused.map(({ jobId, orderNumber, error }) => ({ jobId, orderNumber, message: errorMessage(error) })),
      };
    },
    async list(filter = {}) {
      const [rows, account] = await Promise.all([listOutboxEntries(db, filter), deps.sendingAccount()]);
      return Promise.all(rows.map((row) => toView(db, row, account, runner.owner)));
    },
    async retry(id) {
      const at = deps.now().toISOString();
      const ok = await setEntryState(db, id, { state: 'retry', next_attempt_at: null, updated_at: at }, { onlyFrom: ['failed', 'needs_review', 'paused', 'retry'] });
      if (!ok) throw new AppError('invalid-request', 'Only a failed, paused, waiting or reviewed entry can be retried.');
      deps.onChange?.();
      kick();
      return view(id);
    },
    async discard(id) {
      const at = deps.now().toISOString();
      await db.transaction().execute(async (trx) => {
        // Never an entry being sent right now: its answer may still arrive and must be recorded.
        const ok = await setEntryState(trx, id, { state: 'discarded', updated_at: at, next_attempt_at: null }, { onlyFrom: ['queued', 'retry', 'paused', 'needs_review', 'failed'] });
        if (!ok) throw new AppError('invalid-request', 'This entry cannot be discarded now (it is being sent, or already closed).');
        const entry = await getOutboxEntry(trx, id);
        // The job's last waiting upload gone: its package is ready to queue again (documents ready).
        if (entry?.kind === 'upload' && !(await openUploadOf(trx, uploadJobId(entry)))) await applySystemEvent(trx, uploadJobId(entry), 'UPLOAD_DISCARDED', at);
      });
      deps.onChange?.();
      return view(id);
    },
    counts: () => outboxCounts(db),
    drain: () => runner.drain(),
    readyToUpload: () => listJobsReadyToUpload(db),
    async start() {
      await removeOrphanSnapshots(queueDeps);
      await runner.recover();
      kick();
      if (deps.intervalMs > 0 && !timer) {
        timer = setInterval(kick, deps.intervalMs);
        timer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      // An entry being sent finishes and is recorded; nothing new starts (the state survives a restart anyway).
      await runner.whenIdle();
    },
    kick,
    async resolveConflict(jobId, choice, serverStatus) {
      const actor = await deps.currentActor();
      const at = deps.now().toISOString();
      if (choice === 'upload') {
        const waiting = await openUploadOf(db, jobId);
        // An upload already waiting (perhaps in review after a 409) is sent again rather than queued twice.
        if (waiting) {
          await db.transaction().execute(async (trx) => {
            if ((await readWorkflowState(trx, jobId)) === 'needs_review') await transitionAndQueue(trx, jobId, 'UPLOAD_QUEUED', actor, { at, reason: 'Upload anyway' });
            await setEntryState(trx, waiting.id, { state: 'retry', next_attempt_at: null, updated_at: at }, { onlyFrom: ['failed', 'needs_review', 'paused', 'retry', 'queued'] });
          });
        } else await enqueueUpload(queueDeps, jobId, actor);
      } else {
        await db.transaction().execute(async (trx) => {
          if (choice === 'discard') {
            for (const entry of await listOutboxEntries(trx, { jobId })) {
              await setEntryState(trx, entry.id, { state: 'discarded', updated_at: at, next_attempt_at: null }, { onlyFrom: ['queued', 'retry', 'paused', 'needs_review', 'failed'] });
            }
          }
          await setConflictAck(trx, jobId, serverStatus);
          // Keep locally: work resumes where it stood. Discard: the package stays, ready to queue again.
          if ((await readWorkflowState(trx, jobId)) === 'needs_review') {
            if (choice === 'keep') await transitionAndQueue(trx, jobId, 'RESUME', actor, { at, reason: `Kept locally after the order was ${serverStatus} on the server` });
            else await applySystemEvent(trx, jobId, 'UPLOAD_DISCARDED', at);
          }
        });
      }
      deps.onChange?.();
      kick();
    },
    resumeAfterSignIn() {
      if (stopped) return;
      runner.resumeAfterSignIn().catch((error: unknown) => deps.onBackgroundError?.(error));
    },
  };
}
