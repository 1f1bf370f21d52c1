/**
 * Field crews at the desk: the crew view of an order (from the crew cache and this desk's crew entries still in the
 * outbox), and the three decisions (register interest, withdraw it, assign a crew), each checked against the crew
 * track (shared/workflow/crew.table.ts) and queued through the outbox under the person who made it, so an offline
 * desk's decision goes out when the network returns and a refusal stays in the outbox, failed with its reason.
 * Coverage is read and set on the server directly: it is the manager's set-up, not work to deliver later.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CREW_PATHS, crewCoveragePath, type CrewCoverageArea } from '../../shared/api/crews.schemas';
import type { UserRole } from '../../shared/api/geodb.schemas';
import { crewPayloadSchema, crewSummary, type CrewPayload } from '../../shared/crews/crew-payload';
import { readCoverage } from '../../shared/crews/crew-readers';
import type { CrewAssignInput, CrewCoverageView, CrewInterestInput, OrderCrew } from '../../shared/crews/crew.types';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { crewStateOf, decideCrewCommand, type CrewCommand, type CrewContext } from '../../shared/workflow/crew.table';
import { RequestError, type GeoDbClient, type SessionAuth } from '../api/geodb-client';
import type { Database } from '../db/schema';
import { getBoardRow, listCrewInterests } from '../repos/crews.repo';
import { getOrderRow } from '../repos/orders.repo';
import { insertOutboxEntry, listOutboxEntries, OPEN_STATES } from '../repos/outbox.repo';
import { CREWS_UNSUPPORTED, readBookkeeping, refreshCrewBoard, type CrewRefreshDeps, type RefreshOutcome } from './crew-refresh';

export interface CrewsService {
  refresh(): Promise<RefreshOutcome>;
  orderCrew(order: OrderKey): Promise<OrderCrew>;
  registerInterest(input: CrewInterestInput): Promise<OrderCrew>;
  withdrawInterest(order: OrderKey): Promise<OrderCrew>;
  assign(input: CrewAssignInput): Promise<OrderCrew>;
  /** The signed-in crew member's coverage (server first, the last board's copy offline), or any crew member's for staff. */
  coverage(username?: string): Promise<CrewCoverageView>;
  setCoverage(username: string, areas: CrewCoverageArea[]): Promise<CrewCoverageView>;
}

export interface CrewsServiceDeps extends CrewRefreshDeps {
  db: Kysely<Database>;
  getAuth: () => Promise<SessionAuth | null>;
  createClient: (serverUrl: string) => GeoDbClient;
  /** Send what was just queued (errors are the outbox's to report). */
  kickOutbox: () => void;
  onChanged?: (order: OrderKey) => void;
}

/** The server's own sentence for a refusal (403: not a manager; 404: no such crew member, or no crews at all). */
function coverageError(error: unknown, what: 'read' | 'saved'): AppError {
  if (!(error instanceof RequestError)) return new AppError('internal', `The crew's coverage could not be ${what}: ${String(error)}`, { cause: error });
  const { failure } = error;
  if (failure.kind !== 'http') return new AppError('offline', `The crew's coverage could not be ${what}: the server could not be reached (${error.message}).`, { cause: error });
  const said = failure.serverMessage ?? `HTTP ${failure.status}`;
  const code = failure.status === 403 ? 'forbidden' : failure.status === 404 ? 'not-found' : 'server-error';
  return new AppError(code, `The crew's coverage could not be ${what}: ${said}`, { cause: error });
}

const sameOrder = (payload: CrewPayload, order: OrderKey): boolean => payload.orderType === order.orderType && payload.orderId === order.id;

export function createCrewsService(deps: CrewsServiceDeps): CrewsService {
  const { db } = deps;

  async function me(): Promise<{ username: string; role: UserRole }> {
    const user = await deps.currentUser();
    if (!user) throw new AppError('auth-required', 'Sign in to work with field crews: every decision is sent under the account that made it.');
    return user;
  }

  /** This desk's crew decisions for the order still owed to the server (or refused by it). */
  async function pendingOf(order: OrderKey) {
    const entries = (await listOutboxEntries(db, { includeClosed: false })).filter((e) => e.kind === 'crew');
    return entries
      .map((entry) => ({ entry, payload: crewPayloadSchema.safeParse(JSON.parse(entry.payload_json)).data }))
      .filter((e): e is { entry: typeof e.entry; payload: CrewPayload } => e.payload !== undefined && sameOrder(e.payload, order) && OPEN_STATES.includes(e.entry.state))
      .reverse();
  }

  async function contextFor(order: OrderKey, user: { username: string }): Promise<{ view: OrderCrew; context: CrewContext }> {
    const [found, board, interests, pending, kept] = await Promise.all([getOrderRow(db, order), getBoardRow(db, order), listCrewInterests(db, order), pendingOf(order), readBookkeeping(db)]);
    const row = found?.row;
    if (!row) throw new AppError('not-found', `Order ${order.orderType} ${order.id} is not in the cache; sync first.`);
    const stakingService = row.staking_service === 1;
    const assignedCrew = board?.assigned_crew ?? null;
    // What this desk already queued counts before the server has it: a withdrawal queued is no longer active.
    const last = pending.filter((p) => p.payload.action !== 'assign').at(-1)?.payload.action;
    const ownActiveOnServer = interests.some((i) => i.crew === user.username && i.status === 'active');
    const ownInterestActive = last === undefined ? ownActiveOnServer : last === 'interest';
    const context: CrewContext = { orderNumber: row.order_number, stakingService, assignedCrew, inCoverage: board ? board.in_coverage === 1 : false, ownInterestActive };
    const unsupported = kept.unsupported ? CREWS_UNSUPPORTED : null;
    const view: OrderCrew = {
      order,
      orderNumber: row.order_number,
      crewState: crewStateOf({ stakingService, assignedCrew }),
      stakingService,
      assignedCrew,
      state: board?.state ?? null,
      county: board?.county ?? null,
      inCoverage: context.inCoverage,
      interests: interests.map((i) => ({
        serverId: i.server_id,
        crew: i.crew,
        crewName: i.crew_name,
        status: i.status as OrderCrew['interests'][number]['status'],
        proposedCostCents: i.proposed_cost_cents,
        earliestDate: i.earliest_date,
        note: i.note,
        reason: i.reason,
        decidedBy: i.decided_by,
        createdAt: i.created_at,
        updatedAt: i.updated_at,
        expiresAt: i.expires_at,
      })),
      pending: pending.map(({ entry, payload }) => ({ entryId: entry.id, summary: crewSummary(payload), state: entry.state, lastError: entry.last_error })),
      role: null,
      canRegister: { ok: false, why: null },
      canWithdraw: { ok: false, why: null },
      canAssign: { ok: false, why: null },
      unsupported,
      refreshedAt: kept.refreshedAt,
    };
    return { view, context };
  }

  function may(command: CrewCommand, context: CrewContext, role: UserRole, unsupported: string | null): { ok: boolean; why: string | null } {
    if (unsupported) return { ok: false, why: unsupported };
    // ASSIGN_CREW's chosen interest and reason are the person's input: asked for once they pick a crew.
    const decision = decideCrewCommand(command, command === 'ASSIGN_CREW' ? { ...context, chosenInterestActive: true, reason: 'xxx' } : context, role);
    return decision.ok ? { ok: true, why: null } : { ok: false, why: decision.message };
  }

  async function orderCrew(order: OrderKey): Promise<OrderCrew> {
    const user = await deps.currentUser();
    const { view, context } = await contextFor(order, user ?? { username: '' });
    if (!user) return view;
    return {
      ...view,
      role: user.role,
      canRegister: may('REGISTER_INTEREST', context, user.role, view.unsupported),
      canWithdraw: may('WITHDRAW_INTEREST', context, user.role, view.unsupported),
      canAssign: may('ASSIGN_CREW', context, user.role, view.unsupported),
    };
  }

  async function queue(command: CrewCommand, order: OrderKey, extra: Partial<CrewContext>, build: (orderNumber: string) => CrewPayload): Promise<OrderCrew> {
    const user = await me();
    const { view, context } = await contextFor(order, user);
    if (view.unsupported) throw new AppError('invalid-request', view.unsupported);
    const decision = decideCrewCommand(command, { ...context, ...extra }, user.role);
    if (!decision.ok) throw new AppError('invalid-request', decision.message);
    const at = deps.now().toISOString();
    const payload = build(view.orderNumber);
    await db.transaction().execute((trx) =>
      insertOutboxEntry(trx, { id: randomUUID(), job_id: null, kind: 'crew', payload_json: JSON.stringify(payload), state: 'queued', created_at: at, updated_at: at, queued_by: user.username }, []),
    );
    deps.kickOutbox();
    deps.onChanged?.(order);
    return orderCrew(order);
  }

  const ref = (order: OrderKey, orderNumber: string) => ({ orderType: order.orderType, orderId: order.id, orderNumber });

  async function coverageClient(): Promise<{ client: GeoDbClient; auth: SessionAuth }> {
    const auth = await deps.getAuth();
    if (!auth) throw new AppError('auth-required', 'Sign in to read or set a crew\'s coverage: it is kept on the server.');
    return { client: deps.createClient(auth.serverUrl), auth };
  }

  return {
    refresh: () => refreshCrewBoard(deps),
    orderCrew,
    registerInterest: (input) =>
      queue('REGISTER_INTEREST', input.order, {}, (n) => ({ action: 'interest', ...ref(input.order, n), proposedCostCents: input.proposedCostCents, earliestDate: input.earliestDate, note: input.note })),
    withdrawInterest: (order) => queue('WITHDRAW_INTEREST', order, {}, (n) => ({ action: 'withdraw', ...ref(order, n) })),
    async assign(input) {
      const interests = await listCrewInterests(db, input.order);
      const chosen = interests.find((i) => i.crew === input.crew && i.status === 'active');
      return queue('ASSIGN_CREW', input.order, { chosenInterestActive: chosen !== undefined, reason: input.reason }, (n) => ({ action: 'assign', ...ref(input.order, n), crew: input.crew, crewName: chosen?.crew_name ?? input.crew, reason: input.reason }));
    },
    async coverage(username) {
      const user = await me();
      const { client, auth } = await coverageClient();
      const path = username === undefined || username === user.username ? CREW_PATHS.myCoverage : crewCoveragePath(username);
      try {
        return { crew: username ?? user.username, areas: readCoverage(await client.requestJson(auth, { method: 'GET', path })) };
      } catch (error) {
        const kept = await readBookkeeping(db);
        if (path === CREW_PATHS.myCoverage && kept.coverage && !(error instanceof RequestError && error.failure.kind === 'http')) return { crew: user.username, areas: kept.coverage };
        throw coverageError(error, 'read');
      }
    },
    async setCoverage(username, areas) {
      const { client, auth } = await coverageClient();
      try {
        return { crew: username, areas: readCoverage(await client.requestJson(auth, { method: 'PUT', path: crewCoveragePath(username), body: { areas } })) };
      } catch (error) {
        throw coverageError(error, 'saved');
      }
    },
  };
}
