import { describe, expect, it } from 'vitest';
import { initialStateForExistingJob, type ExistingJobFacts } from '../../shared/workflow/workflow-migration';
import { transition } from '../../shared/workflow/workflow.machine';
import type { WorkflowState } from '../../shared/workflow/workflow.types';
import { JOB_STEPS } from '../../shared/jobs/job.types';
import { jobConflict } from '../../shared/outbox/job-conflict';

const facts = (over: Partial<ExistingJobFacts> = {}): ExistingJobFacts => ({
  step: 'layout',
  hasPackage: false,
  uploadStates: [],
  orderStatus: 'processing',
  conflict: null,
  ...over,
});
const cancelledConflict = jobConflict({ orderStatus: 'cancelled', orderGone: false, delivered: false, acknowledged: null });

describe('initialStateForExistingJob by wizard step', () => {
  const table: [ExistingJobFacts['step'], boolean, WorkflowState][] = [
    ['import', false, 'pulled'],
    ['import', true, 'pulled'],
    ['layout', false, 'laying_out'],
    ['layout', true, 'laying_out'],
    ['monuments', false, 'laying_out'],
    ['validate', false, 'laying_out'],
    ['claimant', false, 'validated'],
    ['documents', false, 'validated'],
    ['documents', true, 'documents_ready'],
    ['upload', false, 'validated'],
    ['upload', true, 'documents_ready'],
  ];
  it.each(table)('step %s, package %s → %s', (step, hasPackage, expected) => {
    expect(initialStateForExistingJob(facts({ step, hasPackage }))).toMatchObject({ state: expected, resumeTo: null });
  });

  it('covers every step and never maps a job to queued', () => {
    for (const step of JOB_STEPS) {
      for (const hasPackage of [false, true]) expect(initialStateForExistingJob(facts({ step, hasPackage })).state).not.toBe('queued');
    }
  });
});

describe('initialStateForExistingJob from the outbox and the server', () => {
  it('marks a job with a delivered upload delivered, whatever else is true', () => {
    expect(initialStateForExistingJob(facts({ step: 'upload', hasPackage: true, uploadStates: ['discarded', 'done', 'failed'], orderStatus: 'completed' }))).toEqual({
      state: 'delivered',
      resumeTo: null,
      why: 'an upload was delivered to the server',
    });
  });

  it('sends a flagged conflict to review, resuming where the wizard was', () => {
    expect(initialStateForExistingJob(facts({ step: 'documents', hasPackage: true, orderStatus: 'cancelled', conflict: cancelledConflict }))).toEqual({
      state: 'needs_review',
      resumeTo: 'documents_ready',
      why: 'the order changed on the server (cancelled); the wizard was at documents with a generated package',
    });
  });

  it('sends an upload waiting for review to review, resuming at documents ready', () => {
    expect(initialStateForExistingJob(facts({ step: 'upload', hasPackage: true, uploadStates: ['needs_review'] }))).toMatchObject({ state: 'needs_review', resumeTo: 'documents_ready' });
  });

  it('marks a job whose order was cancelled and kept locally cancelled, and a completed one delivered', () => {
    for (const orderStatus of ['cancelled', 'rejected']) {
      expect(initialStateForExistingJob(facts({ step: 'claimant', orderStatus }))).toMatchObject({ state: 'cancelled', resumeTo: 'validated' });
    }
    for (const orderStatus of ['completed', 'fulfilled']) {
      expect(initialStateForExistingJob(facts({ step: 'claimant', orderStatus }))).toMatchObject({ state: 'delivered', resumeTo: null });
    }
  });

  it('marks a job with an upload still owed to the server uploading', () => {
    for (const pending of ['queued', 'sending', 'retry', 'paused', 'failed'] as const) {
      expect(initialStateForExistingJob(facts({ step: 'upload', hasPackage: true, uploadStates: ['discarded', pending] })), pending).toMatchObject({ state: 'uploading' });
    }
    expect(initialStateForExistingJob(facts({ step: 'upload', hasPackage: true, uploadStates: ['discarded'] }))).toMatchObject({ state: 'documents_ready' });
  });

  it('puts a job whose order is on hold on hold, resuming where the wizard was', () => {
    expect(initialStateForExistingJob(facts({ step: 'import', orderStatus: 'on_hold' }))).toEqual({
      state: 'on_hold',
      resumeTo: 'pulled',
      why: 'the order is on hold; the wizard was at import',
    });
  });

  it('gives states the machine can carry on from', () => {
    const held = initialStateForExistingJob(facts({ step: 'documents', hasPackage: true, orderStatus: 'on_hold' }));
    const resumed = transition(held.state, 'RESUME', {
      paymentState: 'paid',
      claimsPurchased: 3,
      claimsDelivered: 0,
      claimsLaidOut: 3,
      hasPackage: true,
      capacityOverride: false,
      resumeTo: held.resumeTo,
      layoutProblems: [],
      claimantProblems: [],
      countyRecorded: false,
      blmFiled: false,
      heldBy: null,
      crewRequired: false,
      crewAssigned: false,
    }, { username: 'demo-staff', role: 'staff' });
    expect(resumed).toMatchObject({ ok: true, to: 'documents_ready' });
  });
});
