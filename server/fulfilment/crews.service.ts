/**
 * Field crews for staking-service orders, as the reference server keeps them: coverage per crew member, interests
 * (register, revise, withdraw), a manager's or admin's assignment that rejects the competing interests with its
 * reason, and expiry of interests nobody decided on. The clock is injected (CrewSettings.now) so a test can move it;
 * every read and write first expires what is overdue, and the server also sweeps on a timer (http/app.ts).
 *
 * Where an order lies comes from its claim polygons (the centroid of their vertices, looked up in the county
 * boundaries ClaimDesk ships): the GeoDB server knows its projects' locations, the reference server has only the
 * polygons to go by.
 */
import type { Kysely } from 'kysely';
import type { ApiUser, OrderType } from '../../shared/api/geodb.schemas';
import type { CrewAssignRequest, CrewBoard, CrewBoardOrder, CrewCoverageArea, CrewInterest, CrewInterestRequest } from '../../shared/api/crews.schemas';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import { lookupLocation } from '../../core/geo/location-lookup';
import { orderVertices, vertexCentroid } from '../../core/jobs/job-defaults';
import { HttpError } from '../http/http-errors';
import type { ServerDatabase } from '../store/db.types';
import * as crews from '../store/crews.repo';
import { findOrder } from '../store/orders.repo';
import { findUserByUsername } from '../store/users.repo';

export interface CrewSettings {
  /** How long an interest stays active without a decision. */
  interestTtlMs: number;
  now: () => Date;
}

/** Three days: a crew's offer (cost, date) goes stale about as fast as their calendar fills. */
export const DEFAULT_CREW_INTEREST_TTL_MS = 72 * 3_600_000;

export const CREW_ROLE_REQUIRED = 'Only a crew member can register or withdraw interest in an order.';
export const ASSIGN_ROLE_REQUIRED = 'Only a manager or admin can assign a crew.';
const ASSIGNERS: readonly string[] = ['manager', 'admin'];

function notFound(): HttpError {
  return new HttpError(404, { detail: 'Not found.' });
}

export function isCrew(user: ApiUser): boolean {
  return user.role === 'crew';
}

/** Staff read every order's crews; a crew member reads their own; a customer neither. */
export function requireCrewOrStaff(user: ApiUser): void {
  if (!isCrew(user) && !user.is_staff) throw new HttpError(403, { error: 'Staff access required' });
}

export function requireAssigner(user: ApiUser): void {
  if (!user.is_staff || !ASSIGNERS.includes(user.role)) throw new HttpError(403, { detail: ASSIGN_ROLE_REQUIRED });
}

// --- where an order lies ------------------------------------------------------------------------------------

export interface StakingOrder {
  orderType: OrderType;
  id: number;
  orderNumber: string;
  state: string | null;
  county: string | null;
}

const locations = new Map<string, { state: string | null; county: string | null }>();

/** A staking-service order from its stored document, or null for any other (or an unreadable one). */
export function stakingOrderOf(docText: string): StakingOrder | null {
  const raw: unknown = JSON.parse(docText);
  const normalized = normalizePendingOrder(raw, 0);
  if (!normalized.ok || !normalized.order.stakingService) return null;
  const { order } = normalized;
  const key = `${order.orderType}:${order.id}:${docText.length}`;
  let where = locations.get(key);
  if (where === undefined) {
    const centroid = vertexCentroid(orderVertices(order.claims));
    const found = centroid ? lookupLocation(centroid[0], centroid[1]) : null;
    where = { state: found?.stateCode ?? null, county: found?.countyName ?? null };
    locations.set(key, where);
  }
  return { orderType: order.orderType, id: order.id, orderNumber: order.orderNumber, ...where };
}

/** Counties compare without "County" and case, so "Esmeralda" covers "Esmeralda County". */
function countyKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+(county|borough|census area|parish)$/, '');
}

export function inCoverage(order: Pick<StakingOrder, 'state' | 'county'>, areas: readonly CrewCoverageArea[]): boolean {
  if (order.state === null) return false;
  return areas.some((a) => a.state === order.state && (a.county === null || (order.county !== null && countyKey(a.county) === countyKey(order.county))));
}

// --- coverage -----------------------------------------------------------------------------------------------

export async function readCoverage(db: Kysely<ServerDatabase>, userId: number): Promise<CrewCoverageArea[]> {
  return (await crews.coverageOf(db, userId)).map((row) => ({ state: row.state, county: row.county === '' ? null : row.county }));
}

export async function crewUser(db: Kysely<ServerDatabase>, username: string): Promise<{ id: number; role: string }> {
  const row = await findUserByUsername(db, username);
  if (row === undefined || row.role !== 'crew') throw new HttpError(404, { detail: `No crew member named ${username}.` });
  return row;
}

export async function writeCoverage(db: Kysely<ServerDatabase>, userId: number, areas: readonly CrewCoverageArea[]): Promise<CrewCoverageArea[]> {
  await crews.replaceCoverage(db, userId, areas.map((a) => ({ state: a.state, county: a.county ?? '' })));
  return readCoverage(db, userId);
}

// --- interests ----------------------------------------------------------------------------------------------

function toInterest(row: crews.CrewInterestRow, orderNumber: string): CrewInterest {
  const name = [row.first_name, row.last_name].filter((part) => part !== '').join(' ');
  return {
    id: row.id,
    order_type: row.order_type as OrderType,
    order_id: row.order_id,
    order_number: orderNumber,
    crew: row.username,
    crew_name: name || row.username,
    status: row.status as CrewInterest['status'],
    proposed_cost_cents: row.proposed_cost_cents,
    earliest_date: row.earliest_date,
    note: row.note,
    reason: row.reason,
    created_at: row.created_at,
    updated_at: row.updated_at,
    expires_at: row.expires_at,
    decided_by: row.decided_by_username,
  };
}

function ttlHours(settings: CrewSettings): number {
  return Math.round((settings.interestTtlMs / 3_600_000) * 100) / 100;
}

/** Active interests past their time become expired, with the reason the crew member is told. */
export async function expireOverdue(db: Kysely<ServerDatabase>, settings: CrewSettings): Promise<number> {
  const now = settings.now().toISOString();
  const ids = await crews.overdueInterestIds(db, now);
  const reason = `No decision within ${ttlHours(settings)} hours; the interest expired.`;
  for (const id of ids) await crews.updateInterest(db, id, { status: 'expired', reason, updated_at: now });
  return ids.length;
}

async function stakingOrder(db: Kysely<ServerDatabase>, orderType: OrderType, orderId: number): Promise<StakingOrder> {
  const row = await findOrder(db, orderType, orderId);
  if (row === undefined) throw notFound();
  const order = stakingOrderOf(row.doc);
  if (order === null) throw new HttpError(400, { detail: 'This order did not buy the staking service, so it has no crew.' });
  return order;
}

export interface OrderRef {
  orderType: OrderType;
  orderId: number;
}

export async function registerInterest(db: Kysely<ServerDatabase>, user: ApiUser, ref: OrderRef, request: CrewInterestRequest, settings: CrewSettings): Promise<{ statusCode: number; body: CrewInterest }> {
  if (!isCrew(user)) throw new HttpError(403, { detail: CREW_ROLE_REQUIRED });
  await expireOverdue(db, settings);
  const order = await stakingOrder(db, ref.orderType, ref.orderId);
  if (!inCoverage(order, await readCoverage(db, user.id))) {
    throw new HttpError(403, { detail: `Order ${order.orderNumber} lies outside your coverage (${order.county ?? 'unknown county'}, ${order.state ?? 'unknown state'}).` });
  }
  const all = await crews.interestsOfOrder(db, ref.orderType, ref.orderId);
  if (all.some((row) => row.status === 'assigned')) throw new HttpError(409, { detail: `A crew is already assigned to order ${order.orderNumber}.` });
  const now = settings.now();
  const expires = new Date(now.getTime() + settings.interestTtlMs).toISOString();
  const fields = { proposed_cost_cents: request.proposed_cost_cents, earliest_date: request.earliest_date, note: request.note, updated_at: now.toISOString(), expires_at: expires };
  const own = all.find((row) => row.crew_user_id === user.id && row.status === 'active');
  // Registering again revises the offer (and renews its time) rather than adding a second one.
  if (own) await crews.updateInterest(db, own.id, fields);
  const id = own?.id ?? (await crews.insertInterest(db, { ...fields, order_type: ref.orderType, order_id: ref.orderId, crew_user_id: user.id, status: 'active', reason: null, decided_by: null, created_at: now.toISOString() }));
  const row = await crews.findInterest(db, id);
  if (!row) throw notFound();
  return { statusCode: own ? 200 : 201, body: toInterest(row, order.orderNumber) };
}

export async function withdrawInterest(db: Kysely<ServerDatabase>, user: ApiUser, ref: OrderRef, settings: CrewSettings): Promise<CrewInterest> {
  if (!isCrew(user)) throw new HttpError(403, { detail: CREW_ROLE_REQUIRED });
  await expireOverdue(db, settings);
  const order = await stakingOrder(db, ref.orderType, ref.orderId);
  const own = (await crews.interestsOfOrder(db, ref.orderType, ref.orderId)).find((row) => row.crew_user_id === user.id && row.status === 'active');
  if (!own) throw new HttpError(409, { detail: `You have no active interest in order ${order.orderNumber} to withdraw (it may have been decided on or have expired).` });
  await crews.updateInterest(db, own.id, { status: 'withdrawn', updated_at: settings.now().toISOString() });
  return toInterest({ ...own, status: 'withdrawn', updated_at: settings.now().toISOString() }, order.orderNumber);
}

/** The chosen crew's active interest is assigned; every other active one is rejected with the manager's reason. */
export async function assignCrew(db: Kysely<ServerDatabase>, user: ApiUser, ref: OrderRef, request: CrewAssignRequest, settings: CrewSettings): Promise<CrewInterest[]> {
  requireAssigner(user);
  await expireOverdue(db, settings);
  const order = await stakingOrder(db, ref.orderType, ref.orderId);
  const all = await crews.interestsOfOrder(db, ref.orderType, ref.orderId);
  const assigned = all.find((row) => row.status === 'assigned');
  if (assigned) throw new HttpError(409, { detail: `${assigned.username} is already assigned to order ${order.orderNumber}.` });
  const chosen = all.find((row) => row.username === request.crew && row.status === 'active');
  if (!chosen) throw new HttpError(409, { detail: `${request.crew} has no active interest in order ${order.orderNumber} (withdrawn, expired or never registered).` });
  const now = settings.now().toISOString();
  await crews.updateInterest(db, chosen.id, { status: 'assigned', reason: request.reason, decided_by: user.id, updated_at: now });
  const rejection = `Another crew was assigned: ${request.reason}`;
  for (const other of all) {
    if (other.id !== chosen.id && other.status === 'active') await crews.updateInterest(db, other.id, { status: 'rejected', reason: rejection, decided_by: user.id, updated_at: now });
  }
  return interestsFor(db, user, ref, order.orderNumber);
}

async function interestsFor(db: Kysely<ServerDatabase>, user: ApiUser, ref: OrderRef, orderNumber: string): Promise<CrewInterest[]> {
  const rows = await crews.interestsOfOrder(db, ref.orderType, ref.orderId);
  return rows.filter((row) => !isCrew(user) || row.crew_user_id === user.id).map((row) => toInterest(row, orderNumber));
}

export async function listOrderInterests(db: Kysely<ServerDatabase>, user: ApiUser, ref: OrderRef, settings: CrewSettings): Promise<CrewInterest[]> {
  requireCrewOrStaff(user);
  await expireOverdue(db, settings);
  const order = await stakingOrder(db, ref.orderType, ref.orderId);
  return interestsFor(db, user, ref, order.orderNumber);
}

/**
 * The board: the pending staking-service orders with their crew status. A crew member sees those in their coverage
 * that await a crew, and any they have an interest in; staff see all of them.
 */
export async function crewBoard(db: Kysely<ServerDatabase>, user: ApiUser, pendingDocs: readonly string[], settings: CrewSettings): Promise<CrewBoard> {
  requireCrewOrStaff(user);
  await expireOverdue(db, settings);
  const crew = isCrew(user);
  const coverage = crew ? await readCoverage(db, user.id) : null;
  const interests = await crews.listInterests(db, crew ? user.id : null);
  const assignedTo = new Map<string, string>();
  for (const row of crew ? await crews.listInterests(db, null) : interests) {
    if (row.status === 'assigned') assignedTo.set(`${row.order_type}:${row.order_id}`, row.username);
  }
  const mine = new Set(interests.map((row) => `${row.order_type}:${row.order_id}`));
  const orders: CrewBoardOrder[] = [];
  const numbers = new Map<string, string>();
  for (const doc of pendingDocs) {
    const order = stakingOrderOf(doc);
    if (order === null) continue;
    const key = `${order.orderType}:${order.id}`;
    numbers.set(key, order.orderNumber);
    const assigned = assignedTo.get(key) ?? null;
    const covered = coverage === null || inCoverage(order, coverage);
    if (crew && !mine.has(key) && (!covered || assigned !== null)) continue;
    orders.push({ order_type: order.orderType, id: order.id, order_number: order.orderNumber, state: order.state, county: order.county, crew_status: assigned ? 'crew_assigned' : 'awaiting_crew', assigned_crew: assigned, in_coverage: covered });
  }
  return {
    coverage,
    interest_ttl_hours: ttlHours(settings),
    orders,
    interests: interests.map((row) => toInterest(row, numbers.get(`${row.order_type}:${row.order_id}`) ?? `${row.order_type} ${row.order_id}`)),
  };
}
