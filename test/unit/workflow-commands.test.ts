/**
 * The workflow's commands for the wizard (accept the layout, confirm the claimant), the view's list of every event a
 * person sends, and the wizard's gates built from them: what the renderer shows without computing anything.
 */
import { describe, expect, it } from 'vitest';
import { finishedSteps, hasPassedValidation, wizardGates, type GateInput } from '../../shared/jobs/wizard-gates';
import { JOB_STEPS } from '../../shared/jobs/job-steps';
import { eventViews, transition } from '../../shared/workflow/workflow.machine';
import { EVENT_SOURCES } from '../../shared/workflow/workflow.table';
import { WORKFLOW_EVENTS } from '../../shared/workflow/workflow.types';
import { as, ctx } from './workflow-test-helpers';

const OUTSIDE = "Claim 'LYNN 3' lies outside the order's area";

describe('accepting the layout and confirming the claimant', () => {
  it('refuses VALIDATE_OK with the job check\'s problems, which no override passes', () => {
    const refused = transition('laying_out', 'VALIDATE_OK', ctx({ layoutProblems: [OUTSIDE] }), as('admin'), { override: { reason: 'try anyway' } });
    expect(refused).toEqual({
      ok: false,
      code: 'guard',
      message: `"Accept the validation" is not possible: the layout does not pass validation yet: ${OUTSIDE}.`,
      blockedBy: ['layout-invalid'],
    });
    expect(transition('laying_out', 'VALIDATE_OK', ctx(), as('staff'))).toMatchObject({ ok: true, to: 'validated' });
  });

  it('quotes at most eight of a long list of problems', () => {
    const problems = Array.from({ length: 11 }, (_, i) => `Claim 'P ${i + 1}' overlaps`);
    const refused = transition('laying_out', 'VALIDATE_OK', ctx({ layoutProblems: problems }), as('staff'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/P 8' overlaps \(and 3 more\)\.$/);
  });

  it('confirms the claimant once validated, without moving or refusing for anything but the claimant', () => {
    expect(transition('validated', 'CONFIRM_CLAIMANT', ctx(), as('staff'))).toMatchObject({ ok: true, to: 'validated', changed: false });
    expect(transition('validated', 'CONFIRM_CLAIMANT', ctx({ claimantProblems: ['Enter the claimant name.'] }), as('staff'))).toMatchObject({
      ok: false,
      message: '"Confirm the claimant" is not possible: the claimant is not complete: Enter the claimant name.',
      blockedBy: ['claimant-incomplete'],
    });
    expect(transition('laying_out', 'CONFIRM_CLAIMANT', ctx(), as('staff'))).toMatchObject({
      ok: false,
      code: 'not-allowed',
      message: expect.stringContaining('accept it on the Validate step first'),
    });
  });
});

describe('every event in the view', () => {
  it('lists every staff event once, those without a row as not-allowed with the machine\'s message', () => {
    const views = eventViews('on_hold', ctx({ resumeTo: 'validated' }), 'staff');
    expect(views.map((v) => v.event)).toEqual(WORKFLOW_EVENTS.filter((e) => EVENT_SOURCES[e] === 'staff'));
    expect(views.find((v) => v.event === 'RESUME')).toMatchObject({ status: 'allowed', to: 'validated' });
    expect(views.find((v) => v.event === 'UPLOAD_QUEUED')).toMatchObject({
      status: 'not-allowed',
      message: '"Queue the upload" is not possible while the job is on hold. Resume the job first.',
    });
    expect(eventViews('delivered', ctx(), 'staff').find((v) => v.event === 'UPLOAD_QUEUED')?.message).toContain('the job is closed');
    expect(eventViews('queued', ctx(), 'customer')).toEqual([]);
  });
});

describe('the wizard gates', () => {
  const check = { layout: { problems: [{ code: 'outside_order_area', message: OUTSIDE, claim: 'LYNN 3' }], warnings: [] }, blocking: { layout: [OUTSIDE], monuments: [], claimant: [], documents: [`${OUTSIDE}.`] } };
  const base = { state: 'laying_out' as const, resumeTo: null, claimsLaidOut: 3, hasPackage: false, claimsDelivered: 0, postsAccepted: false, check };

  it('sends the validate command until the job is validated, listing the check\'s problems', () => {
    const gates = wizardGates(base);
    expect(gates.validate).toEqual({ done: false, command: 'validateLayout', problems: [OUTSIDE] });
    expect(gates.claimant).toMatchObject({ done: false, command: 'confirmClaimant' });
    expect(gates.layout).toEqual({ done: true, command: null, problems: [] });
    expect(gates.documents.problems[0]).toMatch(/Generate the staking package/);
    expect(wizardGates({ ...base, claimsLaidOut: 0 }).import.done).toBe(false);
    expect(wizardGates({ ...base, state: 'documents_ready', hasPackage: true, claimsDelivered: 3 })).toMatchObject({
      validate: { done: true },
      documents: { done: true },
      upload: { done: true },
    });
  });

  it('marks every finished step, left to right: the claimant once validated and complete, none after an unfinished one', () => {
    const marks = (input: GateInput) => JOB_STEPS.filter((step) => finishedSteps(wizardGates(input), JOB_STEPS)[step]);
    expect(marks(base)).toEqual(['import', 'layout', 'monuments']);
    const clean = { ...base, check: { ...check, layout: { problems: [], warnings: [] }, blocking: { layout: [], monuments: [], claimant: [], documents: [] } } };
    // Nothing wrong with the layout is not the same as accepted: Validate waits for VALIDATE_OK.
    expect(marks(clean)).toEqual(['import', 'layout', 'monuments']);
    expect(marks({ ...clean, state: 'validated' })).toEqual(['import', 'layout', 'monuments', 'validate', 'claimant']);
    const noClaimant = { ...clean, state: 'validated' as const, check: { ...clean.check, blocking: { ...clean.check.blocking, claimant: ['Enter the claimant’s name.'] } } };
    expect(marks(noClaimant)).toEqual(['import', 'layout', 'monuments', 'validate']);
    // A package made while the claimant is incomplete still leaves the marks left to right.
    expect(marks({ ...noClaimant, state: 'documents_ready', hasPackage: true })).toEqual(['import', 'layout', 'monuments', 'validate']);
    // Delivered: every step but Field, which waits for the crew's posts to be accepted as staked.
    expect(marks({ ...clean, state: 'delivered', hasPackage: true, claimsDelivered: 3 })).toEqual(JOB_STEPS.filter((s) => s !== 'field'));
    expect(marks({ ...clean, state: 'delivered', hasPackage: true, claimsDelivered: 3, postsAccepted: true })).toEqual([...JOB_STEPS]);
  });

  it('counts a paused job as validated when it was paused after validation', () => {
    expect(hasPassedValidation('on_hold', 'documents_ready')).toBe(true);
    expect(hasPassedValidation('on_hold', 'laying_out')).toBe(false);
    expect(hasPassedValidation('needs_review', null)).toBe(true);
    expect(hasPassedValidation('pulled', null)).toBe(false);
  });
});
