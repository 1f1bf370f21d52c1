/**
 * The sync engine: pull pending orders as a stream, validate each on its own as it arrives, stage its write, and
 * write them all in one transaction with the new cursor (ETag) and the time of success. The network is only ever awaited outside the transaction, and a
 * failed sync leaves the last good cache exactly as it was.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from '../../shared/workflow/workflow-settings';
import { AppError, toErrorInfo } from '../../shared/errors';
import { DEFAULT_SYNC_LIMITS, downloadLimitsOf, type SyncLimits } from '../../shared/sync/sync-limits';
import type { NewOrders, SyncProgress, SyncReport, SyncStatus } from '../../shared/domain/sync.types';
import { DEFAULT_SYNC_BACKOFF, type BackoffPolicy } from '../../shared/sync/retry-policy';
import type { Database } from '../db/schema';
import type { GeoDbClient } from '../api/geodb-client';
import { countOrders, getStoredOrderStates, type StoredOrderState } from '../repos/orders.repo';
import { stagedOrderOf } from '../repos/order-staging.repo';
import { createTurn } from '../platform/event-loop';
import { getSyncState, saveSyncState } from '../repos/sync-state.repo';
import { inThreadOrderSaver, type OpenOrderSaver, type OrderSaver } from './order-saver';
import { fetchPendingOrders, syncStopped } from './fetch-pending-orders';
import { OrderPlanner } from './plan-order-writes';

export interface SyncAuth {
  serverUrl: string;
  token: string;
}

export interface SyncServiceDeps {
  db: Kysely<Database>;
  getAuth: () => Promise<SyncAuth | null>;
  /** Called on 401: the session drops its token so the UI asks for a new sign-in. */
  onUnauthorized: () => Promise<void>;
  createClient: (serverUrl: string) => GeoDbClient;
  now: () => Date;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  backoff?: BackoffPolicy;
  maxRetryAfterMs?: number;
  /** Service levels for the orders' target dates (the workflow settings); defaults when absent. */
  getServiceLevels?: () => Promise<ServiceLevels>;
  /** The download's size cap and deadline (the sync settings); defaults when absent. */
  getLimits?: () => Promise<SyncLimits>;
  /**
   * Told after the orders are saved (outside the transaction): what was new and whether anything changed, so the
   * workflow can react. Its failure is reported by the caller's hook, never turned into a failed sync.
   */
  afterSync?: (outcome: SyncOutcome) => Promise<void>;
  /** Runs the save of `rows` orders; the app's keeps the checkpoint of a large one off the main thread. */
  largeWrite?: <T>(rows: number, write: () => Promise<T>) => Promise<T>;
  /**
   * Where each sync stages and saves its orders; the app's does it in a worker thread (worker-order-saver.ts).
   * Default: on this connection and thread.
   */
  openSaver?: OpenOrderSaver;
}

export interface SyncOutcome {
  added: NewOrders;
  changed: boolean;
}

export interface SyncService {
  syncNow(): Promise<SyncReport>;
  getStatus(): Promise<SyncStatus>;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Resolves when no sync is running (used before closing the database). */
  whenIdle(): Promise<void>;
  /**
   * Stops a running sync at its next step (the download is aborted, a retry wait cut short) without writing
   * anything: closing the app never waits on a hung server. The cache keeps its last good state.
   */
  abort(): void;
  /** The scheduler says when it will try next, so the status bar can show it. */
  setNextAttemptAt(value: string | null): void;
  /**
   * The server answered some other request (an upload, a status change, /me): it is reachable again, so a
   * recorded "offline" is no longer true and is cleared at once rather than at the next scheduled sync. Resolves
   * true when it did clear one (the caller then syncs soon, the cache being older than the network).
   */
  serverAnswered(): Promise<boolean>;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const listeners = new Set<(status: SyncStatus) => void>();
  let running: Promise<SyncReport> | null = null;
  /** The running sync has the server's answer: what it saves may already be older than a caller asking now. */
  let answered = false;
  let following: Promise<SyncReport> | null = null;
  let state: SyncStatus['state'] = 'idle';
  let progress: SyncProgress | null = null;
  let nextAttemptAt: string | null = null;
  let lastReport: SyncReport | null = null;
  let controller: AbortController | null = null;

  async function getStatus(): Promise<SyncStatus> {
    const saved = await getSyncState(deps.db);
    const offline = saved.lastError?.code === 'offline';
    return {
      state: state === 'syncing' ? 'syncing' : saved.lastError ? (offline ? 'offline' : 'error') : 'idle',
      progress: state === 'syncing' ? progress : null,
      lastSuccessAt: saved.lastSuccessAt,
      lastAttemptAt: saved.lastAttemptAt,
      nextAttemptAt,
      error: state === 'syncing' ? null : saved.lastError,
      cachedOrders: await countOrders(deps.db, { includeGone: true }),
      lastReport,
    };
  }

  function emit(): void {
    if (listeners.size === 0) return;
    // Status reads race with close(): a status nobody can read any more is simply not sent.
    getStatus().then(
      (status) => listeners.forEach((listener) => listener(status)),
      () => undefined,
    );
  }

  function report(next: SyncProgress): void {
    progress = next;
    emit();
  }

  function start(): Promise<SyncReport> {
    answered = false;
    const current = new AbortController();
    controller = current;
    running = run(current.signal)
      .then((report) => {
        lastReport = report;
        return report;
      })
      .finally(() => {
        running = null;
        if (controller === current) controller = null;
      });
    return running;
  }

  async function run(signal: AbortSignal): Promise<SyncReport> {
    const startedAt = deps.now().toISOString();
    state = 'syncing';
    progress = null;
    emit();
    let saver: OrderSaver | null = null;
    const stopIfAborted = (): void => {
      if (signal.aborted) throw syncStopped();
    };
    try {
      const auth = await deps.getAuth();
      if (!auth) throw new AppError('auth-required', 'Sign in to sync pending orders.');
      const saved = await getSyncState(deps.db);
      const sameServer = saved.etagServer === auth.serverUrl;
      const limits = deps.getLimits ? await deps.getLimits() : DEFAULT_SYNC_LIMITS;
      const levels = deps.getServiceLevels ? await deps.getServiceLevels() : DEFAULT_SERVICE_LEVELS;
      saver = deps.openSaver ? deps.openSaver() : inThreadOrderSaver(deps.db);
      const stage = saver;
      // What the cache holds of every order, read once the server answers with a list and before its first entry,
      // so each entry is planned as it arrives (only this sync writes orders). Not before asking: an unchanged list
      // (304) needs none of it, and right after a large sync that read was most of a re-sync's time. Both are let
      // go once the list is planned, before the save and the after-sync checks (at 40,000 orders some 10 MB).
      let stored = null as Map<string, StoredOrderState> | null;
      let planner = null as OrderPlanner | null;
      // The list arrives entry by entry: each is planned and its write staged before more is read, so the event
      // loop gets its turn between entries and memory holds a few of them, not the list.
      const turn = createTurn();
      const { answer, attempts } = await fetchPendingOrders({
        client: deps.createClient(auth.serverUrl),
        auth,
        etag: sameServer ? saved.etag : null,
        policy: deps.backoff ?? DEFAULT_SYNC_BACKOFF,
        maxRetryAfterMs: deps.maxRetryAfterMs ?? 60_000,
        random: deps.random ?? Math.random,
        sleep: deps.sleep ?? ((ms) => sleepUnlessAborted(ms, signal)),
        onProgress: report,
        onAnswer: async () => {
          // From here on the list is what the server had when it answered: a caller asking now waits for one more
          // sync rather than join this one (the rest of the download may take seconds).
          answered = true;
          stored ??= await getStoredOrderStates(deps.db);
          planner = new OrderPlanner(stored);
          await stage.reset();
        },
        onEntry: async (entry) => {
          await turn();
          stopIfAborted();
          const write = planner!.addRaw(entry);
          if (write) await stage.add(stagedOrderOf(write, levels));
        },
        limits: downloadLimitsOf(limits),
        signal,
      });
      stopIfAborted();
      answered = true;
      const finishedAt = () => deps.now().toISOString();
      if (answer.notModified) {
        await saveSyncState(deps.db, { lastSuccessAt: finishedAt(), lastAttemptAt: startedAt, lastError: null });
        return emptyReport({ attempts, startedAt, finishedAt: finishedAt() });
      }
      if (!answer.listed || !planner) {
        throw new AppError('bad-response', 'The server answered without an "orders" list; the cache was left as it was.');
      }
      const plan = planner.finish();
      planner = null;
      stored = null;
      report({ stage: 'saving', done: 0, total: stage.size, message: `Saving ${stage.size} changed orders…` });
      const savedAt = deps.now().toISOString();
      // One transaction: the orders, the gone marks and the cursor land together or not at all (order-saver.ts).
      const save = (): Promise<void> =>
        stage.save({
          savedAt,
          goneKeys: plan.goneKeys,
          state: { etag: answer.etag, etagServer: auth.serverUrl, lastSuccessAt: savedAt, lastAttemptAt: startedAt, lastError: null },
        });
      const changed = stage.size + plan.goneKeys.length;
      await (deps.largeWrite ? deps.largeWrite(changed, save) : save());
      saver = null;
      await stage.dispose();
      const withProblems = await countOrders(deps.db, { includeGone: false, withProblems: true });
      if (!signal.aborted) await deps.afterSync?.({ added: plan.added, changed: changed > 0 });
      return { outcome: 'updated', ...plan.counts, withProblems, attempts, startedAt, finishedAt: finishedAt() };
    } catch (error) {
      const info = toErrorInfo(error);
      // A sync stopped for closing is not a failure to show at the next start (and the cache is closing).
      if (!signal.aborted) {
        await saveSyncState(deps.db, { lastAttemptAt: startedAt, lastError: info });
        if (info.code === 'auth-required') await deps.onUnauthorized();
      }
      throw error instanceof AppError ? error : new AppError(info.code, info.message, { cause: error });
    } finally {
      // A failed or stopped sync leaves nothing staged behind (the cache itself was never touched).
      await saver?.dispose().catch(() => undefined);
      state = 'idle';
      progress = null;
      if (!signal.aborted) emit();
    }
  }

  return {
    syncNow() {
      // A sync already under way answers every caller while it is still asking the server: two writers would only
      // race for the same rows. Once it has the server's answer (saving it and the after-sync checks take a while),
      // a caller wants what the server has now: one more sync follows it, shared by everyone who asks meanwhile.
      if (!running) return start();
      if (!answered) return running;
      const current = controller;
      following ??= running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          following = null;
          // A sync stopped for closing is not followed by another.
          if (current?.signal.aborted) throw syncStopped();
          return running ?? start();
        });
      return following;
    },
    getStatus,
    async whenIdle() {
      await following?.catch(() => undefined);
      await running?.catch(() => undefined);
    },
    abort() {
      controller?.abort();
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setNextAttemptAt(value: string | null) {
      nextAttemptAt = value;
      emit();
    },
    async serverAnswered() {
      // A running sync records its own outcome; its own answers must not pre-empt it.
      if (state === 'syncing') return false;
      const saved = await getSyncState(deps.db);
      if (saved.lastError?.code !== 'offline') return false;
      await saveSyncState(deps.db, { lastError: null });
      emit();
      return true;
    },
  };
}

/** A retry wait that ends early (and lets go of its timer) when the sync is aborted, so closing never waits on it. */
function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function emptyReport(times: { attempts: number; startedAt: string; finishedAt: string }): SyncReport {
  return {
    outcome: 'unchanged',
    received: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    gone: 0,
    returned: 0,
    withProblems: 0,
    skipped: [],
    duplicates: 0,
    ...times,
  };
}
