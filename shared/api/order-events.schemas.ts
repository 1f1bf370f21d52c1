/**
 * Order events: the bodies ClaimDesk sends and the answers of POST/GET
 * /api/v2/claims/staff/orders/{order_type}/{id}/events/. Two kinds: a workflow override (a manager or admin went past
 * a blocked transition) and, after delivery, what the county recorder and BLM answered (the notices recorded, the
 * claims filed with their serial numbers). Kept apart from geodb.schemas.ts, which holds the rest of the GeoDB
 * contract; a GeoDB server that does not know the filing events refuses them, and ClaimDesk keeps them in its outbox.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { orderTypeSchema } from './geodb.schemas';

/** Guards a manager or admin may go past with a reason; the same list as shared/workflow's OVERRIDABLE_GUARDS. */
export const OVERRIDE_GUARD_CODES = ['awaiting-payment', 'over-capacity', 'reopen-closed', 'held-by-other'] as const;
export const overrideGuardCodeSchema = z.enum(OVERRIDE_GUARD_CODES).meta({ id: 'OverrideGuardCode' });
export type OverrideGuardCode = z.infer<typeof overrideGuardCodeSchema>;

/**
 * A blocked workflow transition that a manager or admin went past, as ClaimDesk recorded it (its outbox sends
 * it later, so `occurred_at` and `actor` are ClaimDesk's, not the moment or user of delivery).
 */
export const orderEventRequestSchema = z
  .object({
    event: z.string().min(1).max(40).describe('The workflow event, e.g. PULL, REOPEN, VALIDATE_OK, UPLOAD_QUEUED.'),
    from_state: z.string().min(1).max(40).nullable().describe('The job\'s workflow state before the event (null: none yet).'),
    to_state: z.string().min(1).max(40).describe('The job\'s workflow state after the event.'),
    overridden: z.array(overrideGuardCodeSchema).min(1).describe('The guards the override went past.'),
    reason: z.string().trim().min(3).max(500),
    actor: z.string().min(1).max(150).describe('The username ClaimDesk knew the person by when they made the override.'),
    occurred_at: z.iso.datetime({ offset: true }).describe('ISO 8601: when the override was made in ClaimDesk.'),
    client_ref: z.string().max(100).optional().describe('ClaimDesk\'s own id of the log entry, for support.'),
  })
  .strict()
  .meta({ id: 'OrderEventRequest' });
export type OrderEventRequest = z.infer<typeof orderEventRequestSchema>;

/** After delivery: the notices recorded with the county, then the claims filed with BLM. */
export const FILING_EVENTS = ['COUNTY_RECORDED', 'BLM_FILED'] as const;
export const filingEventSchema = z.enum(FILING_EVENTS);
export type FilingEvent = z.infer<typeof filingEventSchema>;

const day = z.string().refine(isCalendarDate, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
const usd = z.string().regex(/^\d{1,7}\.\d{2}$/, 'A sum in US dollars with cents, e.g. "15.00".').describe('US dollars with cents, e.g. "15.00".');
const reference = z.string().trim().min(1).max(60).nullable();

export const countyRecordingDetailsSchema = z
  .object({
    recorded_on: day.describe('YYYY-MM-DD: the day the recorder recorded the notices.'),
    office: z.string().trim().min(1).max(120).describe('The county recorder, or in Alaska the recording district.'),
    instrument_number: reference.describe('The recorder\'s instrument (document) number; null when book and page are given.'),
    book: reference,
    page: reference,
    fee_paid: usd,
  })
  .strict()
  .refine((d) => d.instrument_number !== null || (d.book !== null && d.page !== null), {
    message: 'Give the instrument number, or the book and the page.',
    path: ['instrument_number'],
  })
  .meta({ id: 'CountyRecording' });
export type CountyRecordingDetails = z.infer<typeof countyRecordingDetailsSchema>;

export const blmFilingDetailsSchema = z
  .object({
    filed_on: day.describe('YYYY-MM-DD: the day the claims were filed with BLM (in MLRS or at the state office).'),
    serials: z
      .array(z.object({ claim_name: z.string().min(1).max(200), serial: z.string().trim().min(1).max(40) }).strict())
      .min(1)
      .max(2000)
      .describe('The MLRS serial number BLM gave each claim.'),
    fees_paid: usd,
  })
  .strict()
  .meta({ id: 'BlmFiling' });
export type BlmFilingDetails = z.infer<typeof blmFilingDetailsSchema>;

/** What the county recorder or BLM answered, as ClaimDesk's staff entered it (its outbox sends it later). */
export const filingEventRequestSchema = z
  .object({
    event: filingEventSchema.describe('COUNTY_RECORDED carries county_recording; BLM_FILED carries blm_filing.'),
    from_state: z.string().min(1).max(40).nullable(),
    to_state: z.string().min(1).max(40),
    actor: z.string().min(1).max(150).describe('The username ClaimDesk knew the person by when they entered it.'),
    occurred_at: z.iso.datetime({ offset: true }).describe('ISO 8601: when it was entered in ClaimDesk.'),
    client_ref: z.string().max(100).optional(),
    county_recording: countyRecordingDetailsSchema.optional(),
    blm_filing: blmFilingDetailsSchema.optional(),
  })
  .strict()
  .refine((b) => (b.event === 'COUNTY_RECORDED' ? b.county_recording !== undefined && b.blm_filing === undefined : b.blm_filing !== undefined && b.county_recording === undefined), {
    message: 'COUNTY_RECORDED carries county_recording and BLM_FILED carries blm_filing, nothing else.',
    path: ['event'],
  })
  .meta({ id: 'FilingEventRequest' });
export type FilingEventRequest = z.infer<typeof filingEventRequestSchema>;

/** Either kind of event, as the OpenAPI document describes the body; the server reads it by its `event`. */
export const anyOrderEventRequestSchema = z.union([orderEventRequestSchema, filingEventRequestSchema]).meta({ id: 'AnyOrderEventRequest' });
export type AnyOrderEventRequest = z.infer<typeof anyOrderEventRequestSchema>;

export function isFilingEvent(event: unknown): event is FilingEvent {
  return (FILING_EVENTS as readonly unknown[]).includes(event);
}

export const orderEventResponseSchema = z
  .object({
    id: z.number().int(),
    order_type: orderTypeSchema,
    order_id: z.number().int(),
    order_number: z.string(),
    event: z.string(),
    from_state: z.string().nullable(),
    to_state: z.string(),
    overridden: z.array(overrideGuardCodeSchema).describe('Empty for a filing event.'),
    reason: z.string().describe('Empty for a filing event.'),
    county_recording: countyRecordingDetailsSchema.nullable().describe('COUNTY_RECORDED only.'),
    blm_filing: blmFilingDetailsSchema.nullable().describe('BLM_FILED only.'),
    actor: z.string(),
    occurred_at: z.string().describe('ISO 8601, as ClaimDesk sent it'),
    client_ref: z.string().nullable(),
    recorded_at: z.string().describe('ISO 8601: when the server stored the event'),
    recorded_by: z.string().describe('The username of the authenticated user who sent it.'),
  })
  .meta({ id: 'OrderEvent' });
export type OrderEventResponse = z.infer<typeof orderEventResponseSchema>;

export const orderEventListResponseSchema = z
  .object({ results: z.array(orderEventResponseSchema) })
  .meta({ id: 'OrderEventList' });
export type OrderEventListResponse = z.infer<typeof orderEventListResponseSchema>;
