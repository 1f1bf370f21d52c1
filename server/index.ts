/**
 * The reference GeoDB server: the API ClaimDesk speaks (pending orders, document upload into
 * ClaimPackages, staff status changes, workflow override events) on 127.0.0.1, backed by its own SQLite file.
 * Used by `npm run server`, the demo, the tests and the benchmark.
 */
import type { RouteInfo } from './http/app';
import { buildApp } from './http/app';
import type { FaultInjector } from './http/fault-injector';
import type { AssignmentClock } from './fulfilment/assignment.service';
import type { ServerProfileName } from './http/server-profile';
import { applySeed, ensureDemoUsers, type SeedOption, type SeedResult } from './seed/seed';
import { ReferenceStore } from './store/reference-store';

export type { AssignmentClock } from './fulfilment/assignment.service';
export { DEMO_ADMIN, DEMO_CREW, DEMO_CUSTOMER, DEMO_MANAGER, DEMO_PASSWORD, DEMO_STAFF, DEMO_STAFF_2, DEMO_USERS } from './demo-users';
export type { DemoUser } from './demo-users';
export type { RouteInfo } from './http/app';
export type { FaultSpec } from './http/fault-injector';
export { SERVER_PROFILES, type ServerProfileName } from './http/server-profile';
export { buildLodeGrid } from './seed/claim-grid';
export type { SeedOption, SeedResult } from './seed/seed';
export { ReferenceStore } from './store/reference-store';

export const REFERENCE_HOST = '127.0.0.1';

export interface ReferenceServerOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  dbFile: string;
  /** Default 'demo'. A database that already holds orders is never seeded again. */
  seed?: SeedOption;
  /** Wipe every table before seeding. */
  reset?: boolean;
  /** Register the `/__test__/` routes. */
  testHooks?: boolean;
  /** What the answers carry: the full reference API, or only what the contract describes (http/server-profile.ts). */
  profile?: ServerProfileName;
  logger?: boolean;
  /** The server's clock for desk-assignment expiry (tests move it) and the business days a claim lasts without activity. */
  assignmentClock?: Partial<AssignmentClock>;
  /** How long a crew interest stays active without a decision (default three days). */
  crewInterestTtlMs?: number;
  /** The clock crew interests are dated and expired by; a test passes one it can move. */
  now?: () => Date;
}

export interface ReferenceServer {
  url: string;
  port: number;
  store: ReferenceStore;
  /** Every registered route (HEAD twins included), for the "all documented" check. */
  routes: readonly RouteInfo[];
  seed: SeedResult;
  /** Present only with testHooks. */
  faults: FaultInjector | undefined;
  close(): Promise<void>;
}

export async function startReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  const store = await ReferenceStore.open(options.dbFile, { reset: options.reset ?? false });
  try {
    await ensureDemoUsers(store);
    const seed = await applySeed(store, options.seed ?? 'demo');
    const { app, routes, faults } = buildApp(store, {
      testHooks: options.testHooks ?? false,
      logger: options.logger ?? false,
      profile: options.profile,
      assignmentClock: options.assignmentClock,
      crews: { interestTtlMs: options.crewInterestTtlMs, now: options.now },
    });
    await app.listen({ host: REFERENCE_HOST, port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
    let closing: Promise<void> | undefined;
    return {
      url: `http://${REFERENCE_HOST}:${port}`,
      port,
      store,
      routes,
      seed,
      faults,
      close: () => {
        closing ??= app.close().then(() => store.close());
        return closing;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
