/**
 * Desk assignment: which staff member works an order. This is our extension of the order-fulfilment contract
 * (the GeoDB view lists orders, it does not say who works them): a server that has these endpoints keeps one
 * claim per order, lists it in the pending orders as `assigned_to`, and ends a claim nobody worked on for a
 * number of business days on its own clock (`assignment_expired`). A server without them answers 404 and
 * ClaimDesk works on without claims (shared/assignment/assignment-support.ts).
 */
import { z } from 'zod';
import type { OrderType } from './geodb.schemas';

export const ASSIGNMENT_PATHS = {
  claim: '/api/v2/claims/staff/orders/{order_type}/{id}/assignment/claim/',
  release: '/api/v2/claims/staff/orders/{order_type}/{id}/assignment/release/',
  takeOver: '/api/v2/claims/staff/orders/{order_type}/{id}/assignment/take-over/',
} as const;
export type AssignmentAction = keyof typeof ASSIGNMENT_PATHS;

export function assignmentPath(action: AssignmentAction, orderType: OrderType, id: number): string {
  return ASSIGNMENT_PATHS[action].replace('{order_type}', orderType).replace('{id}', String(id));
}

export const assignedToSchema = z
  .object({
    username: z.string(),
    name: z.string().describe('The holder\'s full name, as staff know them (the username when the account has none).'),
    since: z.string().describe('ISO 8601: when this holder claimed the order.'),
    active_at: z.string().describe('ISO 8601: the last activity the server saw from the holder (a claim renews it).'),
    taken_over_from: z.string().nullable().optional().describe('Username of the previous holder when a manager or admin took the order over.'),
    reason: z.string().nullable().optional().describe('The manager\'s or admin\'s reason for a take-over.'),
  })
  .meta({ id: 'AssignedTo', description: 'Who works the order now (desk assignment).' });
export type AssignedTo = z.infer<typeof assignedToSchema>;

export const assignmentExpiredSchema = z
  .object({
    username: z.string(),
    name: z.string(),
    since: z.string(),
    expired_at: z.string().describe('ISO 8601, on the server\'s clock.'),
  })
  .meta({ id: 'AssignmentExpired', description: 'The last claim on the order, ended by the server after the business days without activity it allows.' });
export type AssignmentExpired = z.infer<typeof assignmentExpiredSchema>;

export const takeOverRequestSchema = z
  .object({
    reason: z.string().trim().min(3).max(500).describe('Why the order changes hands (at least 3 characters).'),
    username: z.string().min(1).max(150).optional().describe('Who gets the order; default the signed-in manager or admin.'),
  })
  .strict()
  .meta({ id: 'AssignmentTakeOverRequest' });
export type TakeOverRequest = z.infer<typeof takeOverRequestSchema>;

export const assignmentResponseSchema = z
  .object({
    order_type: z.string(),
    order_id: z.number().int(),
    order_number: z.string(),
    assigned_to: assignedToSchema.nullable(),
    /** Release: whether the caller's claim ended (false: the caller held none). */
    released: z.boolean().optional(),
    previous: assignedToSchema.nullable().optional().describe('Take-over: who held it before (null: nobody).'),
  })
  .meta({ id: 'AssignmentResponse' });
export type AssignmentResponse = z.infer<typeof assignmentResponseSchema>;

export const ASSIGNMENT_HELD_CODE = 'assignment_held';

export const assignmentHeldBodySchema = z
  .object({ detail: z.string(), code: z.literal(ASSIGNMENT_HELD_CODE), assigned_to: assignedToSchema })
  .meta({ id: 'AssignmentHeld', description: 'Someone else holds the order: detail is the sentence staff see ("Being worked by NAME since DATE.").' });
