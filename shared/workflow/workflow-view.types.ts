/**
 * What the workflow shows across IPC: a job's workflow (state, the actions this user may take, payment,
 * progress, staleness, duplicate flags), its transition log, the dashboard and the notification list. Zod so main
 * validates every answer before the renderer sees it; the rules that produce these values live beside them in
 * shared/workflow and in the workflow service.
 */
import { z } from 'zod';
import { duplicateFlagSchema, orderKeySchema, type DuplicateFlag } from '../domain/order.types';
import {
  actorSchema,
  guardCodeSchema,
  paymentStateSchema,
  workflowEventSchema,
  workflowStateSchema,
} from './workflow.types';
import { PRIORITY_TIERS } from './order-progress';
import { jobStepSchema } from '../jobs/job-steps';
import { stepGateSchema } from '../jobs/wizard-gates';
import { DASHBOARD_FOCUSES, type DashboardFocus } from './workflow-focus';

export { DASHBOARD_FOCUSES, type DashboardFocus };

export const availableEventSchema = z.object({
  event: workflowEventSchema,
  to: workflowStateSchema,
  status: z.enum(['allowed', 'needs-override', 'blocked', 'not-allowed']),
  message: z.string().nullable(),
  blockedBy: z.array(guardCodeSchema),
});

export const orderProgressViewSchema = z.object({
  claimsPurchased: z.number().int(),
  claimsDelivered: z.number().int(),
  claimsRemaining: z.number().int(),
  completionPercent: z.number(),
  complete: z.boolean(),
  serviceLevel: z.enum(['standard', 'expedited']),
  targetDate: z.string().nullable(),
  daysRemaining: z.number().int().nullable(),
  dueToday: z.boolean(),
  overdue: z.boolean(),
  priority: z.enum(PRIORITY_TIERS),
});
export type OrderProgressView = z.infer<typeof orderProgressViewSchema>;

export { duplicateFlagSchema, type DuplicateFlag };

export const jobWorkflowSchema = z.object({
  state: workflowStateSchema,
  /** Where RESUME returns from a pause state. */
  resumeTo: workflowStateSchema.nullable(),
  /** When the state last changed (null: never since the job was made). */
  changedAt: z.string().nullable(),
  /**
   * Every event a person sends (pull, validate, confirm the claimant, generate, queue, hold, resume, cancel,
   * reopen…), each with whether the signed-in user may send it now and the machine's reason when not.
   */
  events: z.array(availableEventSchema),
  /** What each wizard step waits for (shared/jobs/wizard-gates.ts). */
  steps: z.record(jobStepSchema, stepGateSchema),
  paymentState: paymentStateSchema,
  /** Why that payment state ("From the order status "processing" of a BLM Map purchase."). */
  paymentDetail: z.string(),
  progress: orderProgressViewSchema,
  /** Untouched for the configured number of days (null idle days: no readable timestamp). */
  stale: z.object({ stale: z.boolean(), idleDays: z.number().int().nullable() }),
  duplicates: z.array(duplicateFlagSchema),
});
export type JobWorkflow = z.infer<typeof jobWorkflowSchema>;

/** One row of a job's history, as printed by `cli history` and shown in the app. */
export const transitionLogViewSchema = z.object({
  id: z.number().int(),
  /** Null for the entry the migration wrote when it gave an older job its first state. */
  from: workflowStateSchema.nullable(),
  to: workflowStateSchema,
  /** A workflow event, or MIGRATED for the state the 0006 migration assigned. */
  event: z.string(),
  actor: actorSchema,
  at: z.string(),
  reason: z.string().nullable(),
  override: z.boolean(),
  overridden: z.array(guardCodeSchema),
});
export type TransitionLogView = z.infer<typeof transitionLogViewSchema>;

/** The staff events a person may send from the job header (system events come from the outbox and sync). */
export const STAFF_ACTIONS = ['HOLD', 'RESUME', 'CANCEL', 'REOPEN'] as const;
export const staffActionSchema = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof staffActionSchema>;

export const overrideRequestSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

export const dashboardFocusSchema = z.enum(DASHBOARD_FOCUSES);

export const dashboardSchema = z.object({
  /** The desk's today (YYYY-MM-DD) the counts were taken on. */
  today: z.string(),
  counts: z.record(dashboardFocusSchema, z.number().int()),
  /** The order waiting longest for work to start (no job yet, paid or unknown, not gone). */
  oldestWaiting: z
    .object({ key: orderKeySchema, orderNumber: z.string(), createdAt: z.string(), ageDays: z.number().int(), targetDate: z.string().nullable() })
    .nullable(),
  /** Claims in uploads delivered since Monday of this week (the desk's calendar). */
  claimsDeliveredThisWeek: z.number().int(),
  /** Settings in effect, for the captions ("stale after 7 days"). */
  staleAfterDays: z.number().int(),
  /** Orders other staff members work (desk assignment), by when they took them; empty when the server has no assignment. */
  heldElsewhere: z.array(z.object({ key: orderKeySchema, orderNumber: z.string(), name: z.string(), since: z.string() })).default([]),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// crew: a field crew's interest, its withdrawal, expiry, an assignment or a rejection (shared/crews/crew-changes.ts).
export const NOTIFICATION_KINDS = ['new_orders', 'order_changed', 'upload_failed', 'stale_jobs', 'duplicate_orders', 'claim_deadline', 'assignment', 'crew'] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** The order it is about, when one (a click opens it). */
  order: orderKeySchema.nullable(),
  jobId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type AppNotification = z.infer<typeof notificationSchema>;
