/**
 * Composition root of the Node back-end: builds the database, HTTP client, session, sync and IPC handlers from
 * the adapters a shell passes in. Electron main, the browser test host and tests all start the app here.
 */
import { join } from 'node:path';
import { version as appVersion } from '../../package.json';
import { createGeoDbClient } from '../api/geodb-client';
import { openDatabase } from '../db/open-database';
import { lookupLocation } from '../geo/location-lookup';
import { createJobsService } from '../jobs/jobs.service';
import { createSessionService } from '../session/session.service';
import { canonicalServerUrl } from '../../shared/domain/server-url';
import { createSyncScheduler } from '../sync/sync-scheduler';
import { createSyncService } from '../sync/sync.service';
import type { ClaimDeskApp, ClaimDeskAppOptions } from './create-app.types';
import { preparePrivateDataDir } from './private-data-dir';
import { createIpcHandlers } from './ipc-handlers';
import { createDocumentsService } from '../documents/documents.service';
import { createExportRunner } from '../documents/export-runner';
import { findResourcesDir } from '../documents/fonts';
import { createPackageWorkerPool } from '../documents/worker-pool';
import { createOutboxRunner } from '../outbox/outbox-runner';
import { createOutboxService } from '../outbox/outbox.service';
import type { IpcEventName } from '../../shared/ipc/channels';
import { getAppSettings } from '../repos/settings.repo';
import { createNotificationsService } from '../workflow/notifications.service';
import { createStaleCheck } from '../workflow/stale-check';
import { createWorkflowService } from '../workflow/workflow.service';
import { inThreadDuplicateCheck, SMALL_CHECK_ORDERS, workerDuplicateCheck } from '../workflow/duplicate-check';
import { countOrders } from '../repos/orders.repo';
import { outboxWorkflowHooks } from './outbox-workflow-hooks';
import { createBasemapService } from '../basemap/basemap.service';
import { mapSettingsChecker } from './basemap-handlers';
import { createPlssService } from '../plss/plss.service';
import type { IpcEventPayload } from '../../shared/ipc/contract';

export const DATABASE_FILE = 'claimdesk.sqlite';
const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;
/** How often the outbox looks for due entries: a retry waits at least this long, and offline work goes out soon after the network returns. */
const DEFAULT_OUTBOX_INTERVAL_MS = 15_000;
/** Stale work is counted in days: looking once an hour (and at start) is plenty. */
const DEFAULT_STALE_CHECK_INTERVAL_MS = 60 * 60_000;

export async function createClaimDeskApp(options: ClaimDeskAppOptions): Promise<ClaimDeskApp> {
  const now = () => (options.clock ? options.clock.now() : new Date());
  preparePrivateDataDir(options.dataDir, DATABASE_FILE);
  const opened = await openDatabase({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding, now });
  const { db } = opened;
  const createClient = (serverUrl: string) => createGeoDbClient({ baseUrl: serverUrl, now, uploadTimeoutMs: options.uploadTimeoutMs });
  const session = createSessionService({
    db,
    tokenStore: options.tokenStore,
    createClient,
    demoServerUrl: options.demo ? canonicalServerUrl(options.demo.serverUrl) : undefined,
  });
  const listeners: { [K in IpcEventName]: Set<(payload: IpcEventPayload<K>) => void> } = {
    syncStatus: new Set(),
    documentsProgress: new Set(),
    outboxChanged: new Set(),
    workflowChanged: new Set(),
    notificationAdded: new Set(),
    plssStatus: new Set(),
  };
  const reportBackground = (error: unknown): void => options.onBackgroundError?.(error);
  const emitWorkflow = (jobIds: number[]): void => listeners.workflowChanged.forEach((listener) => listener({ jobIds }));
  const notifications = createNotificationsService({ db, now, onAdded: (n) => listeners.notificationAdded.forEach((listener) => listener(n)) });
  const getWorkflowSettings = async () => (await getAppSettings(db)).workflow;
  const workflow = createWorkflowService({
    db,
    now,
    currentActor: () => session.currentUser(),
    getSettings: getWorkflowSettings,
    notifications,
    onChanged: emitWorkflow,
    kickOutbox: () => outbox.kick(),
    // Seconds of geometry after a big sync: off the main thread, over a read-only connection of its own.
    duplicateCheck: workerDuplicateCheck({
      file: join(options.dataDir, DATABASE_FILE),
      nativeBinding: options.nativeBinding,
      fallback: inThreadDuplicateCheck(db),
      inThreadBelow: { orders: SMALL_CHECK_ORDERS, count: () => countOrders(db, { includeGone: false }) },
    }),
  });
  const currentActor = () => workflow.requireActor();
  const sync = createSyncService({
    db,
    getAuth: session.getAuth,
    onUnauthorized: session.dropToken,
    createClient,
    now,
    getServiceLevels: getWorkflowSettings,
    largeWrite: opened.largeWrites.run,
    // The role may have changed on the server, and the sync's news may concern jobs: neither may fail the sync.
    afterSync: (outcome) => Promise.all([session.refreshUser(), workflow.afterSync(outcome)]).then(() => undefined, reportBackground),
  });
  const scheduler = createSyncScheduler({ sync, intervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS, now });
  const jobs = createJobsService({
    db,
    lookupLocation,
    workflow,
    now,
    // An override is recorded on the server while the person who made it is still signed in: send it at once.
    onChanged: (jobId, queued) => {
      emitWorkflow([jobId]);
      if (queued) outbox.kick();
    },
  });
  const emitDocuments = (payload: IpcEventPayload<'documentsProgress'>): void => listeners.documentsProgress.forEach((listener) => listener(payload));
  const generator = { name: 'ClaimDesk', version: appVersion };
  const resourcesDir = findResourcesDir(options.resourcesDir);
  // Started lazily by the pool: no worker runs until the first package is made.
  const pool = createPackageWorkerPool(options.documentWorkers);
  const documents = createDocumentsService({ db, dataDir: options.dataDir, resourcesDir, pool, now, generator, currentActor, nativeBinding: options.nativeBinding });
  const exportRunner = createExportRunner({
    db,
    pool,
    resourcesDir,
    lookupLocation,
    now,
    generator,
    exportsDir: options.exportsDir ?? join(options.dataDir, 'exports'),
    nativeBinding: options.nativeBinding,
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
    ...outboxWorkflowHooks({ now, notifications, onChanged: emitWorkflow, onError: reportBackground }),
  });
  const outbox = createOutboxService({
    db,
    dataDir: options.dataDir,
    now,
    runner: outboxRunner,
    intervalMs: options.outboxIntervalMs ?? DEFAULT_OUTBOX_INTERVAL_MS,
    onChange: emitOutboxCounts,
    currentActor,
    sendingAccount: session.getAuth,
  });
  const plss = createPlssService({
    db,
    now,
    jobs,
    onStatus: (status) => listeners.plssStatus.forEach((listener) => listener(status)),
    onError: reportBackground,
  });
  const staleCheck = createStaleCheck({ check: () => workflow.checkStale(), intervalMs: options.staleCheckIntervalMs ?? DEFAULT_STALE_CHECK_INTERVAL_MS, onError: reportBackground });
  const basemap = createBasemapService({ getFile: async () => (await getAppSettings(db)).maps.basemapFile, nativeBinding: options.nativeBinding });
  const handlers = createIpcHandlers({
    db,
    session,
    sync,
    jobs,
    lookupLocation,
    openExternal: options.openExternal,
    documents: { documents, exports: exportRunner, emit: emitDocuments, openPath: options.openPath },
    outbox,
    workflow: { db, workflow, notifications, jobs, outbox, onSettingsChanged: () => emitWorkflow([]), checkMaps: mapSettingsChecker(basemap) },
    basemap,
    plss: { plss, chooseFiles: options.chooseFiles },
    now,
    onBackgroundError: reportBackground,
    appInfo: { version: appVersion, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, runtime: options.runtime },
  });

  sync.onStatus((status) => listeners.syncStatus.forEach((listener) => listener(status)));

  return {
    handlers,
    basemap,
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
      // The role is read again from /me (a role changed on the server applies from this start); not awaited, so
      // an unreachable server never delays starting offline.
      session.refreshUser().catch(reportBackground);
      scheduler.start();
      await outbox.start();
      staleCheck.start();
    },
    async close() {
      staleCheck.stop();
      scheduler.stop();
      await outbox.stop();
      exportRunner.cancel();
      await exportRunner.whenIdle();
      await plss.whenIdle();
      await pool.close();
      await basemap.close();
      await sync.whenIdle();
      await opened.close();
    },
  };
}
