/**
 * Runs sync at start, every `intervalMs` while the app is open, and sooner after a failure (with backoff, so an
 * unreachable server is polled gently until it answers again).
 */
import { backoffDelay } from '../../shared/sync/retry-policy';
import type { SyncService } from './sync.service';

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** Syncs now instead of at the waiting timer (the server is back): nothing happens while a sync is running or stopped. */
  wake(): void;
}

export function createSyncScheduler(options: {
  sync: SyncService;
  intervalMs: number;
  now: () => Date;
  random?: () => number;
  /** Errors are already recorded in the sync status; this hook is for logging. */
  onError?: (error: unknown) => void;
}): SyncScheduler {
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = true;

  function schedule(delayMs: number): void {
    // intervalMs 0 means "only at start and on demand" (the CLI and some tests).
    if (stopped || options.intervalMs <= 0) return;
    options.sync.setNextAttemptAt(new Date(options.now().getTime() + delayMs).toISOString());
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  function tick(): void {
    timer = null;
    options.sync
      .syncNow()
      .then(() => {
        failures = 0;
        schedule(options.intervalMs);
      })
      .catch((error: unknown) => {
        failures += 1;
        options.onError?.(error);
        // After a failure try again sooner than the normal interval, backing off up to it.
        schedule(backoffDelay(failures, { baseMs: 15_000, capMs: options.intervalMs }, options.random ?? Math.random));
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      tick();
    },
    wake() {
      // No timer means a tick is running (it schedules the next one itself) or the scheduler is stopped.
      if (stopped || !timer) return;
      clearTimeout(timer);
      tick();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      options.sync.setNextAttemptAt(null);
    },
  };
}
