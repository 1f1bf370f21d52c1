/**
 * Composition root of the Node back-end: builds the database, HTTP client, session and every service from the
 * adapters a shell passes in, in dependency order (each service is made from the ones before it, never from one
 * declared later): session → notifications → workflow → outbox → jobs and their commands → documents and export →
 * sync → field work → IPC handlers. Electron main, the browser test host, the CLI and tests all start the app here.
 */
import { join } from 'node:path';
import { version as appVersion } from '../../package.json';
import { createGeoDbClient } from '../api/geodb-client';
import { openDatabase } from '../db/open-database';
import { createDocumentsService } from '../documents/documents.service';
import { createExportRunner } from '../documents/export-runner';
import { findResourcesDir } from '../documents/fonts';
import { createPackageWorkerPool } from '../documents/worker-pool';
import { lookupLocation } from '../geo/location-lookup';
import { createJobCommands } from '../jobs/job-commands';
import { createJobsService } from '../jobs/jobs.service';
import { createAssignmentCommands } from '../jobs/job-assignment';
import { createFilingsService } from '../filings/filings.service';
import { createOutboxRunner } from '../outbox/outbox-runner';
import { createOutboxService, outboxCounts } from '../outbox/outbox.service';
import { getAppSettings } from '../repos/settings.repo';
import { createSessionService } from '../session/session.service';
import { canonicalServerUrl } from '../../shared/domain/server-url';
import { createSyncScheduler } from '../sync/sync-scheduler';
import { createSyncService, type SyncService } from '../sync/sync.service';
import { workerOrderSaver } from '../sync/worker-order-saver';
import { createNotificationsService } from '../workflow/notifications.service';
import { createStaleCheck } from '../workflow/stale-check';
import { checkDeadlineReminders } from '../deadlines/deadline-reminders';
import { deskDay } from '../../shared/domain/calendar-date';
import { createWorkflowService } from '../workflow/workflow.service';
import { inThreadDuplicateCheck, SMALL_CHECK_ORDERS, workerDuplicateCheck } from '../workflow/duplicate-check';
import { countOrders } from '../repos/orders.repo';
import { createBasemapService } from '../basemap/basemap.service';
import { mapSettingsChecker } from './basemap-handlers';
import { createPlssService } from '../plss/plss.service';
import type { IpcEventPayload } from '../../shared/ipc/contract';
import type { ClaimDeskApp, ClaimDeskAppOptions } from './create-app.types';
import { createEventHub, createSignal } from './event-hub';
import { createIpcHandlers } from './ipc-handlers';
import { preparePrivateDataDir } from './private-data-dir';
import { DATABASE_FILE } from './data-dir';
import { createFieldService } from '../field/field.service';
import { createCrewsService } from '../crews/crews.service';
import { refreshCrewBoard } from '../crews/crew-refresh';
import type { OrderKey } from '../../shared/domain/order.types';

export { DATABASE_FILE };
const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;
/** How often the outbox looks for due entries: a retry waits at least this long, and offline work goes out soon after the network returns. */
const DEFAULT_OUTBOX_INTERVAL_MS = 15_000;
/**
 * How long closing waits for an aborted sync to wind down before the cache is closed anyway: an abort ends the
 * download at once, so this only matters if something else hangs, and quitting must never hang with it.
 */
const SYNC_STOP_GRACE_MS = 3_000;
/** Stale work is counted in days: looking once an hour (and at start) is plenty. */
const DEFAULT_STALE_CHECK_INTERVAL_MS = 60 * 60_000;

export async function createClaimDeskApp(options: ClaimDeskAppOptions): Promise<ClaimDeskApp> {
  const now = () => (options.clock ? options.clock.now() : new Date());
  preparePrivateDataDir(options.dataDir, DATABASE_FILE);
  const opened = await openDatabase({ file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding, now });
  const { db } = opened;
  const events = createEventHub();
  const reportBackground = (error: unknown): void => options.onBackgroundError?.(error);
  const workflowChanged = (jobIds: number[]): void => events.emit('workflowChanged', { jobIds });
  // Any answer from the server (an upload, a status change, /me) proves it reachable: offline clears at once.
  const answered = createSignal();
  const createClient = (serverUrl: string) =>
    createGeoDbClient({ baseUrl: serverUrl, now, uploadTimeoutMs: options.uploadTimeoutMs, onAnswered: answered.fire });

  const session = createSessionService({
    db,
    tokenStore: options.tokenStore,
    createClient,
    demoServerUrl: options.demo ? canonicalServerUrl(options.demo.serverUrl) : undefined,
  });
  const notifications = createNotificationsService({ db, now, onAdded: (added) => events.emit('notificationAdded', added) });
  // Field crews: the board is read after every sync and after a crew decision reached the server.
  const crewChanged = (order: OrderKey | null): void => events.emit('crewChanged', { order });
  const crewsRefresh = (): Promise<void> =>
    refreshCrewBoard({ db, createClient, getAuth: session.getAuth, currentUser: () => session.currentUser(), notifications, now }).then((outcome) => {
      if (outcome === 'refreshed' || outcome === 'unsupported') crewChanged(null);
    }, reportBackground);
  const getWorkflowSettings = async () => (await getAppSettings(db)).workflow;
  const workflow = createWorkflowService({
    db,
    now,
    currentActor: () => session.currentUser(),
    getSettings: getWorkflowSettings,
    notifications,
    onChanged: workflowChanged,
    // Seconds of geometry after a big sync: off the main thread, over a read-only connection of its own.
    duplicateCheck: workerDuplicateCheck({
      file: join(options.dataDir, DATABASE_FILE),
      nativeBinding: options.nativeBinding,
      fallback: inThreadDuplicateCheck(db),
      inThreadBelow: { orders: SMALL_CHECK_ORDERS, count: () => countOrders(db, { includeGone: false }) },
    }),
  });
  const currentActor = () => workflow.requireActor();

  // Every outbox state change (queued, sending, delivered, waiting, failed…) is pushed so the views follow it.
  const outboxChanged = async (): Promise<void> => events.emit('outboxChanged', { counts: await outboxCounts(db) });
  const emitOutboxCounts = (): void => void outboxChanged().catch(reportBackground);
  const outboxRunner = createOutboxRunner({
    db,
    dataDir: options.dataDir,
    getAuth: session.getAuth,
    createClient,
    onUnauthorized: session.dropToken,
    now,
    onChange: emitOutboxCounts,
    notifications,
    onWorkflowChanged: workflowChanged,
    onCrewDelivered: () => void crewsRefresh(),
    onBackgroundError: reportBackground,
  });
  const outbox = createOutboxService({
    db,
    dataDir: options.dataDir,
    now,
    runner: outboxRunner,
    intervalMs: options.outboxIntervalMs ?? DEFAULT_OUTBOX_INTERVAL_MS,
    onChange: emitOutboxCounts,
    onBackgroundError: reportBackground,
    currentActor,
    sendingAccount: session.getAuth,
  });

  const crews = createCrewsService({ db, createClient, getAuth: session.getAuth, currentUser: () => session.currentUser(), notifications, now, kickOutbox: () => outbox.kick(), onChanged: crewChanged });
  const jobs = createJobsService({ db, lookupLocation, workflow, now, outbox, onChanged: workflowChanged });
  const assignment = createAssignmentCommands({ db, workflow, now, outbox, onChanged: workflowChanged });
  const commands = createJobCommands({ db, now, requireActor: currentActor, getJob: jobs.getJob, outbox, onChanged: workflowChanged });
  const filings = createFilingsService({ db, now, requireActor: currentActor, outbox, onChanged: workflowChanged });

  const emitDocuments = (payload: IpcEventPayload<'documentsProgress'>): void => events.emit('documentsProgress', payload);
  const generator = { name: 'ClaimDesk', version: appVersion };
  const resourcesDir = findResourcesDir(options.resourcesDir);
  // Started lazily by the pool: no worker runs until the first package is made.
  const pool = createPackageWorkerPool(options.documentWorkers);
  const documents = createDocumentsService({ db, dataDir: options.dataDir, resourcesDir, pool, now, generator, currentActor, nativeBinding: options.nativeBinding, onWorkflowChanged: workflowChanged });
  // The PLSS fills a job's land description through the jobs service (the fill is a save like any other).
  const plss = createPlssService({ db, now, jobs, onStatus: (status) => events.emit('plssStatus', status), onError: reportBackground });
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

  const orderSync = createSyncService({
    db,
    getAuth: session.getAuth,
    onUnauthorized: session.dropToken,
    createClient,
    now,
    getServiceLevels: getWorkflowSettings,
    getLimits: async () => (await getAppSettings(db)).sync,
    largeWrite: opened.largeWrites.run,
    // The save's COMMIT alone held the window's IPC for 100–350 ms: staged and saved by a connection in a worker.
    ...(options.syncSave === 'thread' ? {} : { openSaver: workerOrderSaver({ db, file: join(options.dataDir, DATABASE_FILE), nativeBinding: options.nativeBinding }) }),
    // The role may have changed on the server, and the sync's news may concern jobs: neither may fail the sync.
    afterSync: (outcome) => Promise.all([session.refreshUser(), workflow.afterSync(outcome)]).then(() => undefined, reportBackground),
  });
  // Every sync, also one the server answers "not modified" (crews do not change the pending list), reads the crew
  // board after it: the scheduler, the Sync button and sign-in all sync through this.
  const sync: SyncService = { ...orderSync, syncNow: () => orderSync.syncNow().finally(crewsRefresh) };
  sync.onStatus((status) => events.emit('syncStatus', status));
  const scheduler = createSyncScheduler({ sync, intervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS, now });
  answered.listen(() => {
    sync.serverAnswered().then((wasOffline) => wasOffline && scheduler.wake(), reportBackground);
  });
  // The same timer reminds of claim deadlines (Settings: days before), once per deadline and threshold.
  const reminders = () =>
    checkDeadlineReminders({ db, notifications, today: () => deskDay(now()), reminderDays: async () => (await getAppSettings(db)).workflow.deadlineReminderDays });
  const staleCheck = createStaleCheck({ check: async () => [await workflow.checkStale(), await reminders()], intervalMs: options.staleCheckIntervalMs ?? DEFAULT_STALE_CHECK_INTERVAL_MS, onError: reportBackground });
  const basemap = createBasemapService({ getFile: async () => (await getAppSettings(db)).maps.basemapFile, nativeBinding: options.nativeBinding });

  const field = createFieldService({
    db,
    now,
    commands,
    generatePackage: (jobId) => documents.generateForJob(jobId, (progress) => emitDocuments({ kind: 'package', ...progress })),
    onChanged: workflowChanged,
  });
  const handlers = createIpcHandlers({
    db,
    session,
    sync,
    jobs,
    commands,
    assignment,
    documents: { documents, exports: exportRunner, emit: emitDocuments, openPath: options.openPath },
    outbox,
    workflow: { db, workflow, notifications, commands, onSettingsChanged: () => workflowChanged([]), checkMaps: mapSettingsChecker(basemap) },
    basemap,
    plss: { plss, chooseFiles: options.chooseFiles },
    field,
    filings,
    crews,
    now,
    onBackgroundError: reportBackground,
    appInfo: { version: appVersion, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, runtime: options.runtime },
  });

  return {
    handlers,
    basemap,
    onEvent: events.on,
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
      sync.abort();
      await outbox.stop();
      exportRunner.cancel();
      await exportRunner.whenIdle();
      await plss.whenIdle();
      await pool.close();
      await basemap.close();
      await Promise.race([sync.whenIdle(), new Promise((resolve) => setTimeout(resolve, SYNC_STOP_GRACE_MS).unref())]);
      await opened.close();
    },
  };
}
