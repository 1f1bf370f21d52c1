/** After delivery: the county recording, then the BLM filing, each applied with its entry, which the guards require. */
import { describe, expect, it } from 'vitest';
import { transition, eventViews } from '../../shared/workflow/workflow.machine';
import { as, ctx } from './workflow-test-helpers';

const nothingEntered = ctx({ claimsDelivered: 12, countyRecorded: false, blmFiled: false });

describe('recorded and filed', () => {
  it('records a delivered job once its county recording is entered, by any staff member', () => {
    expect(transition('delivered', 'COUNTY_RECORDED', nothingEntered, as('staff'))).toMatchObject({ ok: false, code: 'guard', blockedBy: ['recording-missing'] });
    expect(transition('delivered', 'COUNTY_RECORDED', { ...nothingEntered, countyRecorded: true }, as('staff'))).toMatchObject({ ok: true, to: 'recorded', changed: true });
    expect(transition('delivered', 'COUNTY_RECORDED', { ...nothingEntered, countyRecorded: true }, as('customer'))).toMatchObject({ ok: false, code: 'role-required' });
  });

  it('refuses the BLM filing before the county recording, saying why; no override goes past it', () => {
    const refused = transition('delivered', 'BLM_FILED', { ...nothingEntered, blmFiled: true }, as('admin'), { override: { reason: 'file it anyway' } });
    expect(refused).toMatchObject({ ok: false, code: 'guard', blockedBy: ['not-recorded'] });
    if (!refused.ok) expect(refused.message).toMatch(/county recording is not entered yet, and the BLM filing is checked against the recorded package/);
  });

  it('files a recorded job once the BLM filing is entered; entering either again is a logged correction', () => {
    const recorded = { ...nothingEntered, countyRecorded: true };
    expect(transition('recorded', 'BLM_FILED', recorded, as('staff'))).toMatchObject({ ok: false, blockedBy: ['blm-filing-missing'] });
    expect(transition('recorded', 'BLM_FILED', { ...recorded, blmFiled: true }, as('staff'))).toMatchObject({ ok: true, to: 'filed' });
    expect(transition('recorded', 'COUNTY_RECORDED', recorded, as('staff'))).toMatchObject({ ok: true, to: 'recorded', changed: false });
    expect(transition('filed', 'BLM_FILED', { ...recorded, blmFiled: true }, as('staff'))).toMatchObject({ ok: true, to: 'filed', changed: false });
    // A correction of the recording after the BLM filing keeps the job filed.
    expect(transition('filed', 'COUNTY_RECORDED', { ...recorded, blmFiled: true }, as('staff'))).toMatchObject({ ok: true, to: 'filed', changed: false });
    expect(transition('filed', 'COUNTY_RECORDED', { ...recorded, blmFiled: true }, as('customer'))).toMatchObject({ ok: false, code: 'role-required' });
  });

  it('keeps recorded and filed jobs closed: no reopening, holding or cancelling them', () => {
    for (const state of ['recorded', 'filed'] as const) {
      for (const event of ['REOPEN', 'HOLD', 'CANCEL', 'EDIT_LAYOUT'] as const) {
        expect(transition(state, event, ctx(), as('admin'), { override: { reason: 'try it' } }), `${state} ${event}`).toMatchObject({ ok: false, code: 'not-allowed' });
      }
    }
  });

  it('offers the entries to staff on a delivered job', () => {
    const offered = eventViews('delivered', nothingEntered, 'staff').filter((e) => e.event === 'COUNTY_RECORDED' || e.event === 'BLM_FILED');
    expect(offered.map((e) => [e.event, e.to, e.status])).toEqual([
      ['COUNTY_RECORDED', 'recorded', 'blocked'],
      ['BLM_FILED', 'filed', 'blocked'],
    ]);
  });
});
