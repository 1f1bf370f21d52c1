/**
 * An order's payment state, kept apart from its fulfilment state. The GeoDB pending-orders contract
 * has no payment field, so the state is read from a `payment_status` when a server sends one and is
 * otherwise derived from the order status, whose meaning differs per order type:
 *
 *   payment_status (when sent and recognised; case, spaces and hyphens ignored)
 *     paid, succeeded, captured, settled, complete, completed            → paid
 *     pending, unpaid, awaiting_payment, requires_payment,
 *       requires_payment_method, processing, partially_paid, failed,
 *       declined, authorized                                             → awaiting_payment
 *       (a payment "processing" or merely authorised has not settled; a failed one leaves the order unpaid)
 *     refunded, charged_back                                             → refunded
 *     waived, free, not_required                                         → not_applicable
 *     anything else                                                      → ignored: the order status decides
 *
 *   order status, claim_order (QPlugin)
 *     paid, approved, in_progress, on_hold, fulfilled, completed          → paid (only paid or approved orders
 *       are open for work on the server, so every later status implies payment)
 *     pending_approval, pending, unpaid, awaiting_payment                 → awaiting_payment
 *   order status, claim_purchase (BLM Map)
 *     processing, completed, fulfilled                                    → paid (processing = paid, being worked)
 *     pending, unpaid, awaiting_payment                                   → awaiting_payment
 *     in_progress, on_hold                                                → the last known payment state, else
 *       unknown: the reference server lets staff move a *pending* purchase to either, so the status alone
 *       cannot tell whether it was paid
 *   either type
 *     refunded → refunded; cancelled, rejected → not_applicable; anything else → unknown
 *
 * Only awaiting_payment and refunded block starting work (blocksWork). `unknown` does not: it is shown as
 * unknown rather than guessed, and the server refuses uploads for orders it does not consider open.
 */
import type { OrderType } from '../api/geodb.schemas';
import type { PaymentState } from './workflow.types';

export interface PaymentInput {
  orderType: OrderType;
  status: string | null;
  /** The server's own payment field, when its contract has one. */
  paymentStatus?: string | null;
  /** What was derived last time (from the cache), used when the order status alone is ambiguous. */
  lastKnown?: PaymentState | null;
}

export type PaymentSource = 'payment_status' | 'order_status' | 'last_known' | 'none';

export interface PaymentVerdict {
  state: PaymentState;
  source: PaymentSource;
  /** Why, for a tooltip: "From the order status "processing" (a BLM Map purchase is processing once paid)." */
  detail: string;
}

const PAYMENT_STATUS_VALUES: Readonly<Record<string, PaymentState>> = {
  paid: 'paid',
  succeeded: 'paid',
  captured: 'paid',
  settled: 'paid',
  complete: 'paid',
  completed: 'paid',
  pending: 'awaiting_payment',
  unpaid: 'awaiting_payment',
  awaiting_payment: 'awaiting_payment',
  requires_payment: 'awaiting_payment',
  requires_payment_method: 'awaiting_payment',
  processing: 'awaiting_payment',
  partially_paid: 'awaiting_payment',
  failed: 'awaiting_payment',
  declined: 'awaiting_payment',
  authorized: 'awaiting_payment',
  refunded: 'refunded',
  charged_back: 'refunded',
  waived: 'not_applicable',
  free: 'not_applicable',
  not_required: 'not_applicable',
};

/** `null` marks a status that says nothing about payment on its own (use the last known state). */
const ORDER_STATUS_VALUES: Readonly<Record<OrderType, Readonly<Record<string, PaymentState | null>>>> = {
  claim_order: {
    paid: 'paid',
    approved: 'paid',
    in_progress: 'paid',
    on_hold: 'paid',
    fulfilled: 'paid',
    completed: 'paid',
    pending_approval: 'awaiting_payment',
    pending: 'awaiting_payment',
    unpaid: 'awaiting_payment',
    awaiting_payment: 'awaiting_payment',
  },
  claim_purchase: {
    processing: 'paid',
    completed: 'paid',
    fulfilled: 'paid',
    pending: 'awaiting_payment',
    unpaid: 'awaiting_payment',
    awaiting_payment: 'awaiting_payment',
    in_progress: null,
    on_hold: null,
  },
};

const ANY_TYPE_VALUES: Readonly<Record<string, PaymentState>> = {
  refunded: 'refunded',
  cancelled: 'not_applicable',
  canceled: 'not_applicable',
  rejected: 'not_applicable',
};

const TYPE_NAMES: Readonly<Record<OrderType, string>> = { claim_order: 'QPlugin order', claim_purchase: 'BLM Map purchase' };

function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

export function paymentState(input: PaymentInput): PaymentVerdict {
  if (input.paymentStatus != null && input.paymentStatus.trim() !== '') {
    const state = own(PAYMENT_STATUS_VALUES, normalise(input.paymentStatus));
    if (state !== undefined) return { state, source: 'payment_status', detail: `From the server's payment status "${input.paymentStatus}".` };
  }
  if (input.status === null || input.status.trim() === '') {
    return { state: input.lastKnown ?? 'unknown', source: input.lastKnown ? 'last_known' : 'none', detail: 'The order has no status to derive a payment state from.' };
  }
  const status = normalise(input.status);
  const typed = own(ORDER_STATUS_VALUES[input.orderType], status);
  const state = typed !== undefined ? typed : own(ANY_TYPE_VALUES, status);
  const from = `the order status "${input.status}"`;
  if (state === null) {
    const why = `${from} of a ${TYPE_NAMES[input.orderType]} does not say whether it was paid`;
    return input.lastKnown
      ? { state: input.lastKnown, source: 'last_known', detail: `Kept from before: ${why}.` }
      : { state: 'unknown', source: 'none', detail: `Unknown: ${why}.` };
  }
  if (state === undefined) return { state: 'unknown', source: 'none', detail: `Unknown: ${from} is not one ClaimDesk knows.` };
  return { state, source: 'order_status', detail: `From ${from} of a ${TYPE_NAMES[input.orderType]}.` };
}

/**
 * Why a stored payment state (derived at sync, perhaps from an earlier status) is what it is: the verdict's own
 * reason when the current inputs give the same state, else that it was kept from an earlier sync.
 */
export function storedPaymentDetail(input: Omit<PaymentInput, 'lastKnown'>, stored: PaymentState): string {
  const verdict = paymentState(input);
  if (verdict.state === stored) return verdict.detail;
  const status = input.status ? `the order status "${input.status}"` : 'the order status';
  return `Kept from an earlier sync (${PAYMENT_STATE_LABELS[stored]}): ${status} alone does not say.`;
}

/** Work does not start on an unpaid order (except by a manager's or admin's override). */
export function blocksWork(state: PaymentState): boolean {
  return state === 'awaiting_payment' || state === 'refunded';
}

export const PAYMENT_STATE_LABELS: Readonly<Record<PaymentState, string>> = {
  paid: 'paid',
  awaiting_payment: 'awaiting payment',
  refunded: 'refunded',
  not_applicable: 'n/a',
  unknown: 'unknown',
};
