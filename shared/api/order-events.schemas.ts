/**
 * Workflow override events (a manager or admin went past a blocked transition): the body ClaimDesk sends and the answers of
 * POST/GET /api/v2/claims/staff/orders/{order_type}/{id}/events/. Kept apart from geodb.schemas.ts, which holds
 * the rest of the GeoDB contract.
 */
import { z } from 'zod';
import { orderTypeSchema } from './geodb.schemas';

/** Guards a manager or admin may go past with a reason; the same list as shared/workflow's OVERRIDABLE_GUARDS. */
export const OVERRIDE_GUARD_CODES = ['awaiting-payment', 'over-capacity', 'reopen-closed'] as const;
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

export const orderEventResponseSchema = z
  .object({
    id: z.number().int(),
    order_type: orderTypeSchema,
    order_id: z.number().int(),
    order_number: z.string(),
    event: z.string(),
    from_state: z.string().nullable(),
    to_state: z.string(),
    overridden: z.array(overrideGuardCodeSchema),
    reason: z.string(),
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
