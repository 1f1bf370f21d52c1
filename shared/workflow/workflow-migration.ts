/**
 * The workflow state for a job created before the workflow existed: a state that
 * matches its data, so no job is stranded or skips a check. The migration reads each job's wizard step, whether it has a
 * generated package, the states of its upload entries in the outbox (status-change entries are not passed),
 * the order's cached server status and the job's conflict flag, and writes what this returns. Pure, so the
 * mapping is tested row by row and the migration only reads and writes.
 *
 * The first rule that matches wins:
 *   1. an upload entry is done                    → delivered (the server holds the package and completed the order)
 *   2. a conflict is flagged                      → needs_review (the order changed on the server under the job)
 *   3. an upload entry needs review               → needs_review (resume to documents_ready)
 *   4. order cancelled or rejected                → cancelled (a person already chose to keep the work locally,
 *                                                   else rule 2 would have matched)
 *   5. order completed or fulfilled               → delivered (completed elsewhere and acknowledged)
 *   6. an upload entry queued, sending, retry,
 *      paused or failed                           → uploading (it is still owed to the server)
 *   7. order on_hold                              → on_hold
 *   8. otherwise by wizard step:
 *        import                                   → pulled
 *        layout, monuments, validate              → laying_out (Validate re-checks when it is opened)
 *        claimant                                 → validated (Next on Validate needs a valid layout or an override)
 *        documents, upload                        → documents_ready with a package, validated without
 *   Discarded upload entries are ignored. Every pause state (needs_review, cancelled, on_hold) resumes to the
 *   rule-8 state (the upload-review case to documents_ready). No job maps to queued: a job exists only once
 *   pulled. A job pulled while its order was unpaid is not refused retroactively: the guard applies to new pulls.
 */
import type { JobStep } from '../jobs/job.types';
import type { JobConflict } from '../outbox/job-conflict';
import type { OutboxEntryState } from '../outbox/outbox.types';
import type { WorkflowState } from './workflow.types';

export interface ExistingJobFacts {
  step: JobStep;
  hasPackage: boolean;
  /** States of the job's upload entries (any order; none → []). */
  uploadStates: readonly OutboxEntryState[];
  /** The order's status in the cache (null: unknown). */
  orderStatus: string | null;
  conflict: JobConflict | null;
}

export interface InitialWorkflowState {
  state: WorkflowState;
  /** To persist with the state: where RESUME returns (null unless the state is a pause state). */
  resumeTo: WorkflowState | null;
  /** For the migration's log entry: which rule gave the state. */
  why: string;
}

const PENDING_UPLOAD: readonly OutboxEntryState[] = ['queued', 'sending', 'retry', 'paused', 'failed'];

function stateForStep(step: JobStep, hasPackage: boolean): WorkflowState {
  switch (step) {
    case 'import':
      return 'pulled';
    case 'layout':
    case 'monuments':
    case 'validate':
      return 'laying_out';
    case 'claimant':
      return 'validated';
    case 'documents':
    case 'upload':
    case 'field':
      return hasPackage ? 'documents_ready' : 'validated';
  }
}

export function initialStateForExistingJob(facts: ExistingJobFacts): InitialWorkflowState {
  const uploads = facts.uploadStates;
  const byStep = stateForStep(facts.step, facts.hasPackage);
  const status = facts.orderStatus;
  const stepWhy = `the wizard was at ${facts.step}${facts.hasPackage ? ' with a generated package' : ''}`;
  if (uploads.includes('done')) return { state: 'delivered', resumeTo: null, why: 'an upload was delivered to the server' };
  if (facts.conflict) {
    return { state: 'needs_review', resumeTo: byStep, why: `the order changed on the server (${facts.conflict.orderStatus}); ${stepWhy}` };
  }
  if (uploads.includes('needs_review')) return { state: 'needs_review', resumeTo: 'documents_ready', why: 'an upload waits for review' };
  if (status === 'cancelled' || status === 'rejected') return { state: 'cancelled', resumeTo: byStep, why: `the order is ${status}; ${stepWhy}` };
  if (status === 'completed' || status === 'fulfilled') return { state: 'delivered', resumeTo: null, why: `the order is ${status} on the server` };
  if (uploads.some((s) => PENDING_UPLOAD.includes(s))) return { state: 'uploading', resumeTo: null, why: 'an upload is waiting in the outbox' };
  if (status === 'on_hold') return { state: 'on_hold', resumeTo: byStep, why: `the order is on hold; ${stepWhy}` };
  return { state: byStep, resumeTo: null, why: stepWhy };
}
