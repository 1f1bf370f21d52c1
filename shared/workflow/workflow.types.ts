/**
 * The fulfilment workflow's vocabulary: states, events, who may send them, the context the
 * guards read and what every transition records. Zod schemas because the state, its context and the transition
 * log will cross IPC and live in SQLite; the rules themselves are in workflow.table.ts and workflow.machine.ts.
 */
import { z } from 'zod';
import { USER_ROLES } from '../api/geodb.schemas';

export const WORKFLOW_STATES = [
  'queued',
  'pulled',
  'laying_out',
  'validated',
  'documents_ready',
  'uploading',
  'delivered',
  // After delivery, for the orders whose claims staff record and file for the customer: the notices recorded
  // with the county (or Alaska recording district), then the claims filed with BLM (43 U.S.C. 1744).
  'recorded',
  'filed',
  'on_hold',
  'cancelled',
  'needs_review',
] as const;
export const workflowStateSchema = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof workflowStateSchema>;
const WORKFLOW_STATE_SET: ReadonlySet<string> = new Set(WORKFLOW_STATES);
/** The schema's test without its error object, for reading many rows where most hold none (null). */
export const isWorkflowState = (value: unknown): value is WorkflowState => typeof value === 'string' && WORKFLOW_STATE_SET.has(value);

/** Delivered, and what follows delivery (recorded, filed): the fulfilment is done, the order is not open work. */
export const DELIVERED_STATES = ['delivered', 'recorded', 'filed'] as const satisfies readonly WorkflowState[];
/** Finished here: delivered (or recorded, filed) or cancelled. Not late, not stale, not open. */
export const FINISHED_STATES = [...DELIVERED_STATES, 'cancelled'] as const satisfies readonly WorkflowState[];

export function isDeliveredState(state: WorkflowState | null): boolean {
  return state !== null && (DELIVERED_STATES as readonly WorkflowState[]).includes(state);
}

/**
 * States a job leaves and may come back from. Entering one remembers where the work stood (`resumeTo`), so
 * RESUME (and REOPEN of a cancelled job) returns there instead of to the start.
 */
export const PAUSE_STATES = ['on_hold', 'needs_review', 'cancelled'] as const satisfies readonly WorkflowState[];

/** A closed job: nothing of staff's moves it without a reopen, so views offer to open it, never to resume it. */
export function isClosedState(state: WorkflowState | null | undefined): boolean {
  return state !== null && state !== undefined && (FINISHED_STATES as readonly WorkflowState[]).includes(state);
}

export const WORKFLOW_EVENTS = [
  'PULL',
  'EDIT_LAYOUT',
  'VALIDATE_OK',
  'VALIDATE_FAILED',
  'CONFIRM_CLAIMANT',
  'DOCUMENTS_GENERATED',
  'UPLOAD_QUEUED',
  'UPLOAD_DELIVERED',
  'UPLOAD_NEEDS_REVIEW',
  'UPLOAD_DISCARDED',
  'HOLD',
  'RESUME',
  'CANCEL',
  'REOPEN',
  'AS_STAKED_ACCEPTED',
  'SERVER_CANCELLED',
  'SERVER_COMPLETED',
  'COUNTY_RECORDED',
  'BLM_FILED',
  // The server says another staff member holds the order this desk works (a claim refused, or taken over).
  'ASSIGNMENT_LOST',
] as const;
export const workflowEventSchema = z.enum(WORKFLOW_EVENTS);
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;

/**
 * Who sends an event. `staff` events are decisions a person makes in the app; `system` events report facts
 * (the outbox delivered or was refused, the server changed the order) and are sent by ClaimDesk itself or on
 * behalf of the signed-in staff member whose action caused them (e.g. Discard in the outbox).
 */
export type EventSource = 'staff' | 'system';

/** The server's roles plus `system`: ClaimDesk acting on its own (outbox runner, sync, migration). */
export const ACTOR_ROLES = [...USER_ROLES, 'system'] as const;
export const actorRoleSchema = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof actorRoleSchema>;

export const actorSchema = z.object({ username: z.string(), role: actorRoleSchema });
export type Actor = z.infer<typeof actorSchema>;

/** Roles that work on jobs at all, and the subset that may override a blocked transition. */
export const STAFF_ROLES = ['staff', 'manager', 'admin'] as const satisfies readonly ActorRole[];
export const OVERRIDE_ROLES = ['manager', 'admin'] as const satisfies readonly ActorRole[];

/** The same minimum as the job's capacity override (shared/jobs/job.types.ts), so one rule covers both. */
export const MIN_OVERRIDE_REASON_LENGTH = 3;

export const PAYMENT_STATES = ['paid', 'awaiting_payment', 'refunded', 'not_applicable', 'unknown'] as const;
export const paymentStateSchema = z.enum(PAYMENT_STATES);
export type PaymentState = z.infer<typeof paymentStateSchema>;

/**
 * What a guard stops. The first three are business rules a manager or admin may override with a reason; the
 * others are facts no override can change (nothing to validate, a layout or claimant the job check refuses,
 * nothing to upload).
 */
export const OVERRIDABLE_GUARDS = ['awaiting-payment', 'over-capacity', 'reopen-closed', 'held-by-other'] as const;
export const HARD_GUARDS = ['no-claims', 'layout-invalid', 'claimant-incomplete', 'no-package', 'recording-missing', 'not-recorded', 'blm-filing-missing', 'crew-unassigned'] as const;
export const GUARD_CODES = [...OVERRIDABLE_GUARDS, ...HARD_GUARDS] as const;
export const guardCodeSchema = z.enum(GUARD_CODES);
export type GuardCode = z.infer<typeof guardCodeSchema>;

/**
 * What the guards and computed targets read, as it is at the moment of the event: for UPLOAD_DELIVERED,
 * `claimsDelivered` already counts the upload just delivered. Most fields are derived from the job, the order
 * and the outbox on every transition; only `resumeTo` belongs to the workflow and must be persisted with the state.
 */
export const workflowContextSchema = z.object({
  /** For messages ("Order CPO-2026-0002 is awaiting payment"); omitted → "This order". */
  orderNumber: z.string().optional(),
  paymentState: paymentStateSchema,
  claimsPurchased: z.number().int().nonnegative(),
  /** Claims in documents uploaded and linked to the order on the server. */
  claimsDelivered: z.number().int().nonnegative(),
  /** Claims in the job's layout, i.e. what the package carries. */
  claimsLaidOut: z.number().int().nonnegative(),
  /** A generated package exists locally. */
  hasPackage: z.boolean(),
  /** An over-capacity override is already recorded for this job (the job's capacityOverride): not asked twice. */
  capacityOverride: z.boolean(),
  /** Where RESUME returns to; set by the machine when a pause state is entered. */
  resumeTo: workflowStateSchema.nullable(),
  /** What the job check (shared/jobs/check-job.ts) says keeps the layout from being accepted, as sentences. */
  layoutProblems: z.array(z.string()),
  /** What the job check says keeps the claimant from being confirmed. */
  claimantProblems: z.array(z.string()),
  /** The county recording of the delivered package is entered (county_recordings). */
  countyRecorded: z.boolean(),
  /** The BLM filing, with a serial number per claim, is entered (blm_filings). */
  blmFiled: z.boolean(),
  /** Another staff member holds the order on the server (desk assignment), as the last sync or answer said; null: nobody else. */
  heldBy: z.object({ name: z.string(), since: z.string() }).nullable().default(null),
  /**
   * The order bought the staking service and the server keeps field crews, so our crew sets the posts and one must be
   * assigned (shared/workflow/crew.table.ts). A server without crews cannot assign one: then nothing is required.
   */
  crewRequired: z.boolean(),
  /** A crew is assigned to the order on the server (the crew cache's assigned interest, the one place it lives). */
  crewAssigned: z.boolean(),
});
export type WorkflowContext = z.infer<typeof workflowContextSchema>;

/** One row of the transition log: persisted for every transition, printed by `cli history`. */
export const transitionLogEntrySchema = z.object({
  from: workflowStateSchema,
  to: workflowStateSchema,
  event: workflowEventSchema,
  actor: actorSchema,
  /** ISO 8601; null when the caller did not pass `at` (the store stamps it). */
  at: z.string().nullable(),
  reason: z.string().nullable(),
  /** True when a manager or admin went past a guard; `overridden` says which. */
  override: z.boolean(),
  overridden: z.array(guardCodeSchema),
});
export type TransitionLogEntry = z.infer<typeof transitionLogEntrySchema>;

export interface TransitionOptions {
  /** Go past the overridable guards that block this transition: managers and admins only, reason required. */
  override?: { reason: string };
  /** A note for the log when no override is involved (why the job was put on hold, cancelled…). */
  reason?: string;
  /** Timestamp for the log entry (ISO 8601); kept out of the machine so it stays deterministic. */
  at?: string;
}

export const TRANSITION_REFUSALS = ['not-allowed', 'guard', 'override-required', 'role-required', 'reason-required'] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export type TransitionResult =
  | {
      ok: true;
      from: WorkflowState;
      to: WorkflowState;
      /** False for a self-transition (e.g. regenerating documents): the caller may log it or not. */
      changed: boolean;
      /** The value to persist as the context's `resumeTo` after this transition. */
      resumeTo: WorkflowState | null;
      logEntry: TransitionLogEntry;
    }
  | {
      ok: false;
      code: TransitionRefusal;
      /** What was refused and why, and who can override it: written for the person at the desk. */
      message: string;
      /** The guards that stopped it (empty for not-allowed and role refusals not caused by a guard). */
      blockedBy: GuardCode[];
    };

/** One event as the UI may offer it: where it goes and whether it can go ahead, with the machine's reason if not. */
export interface AvailableEvent {
  event: WorkflowEvent;
  /** Where it would go now (computed targets resolved against the context). */
  to: WorkflowState;
  /**
   * allowed: go ahead; needs-override: blocked, but this role may override with a reason; blocked: cannot be
   * done by this role now (the message says why and who can); not-allowed: the job's state has no such step at
   * all (the message says what is possible instead).
   */
  status: 'allowed' | 'needs-override' | 'blocked' | 'not-allowed';
  message: string | null;
  blockedBy: GuardCode[];
}
