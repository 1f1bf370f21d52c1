/**
 * A crew decision on its way to the server through the outbox (kind 'crew'): a crew member's interest or its
 * withdrawal, or a manager's assignment. Sent under the account that made it, like every entry.
 */
import { z } from 'zod';
import { orderTypeSchema } from '../api/geodb.schemas';
import { formatUsd } from '../documents/fees/fees';

const order = { orderType: orderTypeSchema, orderId: z.number().int(), orderNumber: z.string() };

export const crewPayloadSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('interest'), ...order, proposedCostCents: z.number().int().nonnegative(), earliestDate: z.string(), note: z.string() }),
  z.object({ action: z.literal('withdraw'), ...order }),
  z.object({ action: z.literal('assign'), ...order, crew: z.string(), crewName: z.string(), reason: z.string() }),
]);
export type CrewPayload = z.infer<typeof crewPayloadSchema>;

/** "Crew interest: $2,400.00, from 2026-12-01" and the like, for the outbox list and the crew panel. */
export function crewSummary(payload: CrewPayload): string {
  switch (payload.action) {
    case 'interest':
      return `Crew interest: ${formatUsd(payload.proposedCostCents)}, on the ground from ${payload.earliestDate}`;
    case 'withdraw':
      return 'Crew interest withdrawn';
    case 'assign':
      return `Crew assigned: ${payload.crewName} — ${payload.reason}`;
  }
}

/** How the outbox and its notifications name a crew entry. */
export function crewLabel(payload: CrewPayload | null): string {
  if (payload === null) return 'The crew decision';
  return payload.action === 'assign' ? 'The crew assignment' : payload.action === 'withdraw' ? 'The interest withdrawal' : 'The crew interest';
}
