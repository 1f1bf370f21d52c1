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
import { createDocumentsService } from '../documents/documents.service';
import { createExportRunner } from '../documents/export-runner';
import { findResourcesDir } from '../documents/fonts';
import { createPackageWorkerPool } from '../documents/worker-pool';
import { createOutboxRunner } from '../outbox/outbox-runner';
import { createOutboxService } from '../outbox/outbox.service';
import type { IpcEventName } from '../../../shared/ipc/channels';
import type { IpcEventPayload } from '../../../shared/ipc/contract';

export const DATABASE_FILE = 'claimdesk.sqlite';
const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;
/** How often the outbox looks for due entries: a retry waits at least this long, and offline work goes out soon after the network returns. */
const DEFAULT_OUTBOX_INTERVAL_MS = 15_000;

export async function createClaimDeskApp(options: ClaimDeskAppOptions): Promise<ClaimDeskApp> {
  const now = () => (options.clock ? options.clock.now() : new Date());
  const opened = await openDatabase({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding, now });
  const { db } = opened;
  const createClient = (serverUrl: string) => createGeoDbClient({ baseUrl: serverUrl, now, uploadTimeoutMs: options.uploadTimeoutMs });
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
  const listeners: { [K in IpcEventName]: Set<(payload: IpcEventPayload<K>) => void> } = {
    syncStatus: new Set(),
    documentsProgress: new Set(),
    outboxChanged: new Set(),
  };
  const emitDocuments = (payload: IpcEventPayload<'documentsProgress'>): void => listeners.documentsProgress.forEach((listener) => listener(payload));
  const generator = { name: 'ClaimDesk', version: appVersion };
  const resourcesDir = findResourcesDir(options.resourcesDir);
  // Started lazily by the pool: no worker runs until the first package is made.
  const pool = createPackageWorkerPool(options.documentWorkers);
  const documents = createDocumentsService({ db, dataDir: options.dataDir, resourcesDir, pool, now, generator });
  const exportRunner = createExportRunner({
    db,
    pool,
    resourcesDir,
    lookupLocation,
    now,
    generator,
    exportsDir: options.exportsDir ?? join(options.dataDir, 'exports'),
    onProgress: (progress) => emitDocuments({ kind: 'export', ...progress }),
  });
  // Every outbox state change (queued, sending, delivered, waiting, failed…) is pushed so the views follow it.
  const emitOutboxCounts = (): void => {
    void outbox.counts().then((counts) => listeners.outboxChanged.forEach((listener) => listener({ counts })));
  };
  const outboxRunner = createOutboxRunner({
    db,
    dataDir: options.dataDir,
    getAuth: session.getAuth,
    createClient,
    onUnauthorized: session.dropToken,
    now,
    onChange: emitOutboxCounts,
  });
  const outbox = createOutboxService({
    db,
    dataDir: options.dataDir,
    now,
    runner: outboxRunner,
    intervalMs: options.outboxIntervalMs ?? DEFAULT_OUTBOX_INTERVAL_MS,
    onChange: emitOutboxCounts,
  });
  const handlers = createIpcHandlers({
    db,
    session,
    sync,
    jobs,
    lookupLocation,
    openExternal: options.openExternal,
    documents: { documents, exports: exportRunner, emit: emitDocuments, openPath: options.openPath },
    outbox,
    appInfo: { version: appVersion, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, runtime: options.runtime },
  });

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
      await documents.recover();
      scheduler.start();
      await outbox.start();
    },
    async close() {
      scheduler.stop();
      await outbox.stop();
      exportRunner.cancel();
      await exportRunner.whenIdle();
      await pool.close();
      await sync.whenIdle();
      await opened.close();
    },
  };
}
