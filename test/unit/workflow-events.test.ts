import { describe, expect, it } from 'vitest';
import { allowedEvents, transition } from '../../shared/workflow/workflow.machine';
import { as, ctx, unpaid } from './workflow-test-helpers';

describe('pausing and resuming', () => {
  it('remembers where the work stood and resumes there', () => {
    const held = transition('documents_ready', 'HOLD', ctx(), as('staff'), { reason: 'Claimant to confirm address' });
    expect(held).toMatchObject({ ok: true, to: 'on_hold', resumeTo: 'documents_ready' });
    const resumed = transition('on_hold', 'RESUME', ctx({ resumeTo: 'documents_ready' }), as('staff'));
    expect(resumed).toMatchObject({ ok: true, to: 'documents_ready', resumeTo: null });
    expect(transition('on_hold', 'RESUME', ctx({ resumeTo: 'laying_out' }), as('staff'))).toMatchObject({ to: 'laying_out' });
  });

  it('resumes a review of an upload to documents ready, not mid-upload ("keep locally")', () => {
    expect(transition('uploading', 'UPLOAD_NEEDS_REVIEW', ctx(), as('system'))).toMatchObject({ to: 'needs_review', resumeTo: 'documents_ready' });
    expect(transition('needs_review', 'RESUME', ctx({ resumeTo: 'uploading' }), as('staff'))).toMatchObject({ to: 'documents_ready' });
  });

  it('keeps the first remembered state through a second pause', () => {
    const review = transition('on_hold', 'SERVER_CANCELLED', ctx({ resumeTo: 'validated' }), as('system'));
    expect(review).toMatchObject({ ok: true, to: 'needs_review', resumeTo: 'validated' });
    const cancelled = transition('needs_review', 'CANCEL', ctx({ resumeTo: 'validated' }), as('staff'));
    expect(cancelled).toMatchObject({ ok: true, to: 'cancelled', resumeTo: 'validated' });
  });

  it('falls back to documents ready (with a package) or pulled (without) when nothing usable is remembered', () => {
    expect(transition('on_hold', 'RESUME', ctx({ resumeTo: null }), as('staff'))).toMatchObject({ to: 'documents_ready' });
    expect(transition('on_hold', 'RESUME', ctx({ resumeTo: null, hasPackage: false }), as('staff'))).toMatchObject({ to: 'pulled' });
    for (const bogus of ['on_hold', 'delivered', 'cancelled'] as const) {
      expect(transition('on_hold', 'RESUME', ctx({ resumeTo: bogus, hasPackage: false }), as('staff')), bogus).toMatchObject({ to: 'pulled' });
    }
    expect(transition('queued', 'HOLD', ctx(), as('staff'))).toMatchObject({ resumeTo: 'queued' });
    expect(transition('on_hold', 'RESUME', ctx({ resumeTo: 'queued' }), as('staff'))).toMatchObject({ to: 'queued' });
  });
});

describe('delivery and auto-completion', () => {
  it('completes the order when every purchased claim is delivered, also more', () => {
    for (const claimsDelivered of [12, 13]) {
      expect(transition('uploading', 'UPLOAD_DELIVERED', ctx({ claimsDelivered }), as('system'))).toMatchObject({ ok: true, to: 'delivered' });
    }
    expect(transition('needs_review', 'UPLOAD_DELIVERED', ctx({ claimsDelivered: 12 }), as('system'))).toMatchObject({ to: 'delivered', resumeTo: null });
  });

  it('goes back to laying out while claims remain, so the rest can be laid out and sent', () => {
    expect(transition('uploading', 'UPLOAD_DELIVERED', ctx({ claimsDelivered: 8, claimsLaidOut: 8 }), as('system'))).toMatchObject({ ok: true, to: 'laying_out' });
    expect(transition('uploading', 'UPLOAD_DELIVERED', ctx({ claimsDelivered: 0, claimsPurchased: 0 }), as('system'))).toMatchObject({ to: 'laying_out' });
  });

  it('never refuses the fact of a delivery over payment or capacity', () => {
    const awkward = ctx({ paymentState: 'awaiting_payment', claimsLaidOut: 30, claimsDelivered: 30 });
    expect(transition('uploading', 'UPLOAD_DELIVERED', awkward, as('system'))).toMatchObject({ ok: true, to: 'delivered', logEntry: { override: false } });
  });
});

describe('allowedEvents for the UI', () => {
  it('offers staff the start of an unpaid order as blocked, with the message, and a manager as needing an override', () => {
    const staff = allowedEvents('queued', unpaid, 'staff');
    expect(staff.map((e) => [e.event, e.status])).toEqual([
      ['PULL', 'blocked'],
      ['HOLD', 'allowed'],
      ['CANCEL', 'allowed'],
    ]);
    expect(staff[0]).toMatchObject({ to: 'pulled', blockedBy: ['awaiting-payment'], message: expect.stringContaining('Only a manager or admin') });
    expect(allowedEvents('queued', unpaid, 'manager')[0]).toMatchObject({ event: 'PULL', status: 'needs-override', message: expect.stringContaining('As a manager') });
  });

  it('shows a hard guard as blocked for every role, and resolves computed targets', () => {
    const events = allowedEvents('laying_out', ctx({ claimsLaidOut: 0 }), 'admin');
    expect(events.find((e) => e.event === 'VALIDATE_OK')).toMatchObject({ status: 'blocked', blockedBy: ['no-claims'] });
    expect(allowedEvents('on_hold', ctx({ resumeTo: 'validated' }), 'staff')).toEqual([
      { event: 'RESUME', to: 'validated', status: 'allowed', message: null, blockedBy: [] },
      { event: 'CANCEL', to: 'cancelled', status: 'allowed', message: null, blockedBy: [] },
    ]);
  });

  it('gives people no events while uploading, ClaimDesk the facts, and customers nothing', () => {
    expect(allowedEvents('uploading', ctx(), 'staff')).toEqual([]);
    expect(allowedEvents('uploading', ctx({ claimsDelivered: 12 }), 'system').map((e) => [e.event, e.to])).toEqual([
      ['UPLOAD_DELIVERED', 'delivered'],
      ['UPLOAD_NEEDS_REVIEW', 'needs_review'],
      ['UPLOAD_DISCARDED', 'documents_ready'],
      ['SERVER_CANCELLED', 'needs_review'],
      ['SERVER_COMPLETED', 'needs_review'],
      ['ASSIGNMENT_LOST', 'needs_review'],
    ]);
    expect(allowedEvents('queued', ctx(), 'customer')).toEqual([]);
  });

  it('shows reopening a delivered order as blocked for staff and as an override for an admin', () => {
    // Besides accepting the posts as staked, which staff may do without a reopening, and entering the county
    // recording (the BLM filing waits for it).
    const fresh = ctx({ countyRecorded: false, blmFiled: false });
    const blockedEntries = [{ event: 'COUNTY_RECORDED', status: 'blocked' }, { event: 'BLM_FILED', status: 'blocked' }];
    expect(allowedEvents('delivered', fresh, 'staff')).toMatchObject([{ event: 'REOPEN', status: 'blocked' }, { event: 'AS_STAKED_ACCEPTED', to: 'laying_out' }, ...blockedEntries]);
    expect(allowedEvents('delivered', fresh, 'admin')).toMatchObject([{ event: 'REOPEN', status: 'needs-override', to: 'documents_ready' }, { event: 'AS_STAKED_ACCEPTED', to: 'laying_out' }, ...blockedEntries]);
  });
});
