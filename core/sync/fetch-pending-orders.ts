/**
 * Fetches the pending-orders list, streamed entry by entry to the caller, retrying transient failures (also one
 * part-way through the body: the caller starts over at onAnswer) with capped backoff and Retry-After. The download
 * is bounded (size cap and overall deadline, shared/sync/sync-limits.ts) and can be aborted; going past a limit
 * is not retried, since the same server would only send the same list again.
 */
import { AppError } from '../../shared/errors';
import { classifyFailure, formatLimitBytes, formatLimitSeconds } from '../../shared/sync/classify-failure';
import { backoffDelay, type BackoffPolicy } from '../../shared/sync/retry-policy';
import type { SyncProgress } from '../../shared/domain/sync.types';
import { RequestError, type Credential, type DownloadLimits, type GeoDbClient, type PendingOrdersAnswer } from '../api/geodb-client';
import type { RawEntry } from '../api/pending-orders-splitter';

export interface FetchDeps {
  client: GeoDbClient;
  /** The token with the server that issued it: the client refuses it for any other. */
  auth: Credential;
  etag: string | null;
  policy: BackoffPolicy;
  /** A server asking us to wait longer than this ends the run; the scheduler tries again later. */
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  onProgress: (progress: SyncProgress) => void;
  /** A new answer begins (the first, or a retry's after a failure part-way): what the last one handed over is void. */
  onAnswer: () => Promise<void> | void;
  /** Each entry of the list, as it arrives. */
  onEntry: (entry: RawEntry) => Promise<void> | void;
  limits: DownloadLimits;
  signal: AbortSignal;
}

const LEFT_AS_IT_WAS = 'the sync stopped and the cache was left as it was';

export function syncStopped(): AppError {
  return new AppError('cancelled', `The sync was stopped because ClaimDesk is closing; ${LEFT_AS_IT_WAS}.`);
}

/** The one-line reason for a download that went past a limit or was stopped, or null for any other failure. */
function limitMessage(error: RequestError, label: string): AppError | null {
  const { failure } = error;
  const where = 'Settings → Sync';
  if (failure.kind === 'too-large') {
    return new AppError('limit-exceeded', `${label} sent more than ${formatLimitBytes(failure.limitBytes)} of pending orders, the download limit (${where}); ${LEFT_AS_IT_WAS}.`, { cause: error });
  }
  if (failure.kind === 'deadline') {
    return new AppError('limit-exceeded', `${label} did not finish sending the pending orders within ${formatLimitSeconds(failure.ms)}, the download deadline (${where}); ${LEFT_AS_IT_WAS}.`, { cause: error });
  }
  if (failure.kind === 'aborted') return syncStopped();
  return null;
}

export async function fetchPendingOrders(deps: FetchDeps): Promise<{ answer: PendingOrdersAnswer; attempts: number }> {
  const label = new URL(deps.client.baseUrl).host;
  for (let attempt = 1; ; attempt += 1) {
    if (deps.signal.aborted) throw syncStopped();
    deps.onProgress({ stage: 'connecting', done: 0, total: 0, message: `Asking ${label} for pending orders…` });
    try {
      const answer = await deps.client.getPendingOrders(deps.auth, {
        etag: deps.etag,
        limits: deps.limits,
        signal: deps.signal,
        onAnswer: deps.onAnswer,
        onEntry: deps.onEntry,
        onDownloadProgress: (loaded, total) =>
          deps.onProgress({ stage: 'downloading', done: loaded, total, message: `Downloading and checking orders (${formatBytes(loaded)})…` }),
      });
      return { answer, attempts: attempt };
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      const limited = limitMessage(error, label);
      if (limited) throw limited;
      const decision = classifyFailure(error.failure, label);
      if (decision.action === 'stop') throw new AppError(decision.code, decision.message, { cause: error });
      if (attempt >= deps.policy.maxAttempts) {
        throw new AppError(decision.code, `${decision.message} Gave up after ${attempt} attempts.`, { cause: error });
      }
      const wait = decision.retryAfterMs ?? backoffDelay(attempt, deps.policy, deps.random);
      if (wait > deps.maxRetryAfterMs) {
        throw new AppError(decision.code, `${decision.message} The server asked to wait ${Math.ceil(wait / 1000)} s.`, { cause: error });
      }
      deps.onProgress({
        stage: 'waiting-to-retry',
        done: attempt,
        total: deps.policy.maxAttempts,
        message: `${decision.message} Retrying in ${Math.ceil(wait / 1000)} s (attempt ${attempt + 1} of ${deps.policy.maxAttempts}).`,
      });
      await abortable(deps.sleep(wait), deps.signal);
    }
  }
}

/** Waits for `work` unless the signal fires first (a retry wait must not hold up closing the app). */
function abortable(work: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(syncStopped());
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(syncStopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} kB`;
}
