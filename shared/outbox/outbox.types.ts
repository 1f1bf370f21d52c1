/** What the outbox carries and how the queue view shows it. */
import { z } from 'zod';
import { orderTypeSchema } from '../api/geodb.schemas';
import { overrideSummary } from '../workflow/guard-labels';
import { blmFilingDetailsSchema, countyRecordingDetailsSchema, filingEventSchema } from '../api/order-events.schemas';

export const OUTBOX_STATES = ['queued', 'sending', 'retry', 'paused', 'needs_review', 'failed', 'done', 'discarded'] as const;
export const outboxStateSchema = z.enum(OUTBOX_STATES);
export type OutboxEntryState = z.infer<typeof outboxStateSchema>;

/** The claims part of an upload: names with lon/lat geometry and acreage, to link LandHoldings by name. */
export const uploadClaimSchema = z.object({
  name: z.string(),
  geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
  acreage: z.number(),
});
export type UploadClaim = z.infer<typeof uploadClaimSchema>;

export const uploadPayloadSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  projectId: z.number().int().nullable(),
  /** Which generation of the job's package was queued (the snapshot in outbox/<entry id>/ is that one). */
  packageGeneration: z.number().int(),
  claims: z.array(uploadClaimSchema),
  /**
   * The package id the first attempt sent (null: none), fixed then so every retry sends exactly the same request:
   * the server refuses a reused Idempotency-Key with different fields. Absent until the first attempt.
   */
  sentPackageId: z.number().int().nullable().optional(),
});
export type UploadPayload = z.infer<typeof uploadPayloadSchema>;

export const ORDER_STATUS_CHANGES = ['in_progress', 'on_hold', 'cancelled'] as const;
export const orderStatusChangeSchema = z.enum(ORDER_STATUS_CHANGES);
export type OrderStatusChange = z.infer<typeof orderStatusChangeSchema>;

export const statusPayloadSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  status: orderStatusChangeSchema,
  reason: z.string().max(500).nullable(),
});
export type StatusPayload = z.infer<typeof statusPayloadSchema>;

/**
 * A workflow override on its way to the server as a domain event: what was overridden,
 * by whom and why, exactly as the transition log recorded it (logId ties the two together).
 */
export const overridePayloadSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  event: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  overridden: z.array(z.string()).min(1),
  reason: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
  logId: z.number().int(),
});
export type OverridePayload = z.infer<typeof overridePayloadSchema>;

/**
 * A county recording or BLM filing entered after delivery, on its way to the server as an order event, with the
 * details as the server takes them (shared/api/order-events.schemas.ts) and the log entry it was recorded under.
 */
export const filingPayloadSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  event: filingEventSchema,
  from: z.string().nullable(),
  to: z.string(),
  actor: z.string(),
  occurredAt: z.string(),
  logId: z.number().int(),
  countyRecording: countyRecordingDetailsSchema.optional(),
  blmFiling: blmFilingDetailsSchema.optional(),
});
export type FilingPayload = z.infer<typeof filingPayloadSchema>;

/** An order event: an override record, or a filing (told apart by their shape: a filing names no guards). */
export const eventPayloadSchema = z.union([overridePayloadSchema, filingPayloadSchema]);
export type EventPayload = z.infer<typeof eventPayloadSchema>;

export function isFilingPayload(payload: EventPayload): payload is FilingPayload {
  return !('overridden' in payload);
}

/** "County recording: Pershing County, instrument 2027-000123, recorded 2027-01-10" and the like, for the outbox list. */
export function eventSummary(payload: EventPayload): string {
  if (!isFilingPayload(payload)) return overrideSummary(payload);
  const r = payload.countyRecording;
  if (r) {
    const where = r.instrument_number ? `instrument ${r.instrument_number}` : `book ${r.book ?? ''}, page ${r.page ?? ''}`;
    return `County recording: ${r.office}, ${where}, recorded ${r.recorded_on} (fee $${r.fee_paid})`;
  }
  const f = payload.blmFiling;
  return f ? `BLM filing: ${f.serials.length} serial number${f.serials.length === 1 ? '' : 's'}, filed ${f.filed_on} (fees $${f.fees_paid})` : `Order event ${payload.event}`;
}

/** How the outbox and its notifications name an entry of kind 'event'. */
export function eventLabel(payload: EventPayload | null): string {
  if (payload === null || !isFilingPayload(payload)) return 'The override record';
  return payload.event === 'COUNTY_RECORDED' ? 'The county recording' : 'The BLM filing';
}

/** Desk assignment: a claim for this desk, its release, or a manager's or admin's take-over (to themselves or to `to`). */
export const ASSIGNMENT_CHANGES = ['claim', 'release', 'take_over'] as const;
export type AssignmentChange = (typeof ASSIGNMENT_CHANGES)[number];

export const assignmentPayloadSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  action: z.enum(ASSIGNMENT_CHANGES),
  /** A take-over's reason (required there). */
  reason: z.string().max(500).nullable(),
  /** A take-over's new holder (null: the person who queued it). */
  to: z.string().nullable(),
});
export type AssignmentPayload = z.infer<typeof assignmentPayloadSchema>;

export function assignmentSummary(payload: AssignmentPayload): string {
  if (payload.action === 'claim') return 'Claim the order for this desk';
  if (payload.action === 'release') return 'Release the order';
  return `Take the order over${payload.to ? ` for ${payload.to}` : ''} — ${payload.reason ?? ''}`;
}

/**
 * What a workflow transition must tell the server: an order status change or an override record. The transition
 * answers it (core/workflow/apply-transition.ts) and the one outbox writer stores it in the same transaction.
 */
export type OutgoingMessage = { kind: 'status'; payload: StatusPayload } | { kind: 'event'; payload: EventPayload } | { kind: 'assignment'; payload: AssignmentPayload };

// crew: an interest, its withdrawal or an assignment (shared/crews/crew-payload.ts); it belongs to no job.
export const OUTBOX_KINDS = ['upload', 'status', 'event', 'assignment', 'crew'] as const;

export const outboxEntryViewSchema = z.object({
  id: z.string(),
  /** null for a crew decision, which belongs to no job of this desk. */
  jobId: z.number().int().nullable(),
  orderNumber: z.string(),
  kind: z.enum(OUTBOX_KINDS),
  /** For a status change, the status it sets (null for uploads). */
  statusChange: orderStatusChangeSchema.nullable(),
  /** "Package (generation 2, 8 files)" or "Status → on hold". */
  summary: z.string(),
  state: outboxStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The account it was queued under (null: queued by a version that did not record it); it is sent under that one only. */
  queuedBy: z.string().nullable(),
  /** Why it is not being sent by this desk now: queued for another account, or being sent by another process. */
  waitReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
});
export type OutboxEntryView = z.infer<typeof outboxEntryViewSchema>;
