/**
 * Desk assignment on the reference server: one claim per order, by the staff member working it. A claim is taken
 * by the first desk that asks (its holder asking again renews it: that is the activity the server sees), ended by
 * its holder, moved by a manager or admin with a reason, and ended by the server itself when the holder showed no
 * activity for a number of business days, counted on the server's own clock (injectable, so tests can move it).
 * Every change bumps the data version, so the pending list (which carries assigned_to) gets a new ETag.
 */
import type { Kysely } from 'kysely';
import type { ApiUser, OrderType } from '../../shared/api/geodb.schemas';
import { ASSIGNMENT_HELD_CODE, type AssignedTo, type AssignmentResponse, type TakeOverRequest } from '../../shared/api/assignment.schemas';
import { beingWorkedBy } from '../../shared/assignment/assignment-text';
import { addServiceDays, calendarDateOf } from '../../shared/workflow/due-dates';
import { HttpError } from '../http/http-errors';
import type { ServerDatabase } from '../store/db.types';
import { deleteAssignment, endAssignment, findAssignment, openAssignmentsActiveBefore, putAssignment, touchAssignment, type AssignmentRow } from '../store/assignments.repo';
import { bumpDataVersion } from '../store/meta.repo';
import { readOrderFacts } from '../store/order-doc';
import { findOrder } from '../store/orders.repo';
import { findUserByUsername } from '../store/users.repo';
import { toApiUser } from '../store/reference-store';
import { OVERRIDE_ROLES } from './order-events.service';

/** Three business days: a claim nobody touched for most of a working week is free for another desk. */
export const DEFAULT_ASSIGNMENT_EXPIRY_DAYS = 3;

export interface AssignmentClock {
  now: () => Date;
  /** Business days (Monday to Friday) without activity after which a claim ends. */
  expiryBusinessDays: number;
}

type Db = Kysely<ServerDatabase>;

export interface AssignmentInput {
  orderType: OrderType;
  orderId: number;
  user: ApiUser;
  now: string;
}

export function displayName(user: Pick<ApiUser, 'username' | 'first_name' | 'last_name'>): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.username;
}

function holderOf(row: AssignmentRow | undefined): AssignedTo | null {
  if (!row || row.ended_at !== null) return null;
  return { username: row.username, name: row.name, since: row.since, active_at: row.active_at, taken_over_from: row.taken_over_from, reason: row.reason };
}

async function orderNumberOf(db: Db, orderType: OrderType, orderId: number): Promise<string> {
  const row = await findOrder(db, orderType, orderId);
  if (row === undefined) throw new HttpError(404, { detail: 'Not found.', code: 'not_found' });
  return readOrderFacts(row.doc).orderNumber ?? `${orderType} ${orderId}`;
}

function answer(input: AssignmentInput, orderNumber: string, assignedTo: AssignedTo | null, extra: Partial<AssignmentResponse> = {}): AssignmentResponse {
  return { order_type: input.orderType, order_id: input.orderId, order_number: orderNumber, assigned_to: assignedTo, ...extra };
}

/** A claim's last day of grace: `expiryBusinessDays` business days after the day of its last activity (server days, UTC). */
export function hasExpired(activeAt: string, now: Date, expiryBusinessDays: number): boolean {
  const activeDay = calendarDateOf(activeAt);
  const today = calendarDateOf(now.toISOString());
  if (activeDay === null || today === null) return false;
  return today > addServiceDays(activeDay, expiryBusinessDays, { businessDays: true, holidays: [] });
}

/** Ends every claim past its grace; answers how many (the data version is bumped when any did). */
export async function expireStaleAssignments(db: Db, clock: AssignmentClock): Promise<number> {
  const now = clock.now();
  // Business days are never fewer than calendar days, so nothing active within the last N calendar days can be due.
  const before = new Date(now.getTime() - clock.expiryBusinessDays * 86_400_000).toISOString();
  let ended = 0;
  for (const row of await openAssignmentsActiveBefore(db, before)) {
    if (!hasExpired(row.active_at, now, clock.expiryBusinessDays)) continue;
    await endAssignment(db, row, now.toISOString(), 'expired');
    ended += 1;
  }
  if (ended > 0) await bumpDataVersion(db);
  return ended;
}

/** Claims the order for the caller, or renews the caller's claim; 409 with the holder when someone else has it. */
export async function claimAssignment(db: Db, input: AssignmentInput): Promise<AssignmentResponse> {
  const orderNumber = await orderNumberOf(db, input.orderType, input.orderId);
  const current = holderOf(await findAssignment(db, input.orderType, input.orderId));
  if (current && current.username !== input.user.username) {
    throw new HttpError(409, { detail: `${beingWorkedBy(current)}.`, code: ASSIGNMENT_HELD_CODE, assigned_to: current });
  }
  if (current) {
    await touchAssignment(db, input.orderType, input.orderId, input.now);
  } else {
    await putAssignment(db, {
      order_type: input.orderType,
      order_id: input.orderId,
      user_id: input.user.id,
      username: input.user.username,
      name: displayName(input.user),
      since: input.now,
      active_at: input.now,
      taken_over_from: null,
      reason: null,
      ended_at: null,
      end_reason: null,
    });
  }
  await bumpDataVersion(db);
  return answer(input, orderNumber, holderOf(await findAssignment(db, input.orderType, input.orderId)));
}

/** Ends the caller's own claim; someone else's claim (or none) is left as it is and answered with released: false. */
export async function releaseAssignment(db: Db, input: AssignmentInput): Promise<AssignmentResponse> {
  const orderNumber = await orderNumberOf(db, input.orderType, input.orderId);
  const row = await findAssignment(db, input.orderType, input.orderId);
  const current = holderOf(row);
  if (row && (current === null || current.username === input.user.username)) {
    // An expired claim is cleared by its holder's release too: the list stops saying it expired.
    if (row.username === input.user.username) {
      await deleteAssignment(db, input.orderType, input.orderId);
      await bumpDataVersion(db);
      return answer(input, orderNumber, null, { released: current !== null });
    }
  }
  return answer(input, orderNumber, current, { released: false });
}

/** A manager or admin gives the order to themselves or to another staff member, with a reason. */
export async function takeOverAssignment(db: Db, input: AssignmentInput & { request: TakeOverRequest }): Promise<AssignmentResponse> {
  if (!OVERRIDE_ROLES.includes(input.user.role)) throw new HttpError(403, { detail: 'Only a manager or admin can take an order over or assign it to someone.' });
  const orderNumber = await orderNumberOf(db, input.orderType, input.orderId);
  let target = input.user;
  if (input.request.username !== undefined && input.request.username !== input.user.username) {
    const found = await findUserByUsername(db, input.request.username);
    if (!found || found.is_staff !== 1) throw new HttpError(400, { username: [`There is no staff member "${input.request.username}".`] });
    target = toApiUser(found);
  }
  const previous = holderOf(await findAssignment(db, input.orderType, input.orderId));
  await putAssignment(db, {
    order_type: input.orderType,
    order_id: input.orderId,
    user_id: target.id,
    username: target.username,
    name: displayName(target),
    since: input.now,
    active_at: input.now,
    taken_over_from: previous && previous.username !== target.username ? previous.username : null,
    reason: input.request.reason.trim(),
    ended_at: null,
    end_reason: null,
  });
  await bumpDataVersion(db);
  return answer(input, orderNumber, holderOf(await findAssignment(db, input.orderType, input.orderId)), { previous });
}
