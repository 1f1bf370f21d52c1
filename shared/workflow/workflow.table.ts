/**
 * THE fulfilment workflow, as one declarative table.
 *
 * Why a table and not XState: the job's whole state is one of ten names plus a small context that is mostly
 * derived from the job, the order and the outbox; there are no parallel regions, timers or actors to run. A
 * table of plain data is serialisable (it can be printed, diffed and shown in the UI), every row can be tested
 * by iterating it, and the interpreter (workflow.machine.ts) is fifty lines with no runtime to start, persist
 * or rehydrate: the persisted state is just the state name and `resumeTo`.
 *
 * Reading a row: `event` taken in any of `from` goes `to`, if no guard blocks it. Guards named in
 * OVERRIDABLE_GUARDS may be overridden by a manager or admin with a reason; the others cannot be. Two targets
 * are computed from the context:
 *   @resume    where the job stood before it was paused (context.resumeTo), else a safe place derived from
 *              the data (documents_ready with a package, pulled without)
 *   @delivery  delivered when every purchased claim is delivered (the order completes by itself),
 *              else laying_out, so the remaining claims can be laid out and sent
 * A (state, event) pair that no row names is refused as not-allowed.
 */
import type { AssignmentChange, OrderStatusChange } from '../outbox/outbox.types';
import type { EventSource, GuardCode, WorkflowEvent, WorkflowState } from './workflow.types';

export type TransitionTarget = WorkflowState | '@resume' | '@delivery' | '@reopen';

export interface TransitionRule {
  readonly event: WorkflowEvent;
  readonly from: readonly WorkflowState[];
  readonly to: TransitionTarget;
  readonly guards?: readonly GuardCode[];
}

/** The states in which work on the order is in progress locally. */
const WORKING = ['pulled', 'laying_out', 'validated', 'documents_ready'] as const satisfies readonly WorkflowState[];

export const TRANSITIONS: readonly TransitionRule[] = [
  // Another desk holding the order stops a pull; a manager or admin takes it over with a reason.
  { event: 'PULL', from: ['queued'], to: 'pulled', guards: ['awaiting-payment', 'held-by-other'] },
  // Any change to the layout makes an earlier validation and the generated package out of date.
  { event: 'EDIT_LAYOUT', from: ['pulled', 'laying_out', 'validated', 'documents_ready'], to: 'laying_out' },
  { event: 'VALIDATE_FAILED', from: ['laying_out', 'validated', 'documents_ready'], to: 'laying_out' },
  { event: 'VALIDATE_OK', from: ['laying_out', 'validated'], to: 'validated', guards: ['no-claims', 'layout-invalid', 'over-capacity'] },
  // A person's confirmation that the claimant printed on every notice is complete; it moves no state.
  { event: 'CONFIRM_CLAIMANT', from: ['validated'], to: 'validated', guards: ['claimant-incomplete'] },
  { event: 'CONFIRM_CLAIMANT', from: ['documents_ready'], to: 'documents_ready', guards: ['claimant-incomplete'] },
  { event: 'DOCUMENTS_GENERATED', from: ['validated', 'documents_ready'], to: 'documents_ready' },
  // From needs_review this is "upload anyway".
  { event: 'UPLOAD_QUEUED', from: ['documents_ready', 'needs_review'], to: 'uploading', guards: ['no-package', 'over-capacity'] },
  // A fact from the outbox: never guarded (the server already holds the package). From needs_review: an upload
  // that was delivered while the order was flagged for review.
  { event: 'UPLOAD_DELIVERED', from: ['uploading', 'needs_review'], to: '@delivery' },
  { event: 'UPLOAD_NEEDS_REVIEW', from: ['uploading'], to: 'needs_review' },
  { event: 'UPLOAD_DISCARDED', from: ['uploading', 'needs_review'], to: 'documents_ready' },
  // Not from uploading: the upload is sent before a hold or cancellation (oldest first per job), so holding
  // then would not stop it. Discard it in the outbox first.
  { event: 'HOLD', from: ['queued', ...WORKING], to: 'on_hold' },
  // From needs_review this is "keep the work locally".
  { event: 'RESUME', from: ['on_hold', 'needs_review'], to: '@resume' },
  { event: 'CANCEL', from: ['queued', ...WORKING, 'on_hold', 'needs_review'], to: 'cancelled' },
  // Reopening changes nothing by itself: the layout stays accepted and its package made (an edit sends it back).
  { event: 'REOPEN', from: ['delivered'], to: '@reopen', guards: ['reopen-closed'] },
  { event: 'REOPEN', from: ['cancelled'], to: '@resume', guards: ['reopen-closed'] },
  // The crew's posts stand where they stand: the recorded description has to follow the ground, also after the
  // package was delivered (an amended certificate, 43 CFR 3833.22(a)). Staff record what the crew set, so no
  // manager's reopening; the as-staked layout is then checked and documented like any other. For a staking-service
  // order the posts are our crew's: awaiting crew → crew assigned (crew.table.ts) comes first, and no override helps.
  { event: 'AS_STAKED_ACCEPTED', from: [...WORKING, 'delivered'], to: 'laying_out', guards: ['crew-unassigned'] },
  // The order changed on the server. Without local work there is nothing to decide; with it, a person decides
  // (upload anyway, keep locally, discard: shared/outbox/job-conflict.ts).
  { event: 'SERVER_CANCELLED', from: ['queued'], to: 'cancelled' },
  { event: 'SERVER_CANCELLED', from: [...WORKING, 'uploading', 'on_hold'], to: 'needs_review' },
  { event: 'SERVER_COMPLETED', from: ['queued'], to: 'delivered' },
  { event: 'SERVER_COMPLETED', from: [...WORKING, 'uploading', 'on_hold'], to: 'needs_review' },
  // After delivery: what the county recorder and BLM answered, entered by staff. Each is applied with its entry,
  // which the guards require; entering it again while in that state is a correction. BLM's filing is checked
  // against the recorded package, so it comes after the county recording (43 CFR 3833.11 asks for a copy of it).
  { event: 'COUNTY_RECORDED', from: ['delivered', 'recorded'], to: 'recorded', guards: ['recording-missing'] },
  // A recorder's typo found after the BLM filing is corrected where it stands: the filing was checked against
  // the package (claims, date of location, claimants), not the instrument number, so the job stays filed. Its
  // date is not held to the filing's: BLM also takes a copy of a notice still to be recorded (43 CFR 3833.11).
  { event: 'COUNTY_RECORDED', from: ['filed'], to: 'filed', guards: ['recording-missing'] },
  { event: 'BLM_FILED', from: ['delivered'], to: 'filed', guards: ['not-recorded'] },
  { event: 'BLM_FILED', from: ['recorded', 'filed'], to: 'filed', guards: ['blm-filing-missing'] },
  // Someone else holds the order on the server (this desk's claim was refused, or a manager took it over): a person
  // decides whether to keep the work locally, hand it over or cancel it, as after any change on the server.
  { event: 'ASSIGNMENT_LOST', from: [...WORKING, 'uploading', 'on_hold'], to: 'needs_review' },
];

export const EVENT_SOURCES: Readonly<Record<WorkflowEvent, EventSource>> = {
  PULL: 'staff',
  EDIT_LAYOUT: 'staff',
  VALIDATE_OK: 'staff',
  VALIDATE_FAILED: 'staff',
  CONFIRM_CLAIMANT: 'staff',
  DOCUMENTS_GENERATED: 'staff',
  UPLOAD_QUEUED: 'staff',
  UPLOAD_DELIVERED: 'system',
  UPLOAD_NEEDS_REVIEW: 'system',
  UPLOAD_DISCARDED: 'system',
  HOLD: 'staff',
  RESUME: 'staff',
  CANCEL: 'staff',
  REOPEN: 'staff',
  AS_STAKED_ACCEPTED: 'staff',
  SERVER_CANCELLED: 'system',
  SERVER_COMPLETED: 'system',
  COUNTY_RECORDED: 'staff',
  BLM_FILED: 'staff',
  ASSIGNMENT_LOST: 'system',
};

/**
 * The order status the server is told after a person's event (only while the order is open there): a hold, a
 * cancellation, and a resume from a hold. Resuming after a review changes nothing on the server.
 */
export function serverStatusAfter(event: WorkflowEvent, from: WorkflowState): OrderStatusChange | null {
  if (event === 'HOLD') return 'on_hold';
  if (event === 'CANCEL') return 'cancelled';
  if (event === 'RESUME' && from === 'on_hold') return 'in_progress';
  return null;
}

/**
 * What the server's desk assignment is told after an event: a pull claims the order (a pull past another desk's
 * claim takes it over), a cancellation releases it, a hold releases it when the desk's setting says so, and going
 * back to work after a hold claims it again. Reopening a delivered or cancelled job claims nothing: the order is
 * done on the server, or was given up, and whoever holds it now keeps it.
 */
export function assignmentAfter(event: WorkflowEvent, from: WorkflowState, overridden: readonly string[], settings: { releaseOnHold: boolean }): AssignmentChange | null {
  if (event === 'PULL') return overridden.includes('held-by-other') ? 'take_over' : 'claim';
  if (event === 'CANCEL') return 'release';
  if (event === 'HOLD') return settings.releaseOnHold ? 'release' : null;
  if (event === 'RESUME' && from === 'on_hold') return 'claim';
  return null;
}

/** The row for (state, event), or undefined: the table is checked in tests to have at most one per pair. */
export function findRule(state: WorkflowState, event: WorkflowEvent): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.event === event && rule.from.includes(state));
}

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  queued: 'queued',
  pulled: 'pulled',
  laying_out: 'laying out',
  validated: 'validated',
  documents_ready: 'documents ready',
  uploading: 'uploading',
  delivered: 'delivered',
  recorded: 'recorded',
  filed: 'filed with BLM',
  on_hold: 'on hold',
  cancelled: 'cancelled',
  needs_review: 'needs review',
};

/** As the action a person would name it ("Pull the order is not possible while…"). */
export const EVENT_LABELS: Readonly<Record<WorkflowEvent, string>> = {
  PULL: 'Pull the order',
  EDIT_LAYOUT: 'Edit the layout',
  VALIDATE_OK: 'Accept the validation',
  VALIDATE_FAILED: 'Record a failed validation',
  CONFIRM_CLAIMANT: 'Confirm the claimant',
  DOCUMENTS_GENERATED: 'Generate the documents',
  UPLOAD_QUEUED: 'Queue the upload',
  UPLOAD_DELIVERED: 'Record the delivered upload',
  UPLOAD_NEEDS_REVIEW: 'Send the upload to review',
  UPLOAD_DISCARDED: 'Discard the upload',
  HOLD: 'Put on hold',
  RESUME: 'Resume',
  CANCEL: 'Cancel',
  REOPEN: 'Reopen',
  AS_STAKED_ACCEPTED: 'Accept the posts as staked',
  SERVER_CANCELLED: 'Record the cancellation on the server',
  SERVER_COMPLETED: 'Record the completion on the server',
  COUNTY_RECORDED: 'Enter the county recording',
  BLM_FILED: 'Enter the BLM filing',
  ASSIGNMENT_LOST: 'Record that someone else works the order',
};
