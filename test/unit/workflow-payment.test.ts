import { describe, expect, it } from 'vitest';
import { blocksWork, paymentState, PAYMENT_STATE_LABELS } from '../../shared/workflow/payment-state';
import { PAYMENT_STATES, type PaymentState } from '../../shared/workflow/workflow.types';
import type { OrderType } from '../../shared/api/geodb.schemas';

const derive = (orderType: OrderType, status: string | null, extra: { paymentStatus?: string | null; lastKnown?: PaymentState | null } = {}) =>
  paymentState({ orderType, status, ...extra });

describe('payment state derived from the order status', () => {
  const table: [OrderType, string, PaymentState][] = [
    ['claim_order', 'paid', 'paid'],
    ['claim_order', 'approved', 'paid'],
    ['claim_order', 'in_progress', 'paid'],
    ['claim_order', 'on_hold', 'paid'],
    ['claim_order', 'fulfilled', 'paid'],
    ['claim_order', 'completed', 'paid'],
    ['claim_order', 'pending_approval', 'awaiting_payment'],
    ['claim_order', 'pending', 'awaiting_payment'],
    ['claim_order', 'cancelled', 'not_applicable'],
    ['claim_order', 'rejected', 'not_applicable'],
    ['claim_order', 'refunded', 'refunded'],
    ['claim_order', 'processing', 'unknown'],
    ['claim_purchase', 'processing', 'paid'],
    ['claim_purchase', 'completed', 'paid'],
    ['claim_purchase', 'fulfilled', 'paid'],
    ['claim_purchase', 'pending', 'awaiting_payment'],
    ['claim_purchase', 'unpaid', 'awaiting_payment'],
    ['claim_purchase', 'cancelled', 'not_applicable'],
    ['claim_purchase', 'canceled', 'not_applicable'],
    ['claim_purchase', 'rejected', 'not_applicable'],
    ['claim_purchase', 'refunded', 'refunded'],
    ['claim_purchase', 'approved', 'unknown'],
    ['claim_purchase', 'in_progress', 'unknown'],
    ['claim_purchase', 'on_hold', 'unknown'],
    ['claim_purchase', 'draft', 'unknown'],
  ];
  it.each(table)('%s "%s" → %s', (orderType, status, expected) => {
    expect(derive(orderType, status).state).toBe(expected);
  });

  it('reads statuses regardless of case, spaces and hyphens', () => {
    expect(derive('claim_order', ' Pending-Approval ').state).toBe('awaiting_payment');
    expect(derive('claim_purchase', 'PROCESSING').state).toBe('paid');
  });

  it('says where the answer came from', () => {
    expect(derive('claim_purchase', 'processing')).toEqual({
      state: 'paid',
      source: 'order_status',
      detail: 'From the order status "processing" of a BLM Map purchase.',
    });
    expect(derive('claim_order', 'draft')).toEqual({ state: 'unknown', source: 'none', detail: 'Unknown: the order status "draft" is not one ClaimDesk knows.' });
  });

  it('keeps the last known state when a BLM Map status cannot tell (in progress, on hold)', () => {
    expect(derive('claim_purchase', 'in_progress', { lastKnown: 'awaiting_payment' })).toMatchObject({ state: 'awaiting_payment', source: 'last_known' });
    expect(derive('claim_purchase', 'on_hold', { lastKnown: 'paid' })).toMatchObject({ state: 'paid', source: 'last_known' });
    expect(derive('claim_purchase', 'on_hold')).toMatchObject({ state: 'unknown', source: 'none', detail: expect.stringContaining('does not say whether it was paid') });
    // An unambiguous status wins over what was known before.
    expect(derive('claim_purchase', 'processing', { lastKnown: 'awaiting_payment' })).toMatchObject({ state: 'paid', source: 'order_status' });
  });

  it('uses the last known state, else unknown, for an order with no status', () => {
    expect(derive('claim_order', null)).toMatchObject({ state: 'unknown', source: 'none' });
    expect(derive('claim_order', '  ', { lastKnown: 'paid' })).toMatchObject({ state: 'paid', source: 'last_known' });
  });
});

describe('payment state from a payment_status field', () => {
  const table: [string, PaymentState][] = [
    ['paid', 'paid'],
    ['succeeded', 'paid'],
    ['Captured', 'paid'],
    ['settled', 'paid'],
    ['pending', 'awaiting_payment'],
    ['unpaid', 'awaiting_payment'],
    ['awaiting payment', 'awaiting_payment'],
    ['requires_payment_method', 'awaiting_payment'],
    ['processing', 'awaiting_payment'],
    ['failed', 'awaiting_payment'],
    ['authorized', 'awaiting_payment'],
    ['refunded', 'refunded'],
    ['charged-back', 'refunded'],
    ['waived', 'not_applicable'],
    ['free', 'not_applicable'],
  ];
  it.each(table)('payment_status "%s" → %s, whatever the order status says', (paymentStatus, expected) => {
    expect(derive('claim_purchase', 'processing', { paymentStatus })).toMatchObject({ state: expected, source: 'payment_status' });
    expect(derive('claim_order', 'pending_approval', { paymentStatus })).toMatchObject({ state: expected, source: 'payment_status' });
  });

  it('falls back to the order status for an empty or unrecognised payment_status', () => {
    expect(derive('claim_purchase', 'pending', { paymentStatus: '' })).toMatchObject({ state: 'awaiting_payment', source: 'order_status' });
    expect(derive('claim_purchase', 'pending', { paymentStatus: null })).toMatchObject({ state: 'awaiting_payment', source: 'order_status' });
    expect(derive('claim_order', 'paid', { paymentStatus: 'mystery' })).toMatchObject({ state: 'paid', source: 'order_status' });
    expect(derive('claim_order', 'paid', { paymentStatus: 'constructor' })).toMatchObject({ state: 'paid', source: 'order_status' });
  });
});

describe('blocksWork', () => {
  it('blocks only awaiting payment and refunded', () => {
    expect(PAYMENT_STATES.filter(blocksWork)).toEqual(['awaiting_payment', 'refunded']);
  });

  it('has a label for every state', () => {
    expect(Object.keys(PAYMENT_STATE_LABELS).sort()).toEqual([...PAYMENT_STATES].sort());
    expect(PAYMENT_STATE_LABELS.not_applicable).toBe('n/a');
  });
});
