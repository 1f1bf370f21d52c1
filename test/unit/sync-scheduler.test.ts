import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncReport } from '../../shared/domain/sync.types';
import { createSyncScheduler } from '../../core/sync/sync-scheduler';
import type { SyncService } from '../../core/sync/sync.service';

// The scheduler only decides *when* to sync; a recording SyncService port is enough to check that.
function recordingSync(results: ('ok' | 'fail')[]) {
  const calls: number[] = [];
  const next: (string | null)[] = [];
  const service: SyncService = {
    syncNow: async () => {
      calls.push(Date.now());
      const outcome = results[calls.length - 1] ?? 'ok';
      if (outcome === 'fail') throw new Error('offline');
      return {} as SyncReport;
    },
    getStatus: async () => {
      throw new Error('not used');
    },
    onStatus: () => () => undefined,
    whenIdle: async () => undefined,
    abort: () => undefined,
    setNextAttemptAt: (value) => next.push(value),
    serverAnswered: async () => false,
  };
  return { service, calls, next };
}

describe('sync scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs at start, then every interval, and announces the next attempt', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
    const sync = recordingSync(['ok', 'ok', 'ok']);
    const scheduler = createSyncScheduler({ sync: sync.service, intervalMs: 60_000, now: () => new Date() });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.calls).toHaveLength(1);
    expect(sync.next.at(-1)).toBe('2026-11-22T10:01:00.000Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sync.calls).toHaveLength(2);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(sync.calls).toHaveLength(2);
    expect(sync.next.at(-1)).toBeNull();
  });

  it('tries again sooner than the interval after a failure, backing off', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
    const sync = recordingSync(['fail', 'fail', 'ok']);
    const scheduler = createSyncScheduler({ sync: sync.service, intervalMs: 300_000, now: () => new Date(), random: () => 0 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(7_500); // first retry after 15 s × 0.5 (jitter floor)
    expect(sync.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(sync.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // second retry after 30 s × 0.5
    expect(sync.calls).toHaveLength(3);
    scheduler.stop();
  });

  it('wakes up for a sync at once when told the server is back, without doubling the schedule', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T10:00:00Z') });
    const sync = recordingSync(['fail', 'ok', 'ok']);
    const scheduler = createSyncScheduler({ sync: sync.service, intervalMs: 300_000, now: () => new Date(), random: () => 0.99 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.calls).toHaveLength(1); // failed: the retry waits ~15 s
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.calls).toHaveLength(2); // at once, not at the retry timer
    scheduler.wake(); // woken again: replaces the interval's timer instead of adding one
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(sync.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(sync.calls).toHaveLength(4); // one timer, not two
    scheduler.stop();
  });
});
