import { describe, expect, it } from 'vitest';
import { transition } from '../../shared/workflow/workflow.machine';
import { as, ctx, unpaid } from './workflow-test-helpers';

const reason = 'Paid by cheque, confirmed by phone';

const PAYMENT_BLOCK = '"Pull the order" is blocked: order CPO-2026-0002 is awaiting payment, and work does not start on an unpaid order.';

describe('starting an order awaiting payment', () => {
  it('is refused for staff, with what, why and who can override', () => {
    expect(transition('queued', 'PULL', unpaid, as('staff'))).toEqual({
      ok: false,
      code: 'override-required',
      message: `${PAYMENT_BLOCK} Only a manager or admin can override this, with a reason.`,
      blockedBy: ['awaiting-payment'],
    });
  });

  it('refuses an override asked for by staff', () => {
    expect(transition('queued', 'PULL', unpaid, as('staff'), { override: { reason } })).toEqual({
      ok: false,
      code: 'role-required',
      message: `${PAYMENT_BLOCK} Only a manager or admin can override this; you are signed in as staff.`,
      blockedBy: ['awaiting-payment'],
    });
  });

  it('tells a manager or admin they can override, and requires a reason of at least 3 characters', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(transition('queued', 'PULL', unpaid, as(role))).toMatchObject({
        ok: false,
        code: 'override-required',
        message: `${PAYMENT_BLOCK} As a manager or admin you can override this with a reason.`,
      });
      for (const blank of ['', '   ', ' ok ']) {
        expect(transition('queued', 'PULL', unpaid, as(role), { override: { reason: blank } }), JSON.stringify(blank)).toEqual({
          ok: false,
          code: 'reason-required',
          message: `${PAYMENT_BLOCK} An override needs a reason of at least 3 characters saying why it should go ahead.`,
          blockedBy: ['awaiting-payment'],
        });
      }
    }
  });

  it('lets a manager or admin override with a reason, recorded in the log entry', () => {
    for (const role of ['manager', 'admin'] as const) {
      const result = transition('queued', 'PULL', unpaid, as(role), { override: { reason: `  ${reason} ` }, at: '2026-11-03T09:00:00Z' });
      expect(result).toMatchObject({
        ok: true,
        to: 'pulled',
        logEntry: { from: 'queued', to: 'pulled', event: 'PULL', actor: as(role), reason, override: true, overridden: ['awaiting-payment'] },
      });
    }
  });

  it('says a refunded order was refunded, and does not block paid, n/a or unknown payment states', () => {
    expect(transition('queued', 'PULL', ctx({ paymentState: 'refunded' }), as('staff'))).toMatchObject({
      code: 'override-required',
      message: expect.stringContaining('order CPO-2026-0002 was refunded, and work does not start on an unpaid order'),
    });
    for (const paymentState of ['paid', 'not_applicable', 'unknown'] as const) {
      expect(transition('queued', 'PULL', ctx({ paymentState }), as('staff')), paymentState).toMatchObject({ ok: true, to: 'pulled' });
    }
  });

  it('names "this order" when the context has no order number', () => {
    const { orderNumber: _omit, ...anonymous } = unpaid;
    expect(transition('queued', 'PULL', anonymous, as('staff'))).toMatchObject({ message: expect.stringContaining('blocked: this order is awaiting payment') });
  });

  it('applies only to starting work: holding or cancelling an unpaid order is allowed', () => {
    expect(transition('queued', 'HOLD', unpaid, as('staff'))).toMatchObject({ ok: true, to: 'on_hold' });
    expect(transition('queued', 'CANCEL', unpaid, as('staff'))).toMatchObject({ ok: true, to: 'cancelled' });
  });
});

describe('delivering more claims than purchased', () => {
  const over = ctx({ claimsLaidOut: 14 });
  const why = '14 claims are laid out but order CPO-2026-0002 purchased 12 (2 more than purchased), and no more claims may be delivered than were purchased.';

  it('blocks accepting the validation and queuing the upload, for staff', () => {
    expect(transition('laying_out', 'VALIDATE_OK', over, as('staff'))).toEqual({
      ok: false,
      code: 'override-required',
      message: `"Accept the validation" is blocked: ${why} Only a manager or admin can override this, with a reason.`,
      blockedBy: ['over-capacity'],
    });
    expect(transition('documents_ready', 'UPLOAD_QUEUED', over, as('staff'))).toMatchObject({
      code: 'override-required',
      message: `"Queue the upload" is blocked: ${why} Only a manager or admin can override this, with a reason.`,
    });
    expect(transition('documents_ready', 'UPLOAD_QUEUED', over, as('staff'), { override: { reason: 'customer asked' } })).toMatchObject({ code: 'role-required' });
  });

  it('lets a manager or admin override with a reason, and is not asked again once recorded on the job', () => {
    expect(transition('laying_out', 'VALIDATE_OK', over, as('manager'), { override: { reason: 'Customer paid for 2 more by phone' } })).toMatchObject({
      ok: true,
      to: 'validated',
      logEntry: { override: true, overridden: ['over-capacity'] },
    });
    expect(transition('laying_out', 'VALIDATE_OK', over, as('admin'), { override: { reason: '' } })).toMatchObject({ code: 'reason-required' });
    const recorded = ctx({ claimsLaidOut: 14, capacityOverride: true });
    expect(transition('documents_ready', 'UPLOAD_QUEUED', recorded, as('staff'))).toMatchObject({ ok: true, logEntry: { override: false } });
  });

  it('allows exactly as many claims as purchased, and fewer', () => {
    for (const claimsLaidOut of [12, 5, 1]) {
      expect(transition('laying_out', 'VALIDATE_OK', ctx({ claimsLaidOut }), as('staff'))).toMatchObject({ ok: true, to: 'validated' });
    }
  });

  it('says "1 claim is" in the singular', () => {
    const one = transition('laying_out', 'VALIDATE_OK', ctx({ claimsLaidOut: 1, claimsPurchased: 0 }), as('staff'));
    expect(one).toMatchObject({ message: expect.stringContaining('1 claim is laid out but order CPO-2026-0002 purchased 0 (1 more than purchased)') });
  });
});

describe('reopening a delivered or cancelled job', () => {
  it('is always blocked, for staff with and without an override', () => {
    expect(transition('delivered', 'REOPEN', ctx(), as('staff'))).toEqual({
      ok: false,
      code: 'override-required',
      message:
        '"Reopen" is blocked: order CPO-2026-0002 was delivered, and a delivered order stays closed. Only a manager or admin can override this, with a reason.',
      blockedBy: ['reopen-closed'],
    });
    expect(transition('delivered', 'REOPEN', ctx(), as('staff'), { override: { reason: 'wrong corner' } })).toMatchObject({ code: 'role-required' });
    expect(transition('cancelled', 'REOPEN', ctx(), as('staff'))).toMatchObject({
      code: 'override-required',
      message: expect.stringContaining('this job was cancelled, and a cancelled job stays closed'),
    });
  });

  it('reopens a delivered job where its package left it (not as if its layout had changed), and a cancelled one where it stood, for a manager or admin with a reason', () => {
    expect(transition('delivered', 'REOPEN', ctx(), as('admin'), { override: { reason: 'Corner 3 was misplaced' } })).toMatchObject({
      ok: true,
      to: 'documents_ready',
      resumeTo: null,
      logEntry: { override: true, overridden: ['reopen-closed'], reason: 'Corner 3 was misplaced' },
    });
    // Without a package on this desk (a cache from before packages were kept) there is nothing to resume from.
    expect(transition('delivered', 'REOPEN', ctx({ hasPackage: false }), as('admin'), { override: { reason: 'Corner 3 was misplaced' } })).toMatchObject({ ok: true, to: 'laying_out' });
    const cancelled = ctx({ resumeTo: 'validated' });
    expect(transition('cancelled', 'REOPEN', cancelled, as('manager'), { override: { reason: 'Cancelled by mistake' } })).toMatchObject({ ok: true, to: 'validated' });
    expect(transition('cancelled', 'REOPEN', cancelled, as('manager'), { override: { reason: 'no' } })).toMatchObject({ code: 'reason-required' });
  });
});

describe('hard guards', () => {
  it('refuses accepting a validation with no claims laid out, even for an admin overriding', () => {
    expect(transition('laying_out', 'VALIDATE_OK', ctx({ claimsLaidOut: 0 }), as('admin'), { override: { reason: 'just do it' } })).toEqual({
      ok: false,
      code: 'guard',
      message: '"Accept the validation" is not possible: there are no claims laid out.',
      blockedBy: ['no-claims'],
    });
  });

  it('refuses queuing an upload without a package, before any overridable guard', () => {
    expect(transition('documents_ready', 'UPLOAD_QUEUED', ctx({ hasPackage: false, claimsLaidOut: 20 }), as('admin'), { override: { reason: 'ok then' } })).toEqual({
      ok: false,
      code: 'guard',
      message: '"Queue the upload" is not possible: no package has been generated yet; generate the documents first.',
      blockedBy: ['no-package'],
    });
  });
});

describe('who may send which event', () => {
  it('refuses every event from a customer', () => {
    expect(transition('queued', 'PULL', ctx(), as('customer'))).toEqual({
      ok: false,
      code: 'role-required',
      message: '"Pull the order" is for staff: a customer account cannot change a fulfilment job.',
      blockedBy: [],
    });
    expect(transition('uploading', 'UPLOAD_DELIVERED', ctx(), as('customer'))).toMatchObject({ code: 'role-required' });
  });

  it('refuses a person\'s decision sent by ClaimDesk itself, and lets a person report a fact they caused', () => {
    expect(transition('queued', 'PULL', ctx(), as('system'))).toEqual({
      ok: false,
      code: 'role-required',
      message: '"Pull the order" is a decision for a person signed in as staff, not something ClaimDesk does by itself.',
      blockedBy: [],
    });
    expect(transition('uploading', 'UPLOAD_DISCARDED', ctx(), as('staff'))).toMatchObject({ ok: true, to: 'documents_ready' });
  });
});

describe('refusals for transitions the table does not have', () => {
  it('lists what can be done from the state', () => {
    expect(transition('laying_out', 'PULL', ctx(), as('staff'))).toEqual({
      ok: false,
      code: 'not-allowed',
      message:
        '"Pull the order" is not possible while the job is laying out. From here: "Edit the layout", "Record a failed validation", "Accept the validation", "Put on hold", "Cancel", "Accept the posts as staked".',
      blockedBy: [],
    });
  });

  it('explains that an upload in flight must be delivered or discarded first', () => {
    expect(transition('uploading', 'HOLD', ctx(), as('manager'))).toMatchObject({
      code: 'not-allowed',
      message: '"Put on hold" is not possible while the job is uploading. A package is being sent: wait until it is delivered, or discard it in the outbox first.',
    });
    expect(transition('uploading', 'CANCEL', ctx(), as('admin'))).toMatchObject({ code: 'not-allowed' });
  });

  it('points at reopening for a delivered or cancelled job', () => {
    expect(transition('delivered', 'EDIT_LAYOUT', ctx(), as('admin'), { override: { reason: 'fix' } })).toMatchObject({
      code: 'not-allowed',
      message: '"Edit the layout" is not possible while the job is delivered: the job is closed. A manager or admin can reopen it first, with a reason.',
    });
    expect(transition('cancelled', 'RESUME', ctx(), as('staff'))).toMatchObject({ code: 'not-allowed', message: expect.stringContaining('reopen it first') });
  });
});

describe('facts that arrive in a state that cannot take them', () => {
  it('are refused as not-allowed without pointing a person at reopening', () => {
    const result = transition('delivered', 'SERVER_COMPLETED', ctx(), as('system'));
    expect(result).toMatchObject({ ok: false, code: 'not-allowed' });
    if (!result.ok) expect(result.message).toBe('"Record the completion on the server" is not possible while the job is delivered.');
  });
});
