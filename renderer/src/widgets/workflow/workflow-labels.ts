/**
 * How the workflow's states, payment states and staff actions read and are coloured in the app. The words come
 * from the shared tables (shared/workflow) so the app, the CLI and the transition log name things alike.
 */
import { STAFF_ACTIONS, type StaffAction } from '../../../../shared/workflow/workflow-view.types';
import { PAYMENT_STATE_LABELS } from '../../../../shared/workflow/payment-state';
import { STATE_LABELS } from '../../../../shared/workflow/workflow.table';
import type { PaymentState, WorkflowState } from '../../../../shared/workflow/workflow.types';
import type { ChipTone } from '../../lib/tone';

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function workflowStateLabel(state: WorkflowState): string {
  return capitalise(STATE_LABELS[state]);
}

export function paymentStateLabel(state: PaymentState): string {
  return state === 'not_applicable' ? 'No payment' : capitalise(PAYMENT_STATE_LABELS[state]);
}

/** Work moving is blue, finished green, waiting amber, stopped red; cancelled is simply grey (nothing to do). */
export const WORKFLOW_STATE_TONES: Readonly<Record<WorkflowState, ChipTone>> = {
  queued: 'grey',
  pulled: 'blue',
  laying_out: 'blue',
  validated: 'blue',
  documents_ready: 'purple',
  uploading: 'blue',
  delivered: 'green',
  recorded: 'green',
  filed: 'green',
  on_hold: 'amber',
  cancelled: 'grey',
  needs_review: 'red',
};

export const PAYMENT_STATE_TONES: Readonly<Record<PaymentState, ChipTone>> = {
  paid: 'green',
  awaiting_payment: 'amber',
  refunded: 'red',
  not_applicable: 'grey',
  unknown: 'outline',
};

/** The job header's buttons: what the person does, not the event's name. */
export const ACTION_LABELS: Readonly<Record<StaffAction, string>> = {
  HOLD: 'Put on hold',
  RESUME: 'Resume',
  CANCEL: 'Cancel job',
  REOPEN: 'Reopen',
};

export function isStaffAction(event: string): event is StaffAction {
  return (STAFF_ACTIONS as readonly string[]).includes(event);
}
