/**
 * Order events ClaimDesk reports: workflow overrides (a manager or admin went past a blocked transition: starting an
 * unpaid order, delivering more claims than purchased, reopening a closed job) and, after delivery, the county
 * recording and the BLM filing staff entered. The server only keeps the record; the order itself is not changed,
 * so the pending-orders data version (and its ETag) stays as it is.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type ApiUser, type OrderType, type UserRole } from '../../shared/api/geodb.schemas';
import {
  blmFilingDetailsSchema,
  countyRecordingDetailsSchema,
  overrideGuardCodeSchema,
  type AnyOrderEventRequest,
  type OrderEventResponse,
} from '../../shared/api/order-events.schemas';
import { HttpError } from '../http/http-errors';
import type { ServerDatabase } from '../store/db.types';
import { readOrderFacts } from '../store/order-doc';
import { insertOrderEvent, orderEventsOf, type OrderEventRow } from '../store/order-events.repo';
import { findOrder } from '../store/orders.repo';

/** Same roles as shared/workflow's OVERRIDE_ROLES: the server must not accept what the app would refuse. */
export const OVERRIDE_ROLES: readonly UserRole[] = ['manager', 'admin'];
export const OVERRIDE_ROLE_REQUIRED = 'Only a manager or admin can record a workflow override.';

export function requireOverrideRole(user: ApiUser): void {
  if (!OVERRIDE_ROLES.includes(user.role)) throw new HttpError(403, { detail: OVERRIDE_ROLE_REQUIRED });
}

export interface RecordOrderEventInput {
  orderType: OrderType;
  orderId: number;
  request: AnyOrderEventRequest;
  user: ApiUser;
  now: string;
}

const storedGuardsSchema = z.array(overrideGuardCodeSchema);

const storedDetailsSchema = z.object({ county_recording: countyRecordingDetailsSchema.optional(), blm_filing: blmFilingDetailsSchema.optional() });

function toResponse(row: OrderEventRow, orderType: OrderType, orderNumber: string): OrderEventResponse {
  // Written by recordOrderEvent from a validated list; read defensively anyway so a hand-edited row cannot crash GET.
  const guards = storedGuardsSchema.safeParse(JSON.parse(row.overridden));
  const details = row.details === null ? null : storedDetailsSchema.safeParse(JSON.parse(row.details));
  return {
    id: row.id,
    order_type: orderType,
    order_id: row.order_id,
    order_number: orderNumber,
    event: row.event,
    from_state: row.from_state,
    to_state: row.to_state,
    overridden: guards.success ? guards.data : [],
    reason: row.reason,
    county_recording: details?.success ? (details.data.county_recording ?? null) : null,
    blm_filing: details?.success ? (details.data.blm_filing ?? null) : null,
    actor: row.actor,
    occurred_at: row.occurred_at,
    client_ref: row.client_ref,
    recorded_at: row.recorded_at,
    recorded_by: row.recorded_by_username,
  };
}

async function orderNumberOf(db: Kysely<ServerDatabase>, orderType: OrderType, orderId: number): Promise<string> {
  const row = await findOrder(db, orderType, orderId);
  if (row === undefined) throw new HttpError(404, { detail: 'Not found.' });
  return readOrderFacts(row.doc).orderNumber ?? `${orderType} ${orderId}`;
}

/**
 * Any order that exists may get an event, whatever its status: reopening a delivered or cancelled job is one of
 * the overrides, so a completed or cancelled order is exactly where some of them belong.
 */
export async function recordOrderEvent(trx: Kysely<ServerDatabase>, input: RecordOrderEventInput): Promise<OrderEventResponse> {
  const { orderType, orderId, request, user, now } = input;
  const orderNumber = await orderNumberOf(trx, orderType, orderId);
  const row = await insertOrderEvent(trx, {
    order_type: orderType,
    order_id: orderId,
    event: request.event,
    from_state: request.from_state,
    to_state: request.to_state,
    overridden: JSON.stringify('overridden' in request ? request.overridden : []),
    reason: 'reason' in request ? request.reason : '',
    details: 'county_recording' in request || 'blm_filing' in request ? JSON.stringify({ county_recording: request.county_recording, blm_filing: request.blm_filing }) : null,
    actor: request.actor,
    occurred_at: request.occurred_at,
    client_ref: request.client_ref ?? null,
    recorded_by: user.id,
    recorded_by_username: user.username,
    recorded_at: now,
  });
  return toResponse(row, orderType, orderNumber);
}

/** The order's events in the order the server received them; 404 when the order does not exist. */
export async function listOrderEvents(db: Kysely<ServerDatabase>, orderType: OrderType, orderId: number): Promise<OrderEventResponse[]> {
  const orderNumber = await orderNumberOf(db, orderType, orderId);
  const rows = await orderEventsOf(db, orderType, orderId);
  return rows.map((row) => toResponse(row, orderType, orderNumber));
}
