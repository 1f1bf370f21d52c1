/**
 * The sync engine: pull pending orders, validate each on its own, write them in one transaction with the new
 * cursor (ETag) and the time of success. The network is only ever awaited outside the transaction, and a
 * failed sync leaves the last good cache exactly as it was.
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from '../../shared/workflow/workflow-settings';
import { AppError, toErrorInfo } from '../../shared/errors';
import { pendingOrdersEnvelopeSchema } from '../../shared/api/geodb.schemas';
import type { SyncProgress, SyncReport, SyncStatus } from '../../shared/domain/sync.types';
import { DEFAULT_SYNC_BACKOFF, type BackoffPolicy } from '../../shared/sync/retry-policy';
import type { Database } from '../db/schema';
import type { GeoDbClient } from '../api/geodb-client';
import { countOrders, getStoredOrderStates, markOrdersGone, upsertOrders } from '../repos/orders.repo';
import { getSyncState, saveSyncState } from '../repos/sync-state.repo';
import { fetchPendingOrders } from './fetch-pending-orders';
import { planOrderWrites } from './plan-order-writes';

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
  /**
   * Told after the orders are saved (outside the transaction): what was new and whether anything changed, so the
   * workflow can react. Its failure is reported by the caller's hook, never turned into a failed sync.
   */
  afterSync?: (outcome: SyncOutcome) => Promise<void>;
  /** Runs the save of `rows` orders; the app's keeps the checkpoint of a large one off the main thread. */
  largeWrite?: <T>(rows: number, write: () => Promise<T>) => Promise<T>;
}

export interface SyncOutcome {
  added: { key: OrderKey; orderNumber: string }[];
  changed: boolean;
}

export interface SyncService {
  syncNow(): Promise<SyncReport>;
  getStatus(): Promise<SyncStatus>;
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Resolves when no sync is running (used before closing the database). */
  whenIdle(): Promise<void>;
  /** The scheduler says when it will try next, so the status bar can show it. */
  setNextAttemptAt(value: string | null): void;
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
    running = run()
      .then((report) => {
        lastReport = report;
        return report;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function run(): Promise<SyncReport> {
    const startedAt = deps.now().toISOString();
    state = 'syncing';
    progress = null;
    emit();
    try {
      const auth = await deps.getAuth();
      if (!auth) throw new AppError('auth-required', 'Sign in to sync pending orders.');
      const saved = await getSyncState(deps.db);
      const sameServer = saved.etagServer === auth.serverUrl;
      const { answer, attempts } = await fetchPendingOrders({
        client: deps.createClient(auth.serverUrl),
        auth,
        etag: sameServer ? saved.etag : null,
        policy: deps.backoff ?? DEFAULT_SYNC_BACKOFF,
        maxRetryAfterMs: deps.maxRetryAfterMs ?? 60_000,
        random: deps.random ?? Math.random,
        sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
        onProgress: report,
      });
      answered = true;
      const finishedAt = () => deps.now().toISOString();
      if (answer.notModified) {
        await saveSyncState(deps.db, { lastSuccessAt: finishedAt(), lastAttemptAt: startedAt, lastError: null });
        return emptyReport({ attempts, startedAt, finishedAt: finishedAt() });
      }
      const envelope = pendingOrdersEnvelopeSchema.safeParse(answer.body);
      if (!envelope.success) {
        throw new AppError('bad-response', 'The server answered without an "orders" list; the cache was left as it was.');
      }
      const stored = await getStoredOrderStates(deps.db);
      const levels = deps.getServiceLevels ? await deps.getServiceLevels() : DEFAULT_SERVICE_LEVELS;
      const plan = await planOrderWrites(envelope.data.orders, stored, (done, total) =>
        report({ stage: 'validating', done, total, message: `Checking orders (${done} of ${total})…` }),
      );
      report({ stage: 'saving', done: 0, total: plan.writes.length, message: `Saving ${plan.writes.length} changed orders…` });
      const savedAt = deps.now().toISOString();
      // One transaction: the orders, the gone marks and the cursor land together or not at all.
      const save = (): Promise<void> =>
        deps.db.transaction().execute(async (trx) => {
          await upsertOrders(trx, plan.writes, savedAt, levels);
          await markOrdersGone(trx, plan.goneKeys, savedAt);
          await saveSyncState(trx, {
            etag: answer.etag,
            etagServer: auth.serverUrl,
            lastSuccessAt: savedAt,
            lastAttemptAt: startedAt,
            lastError: null,
          });
        });
      await (deps.largeWrite ? deps.largeWrite(plan.writes.length + plan.goneKeys.length, save) : save());
      const withProblems = await countOrders(deps.db, { includeGone: false, withProblems: true });
      const added = plan.writes
        .filter((write) => !stored.has(`${write.order.orderType}:${write.order.id}`))
        .map((write) => ({ key: { orderType: write.order.orderType, id: write.order.id }, orderNumber: write.order.orderNumber }));
      await deps.afterSync?.({ added, changed: plan.writes.length > 0 || plan.goneKeys.length > 0 });
      return { outcome: 'updated', ...plan.counts, withProblems, attempts, startedAt, finishedAt: finishedAt() };
    } catch (error) {
      const info = toErrorInfo(error);
      await saveSyncState(deps.db, { lastAttemptAt: startedAt, lastError: info });
      if (info.code === 'auth-required') await deps.onUnauthorized();
      throw error instanceof AppError ? error : new AppError(info.code, info.message, { cause: error });
    } finally {
      state = 'idle';
      progress = null;
      emit();
    }
  }

  return {
    syncNow() {
      // A sync already under way answers every caller while it is still asking the server: two writers would only
      // race for the same rows. Once it has the server's answer (saving it and the after-sync checks take a while),
      // a caller wants what the server has now: one more sync follows it, shared by everyone who asks meanwhile.
      if (!running) return start();
      if (!answered) return running;
      following ??= running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          following = null;
          return running ?? start();
        });
      return following;
    },
    getStatus,
    async whenIdle() {
      await running?.catch(() => undefined);
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setNextAttemptAt(value: string | null) {
      nextAttemptAt = value;
      emit();
    },
  };
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
