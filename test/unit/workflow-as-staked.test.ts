/** AS_STAKED_ACCEPTED: the crew's posts become the layout from any working state and after delivery, never elsewhere. */
import { describe, expect, it } from 'vitest';
import { transition } from '../../shared/workflow/workflow.machine';
import { as, ctx } from './workflow-test-helpers';

describe('accepting the posts as staked', () => {
  it('goes to laying out from a delivered job for staff, without a manager reopening it', () => {
    expect(transition('delivered', 'AS_STAKED_ACCEPTED', ctx(), as('staff'))).toMatchObject({ ok: true, from: 'delivered', to: 'laying_out' });
    for (const state of ['pulled', 'laying_out', 'validated', 'documents_ready'] as const) {
      expect(transition(state, 'AS_STAKED_ACCEPTED', ctx(), as('staff'))).toMatchObject({ ok: true, to: 'laying_out' });
    }
  });

  it('is refused while uploading, on hold, in review or cancelled', () => {
    for (const state of ['uploading', 'on_hold', 'needs_review', 'cancelled', 'queued'] as const) {
      expect(transition(state, 'AS_STAKED_ACCEPTED', ctx(), as('manager'))).toMatchObject({ ok: false, code: 'not-allowed' });
    }
  });
});
