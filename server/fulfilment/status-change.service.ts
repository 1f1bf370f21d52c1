/** Status changes by staff: checked against the order rules, written with an audit row. */
import type { Kysely } from 'kysely';
import type { ApiUser, OrderStatusChangeRequest, OrderStatusChangeResponse, OrderType } from '../../shared/api/geodb.schemas';
import { HttpError } from '../http/http-errors';
import type { ServerDatabase } from '../store/db.types';
import { bumpDataVersion } from '../store/meta.repo';
import { readOrderFacts, withStatus } from '../store/order-doc';
import { findOrder, insertStatusChange, updateOrderRow } from '../store/orders.repo';
import { checkStatusChange } from './order-rules';

export interface StatusChangeInput {
  orderType: OrderType;
  orderId: number;
  request: OrderStatusChangeRequest;
  user: ApiUser;
  now: string;
}

export async function applyStatusChange(trx: Kysely<ServerDatabase>, input: StatusChangeInput): Promise<OrderStatusChangeResponse> {
  const { orderType, orderId, request, user, now } = input;
  const row = await findOrder(trx, orderType, orderId);
  if (row === undefined) throw new HttpError(404, { detail: 'Not found.' });
  const orderNumber = readOrderFacts(row.doc).orderNumber ?? `${orderType} ${orderId}`;
  const previous = row.status ?? '';
  const { changes } = checkStatusChange({ orderType, orderNumber, status: row.status }, request.status);
  const reason = request.reason === undefined || request.reason === '' ? null : request.reason;
  if (changes) {
    await updateOrderRow(trx, row.row_id, { status: request.status, doc: withStatus(row.doc, request.status) });
    await insertStatusChange(trx, {
      order_type: orderType,
      order_id: orderId,
      from_status: row.status,
      to_status: request.status,
      reason,
      source: 'staff',
      changed_by: user.id,
      changed_at: now,
    });
    await bumpDataVersion(trx);
  }
  return {
    order_type: orderType,
    id: orderId,
    order_number: orderNumber,
    status: changes ? request.status : previous,
    previous_status: previous,
    changed: changes,
    reason,
    changed_at: now,
    changed_by: user.username,
  };
}
