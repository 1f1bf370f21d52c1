/**
 * Composition root of the Node back-end: builds the database, HTTP client, session, sync and IPC handlers from
 * the adapters a shell passes in. Electron main, the browser test host and tests all start the app here.
 */
import { join } from 'node:path';
import { version as appVersion } from '../../../package.json';
import { createGeoDbClient } from '../api/geodb-client';
import { openDatabase } from '../db/open-database';
import { lookupLocation } from '../geo/location-lookup';
import { createJobsService } from '../jobs/jobs.service';
import { createSessionService, normalizeUrl } from '../session/session.service';
import { createSyncScheduler } from '../sync/sync-scheduler';
import { createSyncService } from '../sync/sync.service';
import type { ClaimDeskApp, ClaimDeskAppOptions } from './create-app.types';
import { createIpcHandlers } from './ipc-handlers';
import type { IpcEventName } from '../../../shared/ipc/channels';
import type { IpcEventPayload } from '../../../shared/ipc/contract';

export const DATABASE_FILE = 'claimdesk.sqlite';
const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;

export async function createClaimDeskApp(options: ClaimDeskAppOptions): Promise<ClaimDeskApp> {
  const now = () => (options.clock ? options.clock.now() : new Date());
  const opened = await openDatabase({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding, now });
  const { db } = opened;
  const createClient = (serverUrl: string) => createGeoDbClient({ baseUrl: serverUrl, now });
  const session = createSessionService({
    db,
    tokenStore: options.tokenStore,
    createClient,
    demoServerUrl: options.demo ? normalizeUrl(options.demo.serverUrl) : undefined,
  });
  const sync = createSyncService({ db, getAuth: session.getAuth, onUnauthorized: session.dropToken, createClient, now });
  const scheduler = createSyncScheduler({ sync, intervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS, now });
  const jobs = createJobsService({
    db,
    lookupLocation,
    currentUser: async () => (await session.getSession()).username,
    now,
  });
  const handlers = createIpcHandlers({
    db,
    session,
    sync,
    jobs,
    lookupLocation,
    openExternal: options.openExternal,
    appInfo: { version: appVersion, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, runtime: options.runtime },
  });

  const listeners: { [K in IpcEventName]: Set<(payload: IpcEventPayload<K>) => void> } = { syncStatus: new Set() };
  sync.onStatus((status) => listeners.syncStatus.forEach((listener) => listener(status)));

  return {
    handlers,
    onEvent<K extends IpcEventName>(name: K, listener: (payload: IpcEventPayload<K>) => void) {
      // TypeScript cannot correlate `name` with its set's payload type; the mapped type above guarantees it.
      const set = listeners[name] as Set<(payload: IpcEventPayload<K>) => void>;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    async start() {
      if (options.demo && !(await session.getAuth())) {
        // The demo server may still be starting or gone; the user then simply sees the sign-in form.
        await session.signIn(options.demo).catch(() => undefined);
      }
      scheduler.start();
    },
    async close() {
      scheduler.stop();
      await sync.whenIdle();
      await opened.close();
    },
  };
}
