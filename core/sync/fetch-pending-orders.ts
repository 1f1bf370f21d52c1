/** Fetches the pending-orders list, retrying transient failures with capped backoff and Retry-After. */
import { AppError } from '../../shared/errors';
import { classifyFailure } from '../../shared/sync/classify-failure';
import { backoffDelay, type BackoffPolicy } from '../../shared/sync/retry-policy';
import type { SyncProgress } from '../../shared/domain/sync.types';
import { RequestError, type Credential, type GeoDbClient, type PendingOrdersAnswer } from '../api/geodb-client';

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
}

export async function fetchPendingOrders(deps: FetchDeps): Promise<{ answer: PendingOrdersAnswer; attempts: number }> {
  const label = new URL(deps.client.baseUrl).host;
  for (let attempt = 1; ; attempt += 1) {
    deps.onProgress({ stage: 'connecting', done: 0, total: 0, message: `Asking ${label} for pending orders…` });
    try {
      const answer = await deps.client.getPendingOrders(deps.auth, {
        etag: deps.etag,
        onDownloadProgress: (loaded, total) =>
          deps.onProgress({ stage: 'downloading', done: loaded, total, message: `Downloading orders (${formatBytes(loaded)})…` }),
      });
      return { answer, attempts: attempt };
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
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
      await deps.sleep(wait);
    }
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1000)} kB`;
}
