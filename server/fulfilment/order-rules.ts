/**
 * When an order may take an upload or a staff status change, and what a refusal says. The rules:
 *
 * Order states (either order type unless noted):
 *   open       claim_purchase processing | pending, claim_order paid | approved, and in_progress
 *   on_hold    on_hold
 *   completed  completed | fulfilled (an upload completes a claim_purchase as `completed` and a claim_order as
 *              `fulfilled`, the status each model already uses)
 *   closed     cancelled | rejected
 *   not_open   anything else, e.g. pending_approval (not paid: no work starts on an unpaid order)
 *
 * Upload (409 unless allowed):
 *   open                     allowed; claim_package_id, when sent, must be the order's own package
 *   completed                allowed only with claim_package_id = the order's package (re-generating adds to
 *                            the same package); without it 409 order_completed (the seed000 profile, which
 *                            has no Idempotency-Key, adds it to the order's package instead, as the contract
 *                            says, so a resend after a lost answer lands where the first did)
 *   on_hold                  409 order_on_hold: a hold must be lifted (status in_progress) first, so an outbox
 *                            that was offline cannot complete an order someone put on hold
 *   closed / not_open        409 order_cancelled / order_not_open
 *   claim_package_id that is not the order's package (another order's, unknown, or the order has none yet)
 *                            409 package_mismatch: guessing would create exactly the duplicate packages the
 *                            QGIS plugin suffered from
 *
 * Staff status change to in_progress | on_hold | cancelled:
 *   open / on_hold           any target; the same status again is a no-op (200, changed: false)
 *   closed                   cancelled again is a no-op; anything else 409 order_cancelled (no reopening)
 *   completed                409 order_completed
 *   not_open                 409 order_not_open
 */
import type { ApiErrorCode, OrderStatusTarget, OrderType } from '../../shared/api/geodb.schemas';
import { HttpError } from '../http/http-errors';

export type OrderState = 'open' | 'on_hold' | 'completed' | 'closed' | 'not_open';

const OPEN: Record<OrderType, readonly string[]> = {
  claim_purchase: ['processing', 'pending', 'in_progress'],
  claim_order: ['paid', 'approved', 'in_progress'],
};
const COMPLETED = ['completed', 'fulfilled'];
const CLOSED = ['cancelled', 'rejected'];

/** The status an upload leaves an order in. */
export const COMPLETED_STATUS: Record<OrderType, string> = { claim_purchase: 'completed', claim_order: 'fulfilled' };
export const COMPLETE_PACKAGE = 'complete';

export function orderState(orderType: OrderType, status: string | null): OrderState {
  if (status === null) return 'not_open';
  if (OPEN[orderType].includes(status)) return 'open';
  if (status === 'on_hold') return 'on_hold';
  if (COMPLETED.includes(status)) return 'completed';
  if (CLOSED.includes(status)) return 'closed';
  return 'not_open';
}

export interface OrderSubject {
  orderType: OrderType;
  orderNumber: string;
  status: string | null;
}

export interface PackageSubject {
  id: number;
  package_number: string;
}

export function conflict(code: ApiErrorCode, detail: string, status: string | null, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(409, { detail, code, order_status: status, ...extra });
}

function describe(pkg: PackageSubject): string {
  return `${pkg.package_number} (id ${pkg.id})`;
}

/** Throws the 409 for an upload the rules refuse; returns quietly when it may go ahead. */
export function checkUpload(
  order: OrderSubject,
  pkg: PackageSubject | undefined,
  requestedPackageId: number | undefined,
  options: { reuseOrderPackage: boolean } = { reuseOrderPackage: false },
): void {
  const { orderNumber: n, status } = order;
  const state = orderState(order.orderType, status);
  if (state === 'closed') throw conflict('order_cancelled', `Order ${n} is ${status}; documents can no longer be uploaded for it.`, status);
  if (state === 'not_open') {
    throw conflict('order_not_open', `Order ${n} has status ${status ?? 'unknown'}; documents can be uploaded only for orders waiting for fulfilment.`, status);
  }
  if (state === 'on_hold') throw conflict('order_on_hold', `Order ${n} is on hold; mark it in progress before uploading documents.`, status);
  if (requestedPackageId !== undefined && pkg?.id !== requestedPackageId) {
    const actual = pkg === undefined ? 'it has no package yet (leave claim_package_id out to create it)' : `its package is ${describe(pkg)}`;
    throw conflict('package_mismatch', `claim_package_id ${requestedPackageId} is not the package of order ${n}: ${actual}.`, status, {
      claim_package_id: pkg?.id ?? null,
    });
  }
  if (state === 'completed' && requestedPackageId === undefined && !options.reuseOrderPackage) {
    const how = pkg === undefined ? 'it has no package to add documents to' : `send claim_package_id ${pkg.id} to add documents to ${describe(pkg)}`;
    throw conflict('order_completed', `Order ${n} is already ${status}; ${how}.`, status, { claim_package_id: pkg?.id ?? null });
  }
}

/** Throws the 409 for a staff status change the rules refuse; returns whether anything would change. */
export function checkStatusChange(order: OrderSubject, target: OrderStatusTarget): { changes: boolean } {
  const { orderNumber: n, status } = order;
  const state = orderState(order.orderType, status);
  if (state === 'completed') throw conflict('order_completed', `Order ${n} is ${status}; its status can no longer be changed.`, status);
  if (state === 'closed') {
    if (target === 'cancelled') return { changes: false };
    throw conflict('order_cancelled', `Order ${n} is ${status}; it cannot be reopened.`, status);
  }
  if (state === 'not_open') {
    throw conflict('order_not_open', `Order ${n} has status ${status ?? 'unknown'}; only orders waiting for fulfilment can be changed.`, status);
  }
  return { changes: status !== target };
}
