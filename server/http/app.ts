/** Assembles the fastify app: DRF-style error bodies, multipart, fault injection (test mode) and the routes. */
import multipart from '@fastify/multipart';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAssignmentRoutes } from '../routes/assignment.routes';
import { DEFAULT_ASSIGNMENT_EXPIRY_DAYS, type AssignmentClock } from '../fulfilment/assignment.service';
import { DEFAULT_CREW_INTEREST_TTL_MS, type CrewSettings } from '../fulfilment/crews.service';
import { registerAuthRoutes } from '../routes/auth.routes';
import { registerCrewRoutes } from '../routes/crews.routes';
import { registerDocumentRoutes } from '../routes/documents.routes';
import { registerOrderEventRoutes } from '../routes/order-events.routes';
import { registerOrderStatusRoutes } from '../routes/order-status.routes';
import { registerOrderRoutes } from '../routes/orders.routes';
import { registerPackageRoutes } from '../routes/packages.routes';
import { registerTestHookRoutes } from '../routes/test-hooks.routes';
import type { ReferenceStore } from '../store/reference-store';
import { FaultInjector } from './fault-injector';
import { HttpError } from './http-errors';
import { MULTIPART_PLUGIN_OPTIONS } from './multipart-form';
import { serverProfile, type ServerProfileName } from './server-profile';

export interface RouteInfo {
  method: string;
  url: string;
}

export interface AppOptions {
  testHooks: boolean;
  logger: boolean;
  /** What the answers carry (server-profile.ts); default 'reference'. */
  profile?: ServerProfileName;
  /** The clock desk assignments expire on, and after how many business days (default: the wall clock, 3 days). */
  assignmentClock?: Partial<AssignmentClock>;
  /** Field crews (reference profile only): interest expiry and the clock it is measured by (tests move it). */
  crews?: Partial<CrewSettings>;
}

export interface BuiltApp {
  app: FastifyInstance;
  routes: RouteInfo[];
  faults: FaultInjector | undefined;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

export function buildApp(store: ReferenceStore, options: AppOptions): BuiltApp {
  const profile = serverProfile(options.profile);
  const app = Fastify({
    logger: options.logger,
    // Raw test orders and bench-size bodies can be large.
    bodyLimit: 64 * 1024 * 1024,
    // close() must not wait on keep-alive sockets held by test clients.
    forceCloseConnections: true,
  });

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method: String(method), url: route.url });
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof HttpError) return reply.code(error.statusCode).send(profile.error(error.body));
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      // Malformed JSON, wrong content type, body too large: DRF answers these with a `detail`.
      return reply.code(error.statusCode).send({ detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ detail: 'A server error occurred.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: 'Not found.' }));

  let faults: FaultInjector | undefined;
  if (options.testHooks) {
    const injector = new FaultInjector();
    faults = injector;
    app.addHook('onRequest', async (request, reply) => {
      await injector.apply(request, reply);
    });
    app.addHook('onSend', async (request, reply, payload) => injector.applyAfter(request, reply, payload));
    app.addHook('onClose', async () => injector.abortDelays());
    registerTestHookRoutes(app, store, injector);
  }

  // Only the upload route reads multipart; the plugin's limits are the upload's (multipart-form.ts).
  void app.register(multipart, MULTIPART_PLUGIN_OPTIONS);
  registerAuthRoutes(app, store, profile);
  registerOrderRoutes(app, store, profile);
  registerOrderStatusRoutes(app, store, profile);
  registerOrderEventRoutes(app, store, profile);
  registerDocumentRoutes(app, store, profile);
  registerPackageRoutes(app, store);
  if (profile.assignments) registerAssignmentRoutes(app, store, { now: () => new Date(), expiryBusinessDays: DEFAULT_ASSIGNMENT_EXPIRY_DAYS, ...options.assignmentClock });
  // Crews are our extension of the contract: the seed-000 profile has none.
  if (profile.name === 'reference') registerCrewRoutes(app, store, { interestTtlMs: options.crews?.interestTtlMs ?? DEFAULT_CREW_INTEREST_TTL_MS, now: options.crews?.now ?? (() => new Date()) });
  return { app, routes, faults };
}
