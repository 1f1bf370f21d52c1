/**
 * Field crews (reference profile only; a seed-000 server has none of these paths and answers 404):
 *   GET  /api/v2/claims/crews/board/                                   the desk's crew board (crew: own coverage and interests)
 *   GET  /api/v2/claims/crews/coverage/                                the signed-in crew member's coverage
 *   GET, PUT /api/v2/claims/crews/{username}/coverage/                 a crew member's coverage (PUT: manager or admin)
 *   GET  /api/v2/claims/staff/orders/{type}/{id}/crew-interests/       the order's interests (crew: their own)
 *   POST /api/v2/claims/staff/orders/{type}/{id}/crew-interests/       register (or revise) interest: crew only
 *   POST …/crew-interests/withdraw/                                    withdraw it: crew only
 *   POST /api/v2/claims/staff/orders/{type}/{id}/crew-assignment/      assign {crew, reason}: manager or admin
 * POSTs take an optional Idempotency-Key (ClaimDesk's outbox sends its entry id): a resend answers the first result.
 * The rules are in ../fulfilment/crews.service.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiUser } from '../../shared/api/geodb.schemas';
import { CREW_PATHS, crewAssignRequestSchema, crewCoverageRequestSchema, crewInterestRequestSchema } from '../../shared/api/crews.schemas';
import {
  assignCrew,
  crewBoard,
  crewUser,
  expireOverdue,
  isCrew,
  listOrderInterests,
  readCoverage,
  registerInterest,
  requireAssigner,
  requireCrewOrStaff,
  withdrawInterest,
  writeCoverage,
  type CrewSettings,
} from '../fulfilment/crews.service';
import { requireUser } from '../http/auth.guard';
import { drfFieldErrors, readOrderPath } from '../http/drf-errors';
import { HttpError } from '../http/http-errors';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { routePath } from '../http/route-path';
import type { ReferenceStore } from '../store/reference-store';

const userParams = z.object({ username: z.string().min(1).max(150) });

/** DRF-style field errors: {field: [message]}. */
function parseBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const body = raw ?? {};
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, drfFieldErrors(parsed.error, body));
}

export function registerCrewRoutes(app: FastifyInstance, store: ReferenceStore, settings: CrewSettings): void {
  // Interests also expire on a timer, not only when someone reads them.
  const sweep = setInterval(() => void store.transaction((trx) => expireOverdue(trx, settings)).catch(() => undefined), 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  /** One POST, replayed by its Idempotency-Key when sent again. */
  async function idempotentPost(request: FastifyRequest, reply: FastifyReply, work: (user: ApiUser, db: Parameters<Parameters<typeof runIdempotent>[2]>[0]) => Promise<{ statusCode: number; body: unknown }>): Promise<FastifyReply> {
    const user = await requireUser(request, store);
    const key = readIdempotencyKey(request, false);
    const path = requestPath(request);
    const scope = { key, method: 'POST', path, userId: user.id, fingerprint: requestFingerprint('POST', path, request.body ?? null) };
    return sendIdempotent(reply, await runIdempotent(store, scope, (trx) => work(user, trx)));
  }

  app.get(CREW_PATHS.board, async (request) => {
    const user = await requireUser(request, store);
    requireCrewOrStaff(user);
    return crewBoard(store.db, user, await store.pendingOrderDocs(), settings);
  });

  app.get(CREW_PATHS.myCoverage, async (request) => {
    const user = await requireUser(request, store);
    if (!isCrew(user)) throw new HttpError(403, { detail: 'Only a crew member has a coverage.' });
    return { crew: user.username, areas: await readCoverage(store.db, user.id) };
  });

  app.get(routePath(CREW_PATHS.coverage), async (request) => {
    const user = await requireUser(request, store);
    const { username } = userParams.parse(request.params);
    if (user.username !== username) requireCrewOrStaff(user);
    if (isCrew(user) && user.username !== username) throw new HttpError(403, { detail: 'A crew member reads only their own coverage.' });
    const crew = await crewUser(store.db, username);
    return { crew: username, areas: await readCoverage(store.db, crew.id) };
  });

  app.put(routePath(CREW_PATHS.coverage), async (request) => {
    const user = await requireUser(request, store);
    requireAssigner(user);
    const { username } = userParams.parse(request.params);
    const body = parseBody(crewCoverageRequestSchema, request.body);
    const crew = await crewUser(store.db, username);
    return { crew: username, areas: await store.transaction((trx) => writeCoverage(trx, crew.id, body.areas)) };
  });

  app.get(routePath(CREW_PATHS.interests), async (request) => {
    const user = await requireUser(request, store);
    return { results: await listOrderInterests(store.db, user, readOrderPath(request.params), settings) };
  });

  app.post(routePath(CREW_PATHS.interests), async (request, reply) =>
    idempotentPost(request, reply, (user, trx) => registerInterest(trx, user, readOrderPath(request.params), parseBody(crewInterestRequestSchema, request.body), settings)),
  );

  app.post(routePath(CREW_PATHS.withdraw), async (request, reply) =>
    idempotentPost(request, reply, async (user, trx) => ({ statusCode: 200, body: await withdrawInterest(trx, user, readOrderPath(request.params), settings) })),
  );

  app.post(routePath(CREW_PATHS.assign), async (request, reply) =>
    idempotentPost(request, reply, async (user, trx) => ({ statusCode: 200, body: { results: await assignCrew(trx, user, readOrderPath(request.params), parseBody(crewAssignRequestSchema, request.body), settings) } })),
  );
}
