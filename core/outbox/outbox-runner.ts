/**
 * Sends what the outbox holds. One entry at a time, oldest first; an entry still open holds back the later
 * entries of its job. Each send happens outside any transaction and its outcome is written in one transaction
 * with everything it teaches us (the server's package id on the job, document ids). Entries a crash left
 * "sending" are resumed at start: the entry id is the Idempotency-Key, so the server answers a resend with the
 * first answer instead of doing the work twice.
 */
import type { Kysely, Transaction } from 'kysely';
import { classifySend, type SendOutcome } from '../../shared/outbox/classify-send';
import type { Database } from '../db/schema';
import { RequestError, type GeoDbClient } from '../api/geodb-client';
import { getJobRow } from '../repos/jobs.repo';
import {
  listDueEntries,
  listOutboxDocuments,
  nextDueAt,
  resumeInFlight,
  resumePaused,
  setEntryPayload,
  setEntryState,
  setJobServerPackage,
  setServerDocumentId,
  type OutboxRow,
} from '../repos/outbox.repo';
import { sendEntry, type SendAnswer } from './outbox-send';
import { uploadPayloadSchema } from '../../shared/outbox/outbox.types';

/** Pins the package id of an upload's first attempt into its payload, so retries repeat the request exactly. */
async function fixSentPackageId(db: Kysely<Database>, entry: OutboxRow, current: number | null): Promise<OutboxRow> {
  const payload = uploadPayloadSchema.parse(JSON.parse(entry.payload_json));
  if (payload.sentPackageId !== undefined) return entry;
  const payloadJson = JSON.stringify({ ...payload, sentPackageId: current });
  await setEntryPayload(db, entry.id, payloadJson);
  return { ...entry, payload_json: payloadJson };
}

export interface OutboxRunnerDeps {
  db: Kysely<Database>;
  dataDir: string;
  getAuth: () => Promise<{ serverUrl: string; token: string } | null>;
  createClient: (serverUrl: string) => GeoDbClient;
  /** The server refused the token (401): drop it so the app asks for a sign-in. */
  onUnauthorized?: () => Promise<void>;
  now: () => Date;
  random?: () => number;
  /** Told after every state change, so the queue view can refresh. */
  onChange?: () => void;
  /**
   * Runs inside the transaction that records an outcome, so what the outcome means elsewhere (the workflow's
   * UPLOAD_DELIVERED) commits with it.
   */
  afterRecord?: (trx: Transaction<Database>, entry: OutboxRow, outcome: SendOutcome['state']) => Promise<void>;
  /** Told after the outcome is committed (notifications). */
  onRecorded?: (entry: OutboxRow, outcome: SendOutcome['state'], message: string | null) => void;
  /** Test hook: the crash tests kill the process at each of these points of a send. */
  onStep?: (step: SendStep, entryId: string) => void;
}

/** The points of one send: marked as being sent, answer (or failure) in hand, outcome committed. */
export type SendStep = 'marked-sending' | 'answer-received' | 'recorded';

export interface DrainReport {
  sent: number;
  delivered: number;
  /** Why the run stopped early: no sign-in, or the server refused it (the queue is paused). */
  stoppedBy: 'signed-out' | 'paused-auth' | null;
}

export interface OutboxRunner {
  /** Resume entries a crash left in flight. Call once at start. */
  recover(): Promise<number>;
  /** Send everything due now; resolves when nothing due is left (or the run had to stop). */
  drain(): Promise<DrainReport>;
  /** A new sign-in: release paused entries and send. */
  resumeAfterSignIn(): Promise<DrainReport>;
  /** When the earliest waiting entry becomes due (ISO), for scheduling; null when none waits. */
  nextDueAt(): Promise<string | null>;
  /** Resolves when no run is in progress (for shutdown). */
  whenIdle(): Promise<void>;
}

function failureOf(error: unknown): Parameters<typeof classifySend>[0] {
  if (error instanceof RequestError) return error.failure;
  // A missing snapshot file or an unreadable payload: nothing a retry can fix.
  return { kind: 'bad-response', message: error instanceof Error ? error.message : String(error) };
}

export function createOutboxRunner(deps: OutboxRunnerDeps): OutboxRunner {
  const random = deps.random ?? Math.random;
  let running: Promise<DrainReport> | null = null;

  async function record(entry: OutboxRow, outcome: SendOutcome, answer: SendAnswer | null): Promise<void> {
    const at = deps.now();
    const iso = at.toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await writeOutcome(trx);
      await deps.afterRecord?.(trx, entry, outcome.state);
    });
    deps.onRecorded?.(entry, outcome.state, 'message' in outcome ? outcome.message : null);
    deps.onChange?.();

    async function writeOutcome(trx: Transaction<Database>): Promise<void> {
      switch (outcome.state) {
        case 'done': {
          await setEntryState(trx, entry.id, { state: 'done', done_at: iso, updated_at: iso, last_error: null, next_attempt_at: null, response_json: JSON.stringify(answer?.answer ?? null) }, { countAttempt: true });
          if (answer?.kind === 'upload') {
            await setJobServerPackage(trx, entry.job_id, answer.answer.package.id, answer.answer.package.package_number);
            for (const doc of answer.answer.documents) await setServerDocumentId(trx, entry.id, doc.filename, doc.document_id);
          }
          return;
        }
        case 'retry':
          await setEntryState(trx, entry.id, { state: 'retry', next_attempt_at: new Date(at.getTime() + outcome.delayMs).toISOString(), last_error: outcome.message, updated_at: iso }, { countAttempt: true });
          return;
        case 'paused-auth':
          // Not the entry's fault: no attempt is counted.
          await setEntryState(trx, entry.id, { state: 'paused', last_error: outcome.message, updated_at: iso });
          return;
        case 'needs-review':
          await setEntryState(trx, entry.id, { state: 'needs_review', last_error: outcome.message, updated_at: iso }, { countAttempt: true });
          return;
        case 'failed':
          await setEntryState(trx, entry.id, { state: 'failed', last_error: outcome.message, updated_at: iso }, { countAttempt: true });
          return;
      }
    }
  }

  async function sendOne(original: OutboxRow, client: GeoDbClient, token: string): Promise<SendOutcome['state']> {
    let entry = original;
    const marked = await setEntryState(deps.db, entry.id, { state: 'sending', updated_at: deps.now().toISOString() }, { onlyFrom: ['queued', 'retry'] });
    if (!marked) return 'retry'; // someone discarded or retried it meanwhile
    deps.onChange?.();
    deps.onStep?.('marked-sending', entry.id);
    const job = await getJobRow(deps.db, entry.job_id);
    const documents = entry.kind === 'upload' ? await listOutboxDocuments(deps.db, entry.id) : [];
    if (entry.kind === 'upload') entry = await fixSentPackageId(deps.db, entry, job?.claim_package_id ?? null);
    let answer: SendAnswer | null = null;
    let outcome: SendOutcome;
    try {
      answer = await sendEntry(entry, { client, token, dataDir: deps.dataDir, documents, claimPackageId: job?.claim_package_id ?? null });
      outcome = { state: 'done' };
    } catch (error) {
      outcome = classifySend(failureOf(error), entry.attempts + 1, random);
    }
    deps.onStep?.('answer-received', entry.id);
    await record(entry, outcome, answer);
    deps.onStep?.('recorded', entry.id);
    if (outcome.state === 'paused-auth') await deps.onUnauthorized?.();
    return outcome.state;
  }

  async function drainNow(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, delivered: 0, stoppedBy: null };
    for (;;) {
      const due = await listDueEntries(deps.db, deps.now().toISOString(), 1);
      const entry = due[0];
      if (!entry) return report;
      const auth = await deps.getAuth();
      if (!auth) return { ...report, stoppedBy: 'signed-out' };
      const state = await sendOne(entry, deps.createClient(auth.serverUrl), auth.token);
      report.sent += 1;
      if (state === 'done') report.delivered += 1;
      if (state === 'paused-auth') return { ...report, stoppedBy: 'paused-auth' };
    }
  }

  const drain = (): Promise<DrainReport> => {
    // One run at a time: a second caller shares the run in progress rather than racing it for the same entries.
    if (!running) running = drainNow().finally(() => (running = null));
    return running;
  };

  return {
    recover: () => resumeInFlight(deps.db, deps.now().toISOString()),
    drain,
    async resumeAfterSignIn() {
      await resumePaused(deps.db, deps.now().toISOString());
      return drain();
    },
    nextDueAt: () => nextDueAt(deps.db),
    async whenIdle() {
      await running?.catch(() => undefined);
    },
  };
}
