/**
 * Sends what the outbox holds. One entry at a time, oldest first; an entry still open holds back the later
 * entries of its job. Only entries queued under the signed-in server and account are sent; the others wait for
 * their author. Each send happens outside any transaction and its outcome is written in one transaction with
 * everything it teaches us (the server's package id on the job, document ids) and with the next entry's lease
 * (outbox-take.ts): one transaction and one flush per send. That flush is on disk before the next request leaves;
 * it runs off the thread while the next request is prepared (its files read, its body encoded), and only the
 * request itself waits for it (core/db/relaxed-commit.ts).
 *
 * Several processes may share the cache (the app and the CLI): an entry is taken with a lease (outbox-lease.ts)
 * renewed while its request is in flight, and its outcome is written only while the lease is still held. Entries
 * whose sender died or stopped renewing are taken over: the entry id is the Idempotency-Key, so the server answers
 * a resend with the first answer instead of doing the work twice.
 */
import type { Kysely, Transaction } from 'kysely';
import { errorMessage } from '../../shared/errors';
import { classifySend, type SendOutcome } from '../../shared/outbox/classify-send';
import type { Database } from '../db/schema';
import { RequestError, type GeoDbClient } from '../api/geodb-client';
import { listDueEntries, listOutboxDocuments, nextDueAt, resumePaused, setEntryState, setJobServerPackage, setServerDocumentIds, type OutboxRow } from '../repos/outbox.repo';
import { listSending, releaseAbandoned, renewLease, type Lease } from '../repos/outbox-lease.repo';
import { flushRelaxedCommits, withRelaxedCommit } from '../db/relaxed-commit';
import { newOwnerWithinProcess } from '../platform/process-owner';
import type { SessionAuth } from '../api/geodb-client';
import { isAbandoned, LEASE_HEARTBEAT_MS, LEASE_TTL_MS, leaseExpiry } from './outbox-lease';
import { readSnapshot, sendEntry, type SendAnswer, type SnapshotFiles } from './outbox-send';
import { handBack, sameAccount, takeNext, type DueList, type Taken } from './outbox-take';
import { announceAssignment, applyAssignmentOutcome, assignmentOutcome } from './assignment-outcome';
import { announceOutcome, applyOutcomeToWorkflow, recordDelivery, uploadJobId } from './outbox-outcome';
import type { NotificationsService } from '../workflow/notifications.service';

export interface OutboxRunnerDeps {
  db: Kysely<Database>;
  dataDir: string;
  /** The token with its server and account: entries are sent under exactly these. */
  getAuth: () => Promise<SessionAuth | null>;
  createClient: (serverUrl: string) => GeoDbClient;
  /** The server refused the token (401): drop it so the app asks for a sign-in. */
  onUnauthorized?: () => Promise<void>;
  now: () => Date;
  random?: () => number;
  /** Told after every state change, so the queue view can refresh. */
  onChange?: () => void;
  /** Where failures that wait for a person are announced (absent in tools that only send, such as the crash tests' child). */
  notifications?: Pick<NotificationsService, 'notify'>;
  /** Told which job's workflow an outcome may have moved, so the views refresh. */
  onWorkflowChanged?: (jobIds: number[]) => void;
  /** A crew decision reached the server: the crew board is read again so the desk shows the server's answer. */
  onCrewDelivered?: () => void;
  /** Failures of the announcements, for logging; never thrown. */
  onBackgroundError?: (error: unknown) => void;
  /** Test hook: the crash tests kill the process at each of these points of a send. */
  onStep?: (step: SendStep, entryId: string) => void;
  /** Who holds the leases this runner takes (default: a new owner within this process). */
  owner?: string;
  /** Lease length and heartbeat (defaults LEASE_TTL_MS, LEASE_HEARTBEAT_MS); tests shorten them. */
  leaseTtlMs?: number;
  heartbeatMs?: number;
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
  /** Take back entries whose sender is gone or stopped renewing its lease (never a live sender's). */
  recover(): Promise<number>;
  /** Send everything due now; resolves when nothing due is left (or the run had to stop). */
  drain(): Promise<DrainReport>;
  /** A new sign-in: release paused entries and send. */
  resumeAfterSignIn(): Promise<DrainReport>;
  /** When the earliest waiting entry becomes due (ISO), for scheduling; null when none waits. */
  nextDueAt(): Promise<string | null>;
  /** Resolves when no run is in progress (for shutdown). */
  whenIdle(): Promise<void>;
  /** The lease owner this runner sends as (to tell its own entries from another sender's). */
  readonly owner: string;
}

/** The largest package read ahead of its turn (bytes), so at most one more package of that size is held in memory. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

function failureOf(error: unknown): Parameters<typeof classifySend>[0] {
  if (error instanceof RequestError) return error.failure;
  // A missing snapshot file or an unreadable payload: nothing a retry can fix.
  return { kind: 'bad-response', message: errorMessage(error) };
}

export function createOutboxRunner(deps: OutboxRunnerDeps): OutboxRunner {
  const random = deps.random ?? Math.random;
  const owner = deps.owner ?? newOwnerWithinProcess();
  const ttlMs = deps.leaseTtlMs ?? LEASE_TTL_MS;
  let running: Promise<DrainReport> | null = null;
  /**
   * The flush of the last outcome recorded. An outcome commits relaxed and is flushed from the file-system threads
   * while the next entry is taken and its files read; the next request is not sent, and no run ends, before it is
   * on disk. So, as with a flushed commit, a power cut leaves at most the entry in flight unrecorded (it is sent
   * again: the Idempotency-Key makes that harmless on a server that honours it, and the order-fulfilment contract
   * does not promise that, so a recorded delivery must never be lost). The flush no longer stops the thread.
   */
  let flushed: Promise<void> = Promise.resolve();

  const newLease = (at: Date): Lease => ({ owner, expiresAt: leaseExpiry(at, ttlMs) });

  /**
   * The files of the upload likely sent next (the first entry of the due list), read while a request is in flight so
   * its own request does not wait for them. Only a package of modest size: it is held in memory until its turn. A
   * guess that turns out wrong (another process took that entry) is dropped.
   */
  let ahead: { id: string; files: Promise<SnapshotFiles | null> } | null = null;
  function readAhead(due: DueList): void {
    const next = due.rows[0];
    if (!next || next.kind !== 'upload' || ahead?.id === next.id) return;
    const { id } = next;
    const files = listOutboxDocuments(deps.db, id).then((documents) => (documents.reduce((sum, doc) => sum + doc.bytes, 0) <= READ_AHEAD_BYTES ? readSnapshot(deps.dataDir, id, documents) : null));
    files.catch(() => undefined); // read again, with its own error, when the entry's turn comes
    ahead = { id, files };
  }

  /**
   * Writes the outcome if this runner still holds the lease (`kept` false: it was lost, another sender took over),
   * and in the same transaction takes the next entry of `due` (none when `due` is null: the run stops here).
   */
  async function record(entry: OutboxRow, outcome: SendOutcome, answer: SendAnswer | null, due: DueList | null): Promise<{ kept: boolean; next: Taken | null }> {
    const at = deps.now();
    const iso = at.toISOString();
    // What the outcome means for the workflow commits with it, and only under this runner's lease.
    const { kept, next } = await withRelaxedCommit(deps.db, (db) =>
      db.transaction().execute(async (trx) => {
        const kept = await writeOutcome(trx);
        if (kept) {
          await applyOutcomeToWorkflow(trx, entry, outcome.state, iso);
          await applyAssignmentOutcome(trx, entry, answer, outcome, iso);
        }
        return { kept, next: due ? await takeNext(trx, due, newLease(at), iso) : null };
      }),
    );
    flushed = flushRelaxedCommits(deps.db);
    flushed.catch(() => undefined); // awaited before the next request and at the end of the run
    if (kept) {
      if (entry.job_id !== null) deps.onWorkflowChanged?.([entry.job_id]);
      if (entry.kind === 'crew' && outcome.state === 'done') deps.onCrewDelivered?.();
      if (deps.notifications) {
        announceOutcome(deps.notifications, entry, outcome.state, 'message' in outcome ? outcome.message : null).catch((error: unknown) => deps.onBackgroundError?.(error));
        announceAssignment(deps.notifications, entry, answer, outcome).catch((error: unknown) => deps.onBackgroundError?.(error));
      }
    }
    if (kept || next) deps.onChange?.();
    return { kept, next };

    async function writeOutcome(trx: Transaction<Database>): Promise<boolean> {
      const leased = { leasedBy: owner };
      switch (outcome.state) {
        case 'done': {
          const ok = await setEntryState(trx, entry.id, { state: 'done', done_at: iso, updated_at: iso, last_error: null, next_attempt_at: null, response_json: answer?.answerJson ?? null }, { ...leased, countAttempt: true });
          if (ok && answer?.kind === 'upload') {
            await setJobServerPackage(trx, uploadJobId(entry), answer.receipt.packageId, answer.receipt.packageNumber);
            await setServerDocumentIds(trx, entry.id, answer.receipt.documents);
            // Before the workflow hears of it: UPLOAD_DELIVERED counts the claims this delivery carried.
            await recordDelivery(trx, entry, answer.payload, answer.receipt.packageId, iso);
          }
          return ok;
        }
        case 'retry':
          return setEntryState(trx, entry.id, { state: 'retry', next_attempt_at: new Date(at.getTime() + outcome.delayMs).toISOString(), last_error: outcome.message, updated_at: iso }, { ...leased, countAttempt: true });
        case 'paused-auth':
          // Not the entry's fault: no attempt is counted.
          return setEntryState(trx, entry.id, { state: 'paused', last_error: outcome.message, updated_at: iso }, leased);
        case 'needs-review':
          return setEntryState(trx, entry.id, { state: 'needs_review', last_error: outcome.message, updated_at: iso }, { ...leased, countAttempt: true });
        case 'failed':
          return setEntryState(trx, entry.id, { state: 'failed', last_error: outcome.message, updated_at: iso }, { ...leased, countAttempt: true });
        case 'not-applied':
          // Never retried: the server answered and a resend would get the same answer. Kept, discarded, with why.
          return setEntryState(trx, entry.id, { state: 'discarded', done_at: iso, last_error: outcome.message, updated_at: iso, next_attempt_at: null }, { ...leased, countAttempt: true });
      }
    }
  }

  /** Keeps the lease alive while `work` runs (a large upload on a field connection may take minutes). */
  async function withHeartbeat<T>(entryId: string, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => {
      const lease: Lease = { owner, expiresAt: leaseExpiry(deps.now(), ttlMs) };
      withRelaxedCommit(deps.db, (db) => renewLease(db, entryId, lease)).catch(() => undefined);
    }, deps.heartbeatMs ?? LEASE_HEARTBEAT_MS);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /** Sends an entry this runner took and records the outcome, taking the next entry of `due` with it. */
  async function sendOne(taken: Taken, client: GeoDbClient, auth: SessionAuth, due: DueList): Promise<{ state: SendOutcome['state'] | 'taken'; next: Taken | null }> {
    const { entry, documents } = taken;
    deps.onStep?.('marked-sending', entry.id);
    let answer: SendAnswer | null = null;
    let outcome: SendOutcome;
    // The previous outcome is on disk before this request leaves; the request is prepared meanwhile.
    let flushFailure: unknown = null;
    const mayRequest = flushed.catch((error: unknown) => {
      flushFailure = error;
      throw error;
    });
    mayRequest.catch(() => undefined); // a send that fails before it awaits it leaves it unread
    const snapshot = ahead?.id === entry.id ? ahead.files : undefined;
    ahead = null;
    // Once the request may leave, the next entry's files are read while the server answers it.
    mayRequest.then(() => readAhead(due), () => undefined);
    try {
      answer = await withHeartbeat(entry.id, () => sendEntry(entry, { client, auth, dataDir: deps.dataDir, documents, snapshot, mayRequest }));
      outcome = assignmentOutcome(entry, answer) ?? { state: 'done' };
    } catch (error) {
      // The disk refused the previous outcome: the run stops, and this entry, never sent, is not judged (its lease
      // runs out and it is sent again).
      if (flushFailure !== null) throw flushFailure;
      outcome = classifySend(failureOf(error), entry.attempts + 1, random);
    }
    deps.onStep?.('answer-received', entry.id);
    // Lost lease: whoever took the entry over sends (or sent) it with the same key and records that answer.
    const { kept, next } = await record(entry, outcome, answer, outcome.state === 'paused-auth' ? null : due);
    if (!kept) return { state: 'taken', next };
    deps.onStep?.('recorded', entry.id);
    if (outcome.state === 'paused-auth') await deps.onUnauthorized?.();
    return { state: outcome.state, next };
  }

  async function recover(): Promise<number> {
    const now = deps.now();
    let taken = 0;
    for (const row of await listSending(deps.db)) {
      if (isAbandoned(row, now) && (await releaseAbandoned(deps.db, row, now.toISOString()))) taken += 1;
    }
    if (taken > 0) deps.onChange?.();
    return taken;
  }

  async function drainNow(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, delivered: 0, stoppedBy: null };
    // A sender that died since the last run (the CLI killed mid-send) leaves its entries to whoever runs next.
    await recover();
    // One client per server for the run; the entries due for the signed-in account; the entry taken next.
    const clients = new Map<string, GeoDbClient>();
    let due: DueList | null = null;
    let taken: Taken | null = null;
    try {
      for (;;) {
        const auth = await deps.getAuth();
        const nowIso = deps.now().toISOString();
        // Signed out, or signed in as someone else, since the entry was taken: it waits for its own account.
        if (taken && (!auth || !sameAccount(due!.account, auth))) {
          const back = taken;
          taken = null;
          await withRelaxedCommit(deps.db, (db) => handBack(db, back, owner, nowIso));
        }
        if (!auth) return (await listDueEntries(deps.db, nowIso, null, 1)).length > 0 ? { ...report, stoppedBy: 'signed-out' } : report;
        if (!due || !sameAccount(due.account, auth)) due = { account: { serverUrl: auth.serverUrl, username: auth.username }, rows: [] };
        if (!taken) {
          const list = due;
          taken = await withRelaxedCommit(deps.db, (db) => takeNext(db, list, newLease(deps.now()), nowIso));
          if (!taken) return report;
          deps.onChange?.();
        }
        const client = clients.get(auth.serverUrl) ?? clients.set(auth.serverUrl, deps.createClient(auth.serverUrl)).get(auth.serverUrl)!;
        const sending = taken;
        taken = null;
        const { state, next } = await sendOne(sending, client, auth, due);
        taken = next;
        if (state === 'taken') continue;
        report.sent += 1;
        if (state === 'done') report.delivered += 1;
        if (state === 'paused-auth') return { ...report, stoppedBy: 'paused-auth' };
      }
    } finally {
      ahead = null; // not held in memory between runs
      // A run that stops early (a failure) hands back the entry it took ahead; if that fails too, its lease runs out.
      const back = taken;
      if (back) await withRelaxedCommit(deps.db, (db) => handBack(db, back, owner, deps.now().toISOString())).catch((error: unknown) => deps.onBackgroundError?.(error));
    }
  }

  /** A run, with every outcome it recorded on disk before it resolves. */
  async function drainFlushed(): Promise<DrainReport> {
    try {
      return await drainNow();
    } finally {
      // A failed flush fails this run (reported like any failure); the next outcome's flush carries it again.
      const last = flushed;
      flushed = Promise.resolve();
      await last;
    }
  }

  let followUp: Promise<DrainReport> | null = null;
  const drain = (): Promise<DrainReport> => {
    // One run at a time: a caller never races the run in progress for the same entries.
    if (!running) {
      running = drainFlushed().finally(() => (running = null));
      return running;
    }
    // That run may already have found nothing due before this caller's entry was written (it is then only
    // flushing its last outcome): one more run follows it, shared by everyone who asks meanwhile.
    followUp ??= running
      .catch(() => undefined)
      .then(() => {
        followUp = null;
        return drain();
      });
    return followUp;
  };

  return {
    owner,
    recover,
    drain,
    async resumeAfterSignIn() {
      await resumePaused(deps.db, deps.now().toISOString());
      return drain();
    },
    nextDueAt: () => nextDueAt(deps.db),
    async whenIdle() {
      while (running || followUp) await (followUp ?? running)?.catch(() => undefined);
    },
  };
}
