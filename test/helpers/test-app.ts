/** One ClaimDesk back-end for a test: the app composition over its own data folder, no timers, one document worker. */
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';

export function openTestApp(dataDir: string, now?: () => Date): Promise<ClaimDeskApp> {
  return createClaimDeskApp({
    dataDir,
    runtime: 'browser-host',
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    outboxIntervalMs: 0,
    staleCheckIntervalMs: 0,
    documentWorkers: 1,
    ...(now ? { clock: { now } } : {}),
  });
}
