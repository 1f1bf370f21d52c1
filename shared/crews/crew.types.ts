/**
 * Field crews as the desk shows them (IPC shapes): the crew view of one staking-service order (its crew status,
 * who is assigned, the interests this desk may see, what the signed-in person may do) and the commands a person
 * sends. The server's shapes are in shared/api/crews.schemas.ts; the rules of the crew track in
 * shared/workflow/crew.table.ts.
 */
import { z } from 'zod';
import { crewCoverageAreaSchema, crewInterestStatusSchema, MAX_CREW_COST_CENTS } from '../api/crews.schemas';
import { isCalendarDate } from '../domain/calendar-date';
import { orderKeySchema } from '../domain/order.types';

export const crewStateSchema = z.enum(['awaiting_crew', 'crew_assigned']);
export type CrewState = z.infer<typeof crewStateSchema>;

export const CREW_STATE_LABELS: Readonly<Record<CrewState, string>> = { awaiting_crew: 'Awaiting crew', crew_assigned: 'Crew assigned' };

export const crewInterestViewSchema = z.object({
  serverId: z.number().int(),
  crew: z.string(),
  crewName: z.string(),
  status: crewInterestStatusSchema,
  proposedCostCents: z.number().int(),
  earliestDate: z.string(),
  note: z.string(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
});
export type CrewInterestView = z.infer<typeof crewInterestViewSchema>;

/** A crew decision made at this desk and still on its way to the server (the outbox entry). */
export const crewPendingSchema = z.object({ entryId: z.string(), summary: z.string(), state: z.string(), lastError: z.string().nullable() });

export const orderCrewSchema = z.object({
  order: orderKeySchema,
  orderNumber: z.string(),
  /** null: the order did not buy the staking service (no crew), or crews are not known for it yet. */
  crewState: crewStateSchema.nullable(),
  stakingService: z.boolean(),
  assignedCrew: z.string().nullable(),
  state: z.string().nullable(),
  county: z.string().nullable(),
  /** The signed-in crew member's coverage holds the order (true for staff). */
  inCoverage: z.boolean(),
  interests: z.array(crewInterestViewSchema),
  pending: z.array(crewPendingSchema),
  /** Who is signed in and what they may do here (each with the reason when not). */
  role: z.string().nullable(),
  canRegister: z.object({ ok: z.boolean(), why: z.string().nullable() }),
  canWithdraw: z.object({ ok: z.boolean(), why: z.string().nullable() }),
  canAssign: z.object({ ok: z.boolean(), why: z.string().nullable() }),
  /** Null while the server supports crews; otherwise the one sentence the desk shows. */
  unsupported: z.string().nullable(),
  /** When the board was last read from the server (null: never). */
  refreshedAt: z.string().nullable(),
});
export type OrderCrew = z.infer<typeof orderCrewSchema>;

export const crewInterestInputSchema = z.object({
  order: orderKeySchema,
  proposedCostCents: z.number().int().min(0).max(MAX_CREW_COST_CENTS),
  earliestDate: z.string().refine(isCalendarDate, 'Give the date as YYYY-MM-DD.'),
  note: z.string().trim().max(1000),
});
export type CrewInterestInput = z.infer<typeof crewInterestInputSchema>;

export const crewAssignInputSchema = z.object({
  order: orderKeySchema,
  crew: z.string().trim().min(1).max(150),
  reason: z.string().trim().min(3, 'Give a reason of at least 3 characters: the other crews are told it.').max(500),
});
export type CrewAssignInput = z.infer<typeof crewAssignInputSchema>;

export const crewCoverageViewSchema = z.object({ crew: z.string(), areas: z.array(crewCoverageAreaSchema) });
export type CrewCoverageView = z.infer<typeof crewCoverageViewSchema>;
