/**
 * One ClaimDesk back-end for a test: the app composition over its own data folder with no timers (a test drives
 * sync, the outbox and the stale check itself) and one document worker (two cores are shared by the whole run).
 */
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp, ClaimDeskAppOptions } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';

export interface TestAppOptions extends Partial<Omit<ClaimDeskAppOptions, 'dataDir' | 'clock'>> {
  /** The app's clock, read at every call (tests move time forward). */
  now?: () => Date;
}

export function openTestApp(dataDir: string, options: TestAppOptions = {}): Promise<ClaimDeskApp> {
  const { now, ...rest } = options;
  return createClaimDeskApp({
    runtime: 'browser-host',
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    outboxIntervalMs: 0,
    staleCheckIntervalMs: 0,
    documentWorkers: 1,
    ...rest,
    dataDir,
    ...(now ? { clock: { now } } : {}),
  });
}
