/**
 * Real parts for back-end tests: the reference server on 127.0.0.1 with its own SQLite file, and ClaimDesk's
 * services over a real cache file. Nothing of ours is mocked; only sleeping between retries is recorded instead
 * of waited for, so retry tests stay fast.
 */
import { join } from 'node:path';
import { startReferenceServer, type ReferenceServer, type SeedOption, type ServerProfileName } from '../../server';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { openDatabase, type OpenedDatabase } from '../../core/db/open-database';
import { createSessionService, type SessionService } from '../../core/session/session.service';
import { createMemoryTokenStore, type TokenStore } from '../../core/session/token-store';
import { createSyncService, type SyncService } from '../../core/sync/sync.service';
import { workerOrderSaver } from '../../core/sync/worker-order-saver';
import { makeTempDir } from './temp-dir';
import { createNotificationsService } from '../../core/workflow/notifications.service';
import { createWorkflowService, type WorkflowService } from '../../core/workflow/workflow.service';
import type { DuplicateCheck } from '../../core/workflow/duplicate-check';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import type { Actor } from '../../shared/workflow/workflow.types';
import type { SyncLimits } from '../../shared/sync/sync-limits';

/**
 * The reference server with test hooks. `profile` 'seed000' answers with only what the GeoDB contract describes
 * (server/http/server-profile.ts): the client's integration tests run against both, so they prove the contract,
 * not our own server's extras.
 */
export async function startTestServer(seed: SeedOption = 'demo', profile: ServerProfileName = 'reference'): Promise<ReferenceServer & { cleanup: () => Promise<void> }> {
  const temp = makeTempDir('claimdesk-server-');
  const server = await startReferenceServer({ dbFile: join(temp.dir, 'server.sqlite'), seed, testHooks: true, profile });
  return {
    ...server,
    cleanup: async () => {
      await server.close();
      temp.cleanup();
    },
  };
}

export interface BackEnd {
  opened: OpenedDatabase;
  session: SessionService;
  sync: SyncService;
  tokenStore: TokenStore;
  sleeps: number[];
  dataDir: string;
  signInStaff(serverUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** `saveInWorker`: the sync stages and saves in a worker thread, as the app's does (worker-order-saver.ts). */
export async function openBackEnd(options: { dataDir?: string; now?: () => Date; limits?: SyncLimits; saveInWorker?: boolean } = {}): Promise<BackEnd> {
  const temp = options.dataDir ? null : makeTempDir('claimdesk-cache-');
  const dataDir = options.dataDir ?? temp!.dir;
  const now = options.now ?? (() => new Date());
  const opened = await openDatabase({ file: join(dataDir, 'claimdesk.sqlite'), now });
  const tokenStore = createMemoryTokenStore();
  const createClient = (serverUrl: string) => createGeoDbClient({ baseUrl: serverUrl, timeoutMs: 2_000, now });
  const session = createSessionService({ db: opened.db, tokenStore, createClient });
  const sleeps: number[] = [];
  const sync = createSyncService({
    db: opened.db,
    largeWrite: opened.largeWrites.run,
    ...(options.saveInWorker ? { openSaver: workerOrderSaver({ db: opened.db, file: join(dataDir, 'claimdesk.sqlite') }) } : {}),
    getAuth: session.getAuth,
    onUnauthorized: session.dropToken,
    createClient,
    now,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(options.limits ? { getLimits: async () => options.limits! } : {}),
  });
  return {
    opened,
    session,
    sync,
    tokenStore,
    sleeps,
    dataDir,
    async signInStaff(serverUrl) {
      await session.signIn({ serverUrl, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
    },
    async close() {
      await sync.whenIdle();
      await opened.close();
      temp?.cleanup();
    },
  };
}

/**
 * The real workflow service over a test cache, acting as whoever `actor()` answers (null: signed out). Services that
 * need an actor or the workflow view (jobs, documents, outbox) take it from here in tests that build them directly.
 */
export function workflowFor(
  db: OpenedDatabase['db'],
  now: () => Date,
  actor: () => Actor | null,
  options: { duplicateCheck?: DuplicateCheck } = {},
): WorkflowService {
  const notifications = createNotificationsService({ db, now, onAdded: () => undefined });
  return createWorkflowService({
    db,
    now,
    currentActor: async () => actor(),
    getSettings: async () => DEFAULT_WORKFLOW_SETTINGS,
    notifications,
    onChanged: () => undefined,
    duplicateCheck: options.duplicateCheck,
  });
}
