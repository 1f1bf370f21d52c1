/**
 * Field crews for staking-service orders: our extension of the GeoDB contract (the order-fulfilment contract has
 * no crews). A crew member registers interest in an order awaiting a crew (a proposed cost in integer cents, the
 * earliest day they can stake, a note) or withdraws it; a manager or admin assigns one interest, and the server
 * rejects the competing ones with the manager's reason; an interest nobody decided on expires after the server's
 * configured time. Coverage (states, optionally counties) says which orders a crew member is shown.
 * The reference server answers with these shapes (docs/openapi.json); ClaimDesk reads them through
 * shared/crews/crew-readers.ts, tolerantly, and a server without these paths (404) leaves crews unsupported.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { orderTypeSchema } from './geodb.schemas';

export const CREW_INTEREST_STATUSES = ['active', 'withdrawn', 'assigned', 'rejected', 'expired'] as const;
export const crewInterestStatusSchema = z.enum(CREW_INTEREST_STATUSES).meta({ id: 'CrewInterestStatus' });
export type CrewInterestStatus = z.infer<typeof crewInterestStatusSchema>;

const day = z.string().refine(isCalendarDate, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
const stateCode = z.string().regex(/^[A-Z]{2}$/, 'A two-letter US state code, e.g. "NV".');

/** Largest proposed cost: ten million dollars, in cents (a typo guard, not a business limit). */
export const MAX_CREW_COST_CENTS = 1_000_000_000;

export const crewInterestRequestSchema = z
  .object({
    proposed_cost_cents: z.number().int().min(0).max(MAX_CREW_COST_CENTS).describe('What the crew asks to stake the order, in US cents.'),
    earliest_date: day.describe('YYYY-MM-DD: the first day the crew can be on the ground.'),
    note: z.string().trim().max(1000).default(''),
  })
  .strict()
  .meta({ id: 'CrewInterestRequest' });
export type CrewInterestRequest = z.infer<typeof crewInterestRequestSchema>;

export const crewAssignRequestSchema = z
  .object({
    crew: z.string().trim().min(1).max(150).describe('The username of the crew member whose active interest is assigned.'),
    reason: z.string().trim().min(3).max(500).describe('Why this crew: recorded with the assignment and given to the crews whose interests are rejected.'),
  })
  .strict()
  .meta({ id: 'CrewAssignRequest' });
export type CrewAssignRequest = z.infer<typeof crewAssignRequestSchema>;

export const crewInterestSchema = z
  .object({
    id: z.number().int(),
    order_type: orderTypeSchema,
    order_id: z.number().int(),
    order_number: z.string(),
    crew: z.string().describe('The crew member\'s username.'),
    crew_name: z.string().describe('First and last name, or the username when the account has none.'),
    status: crewInterestStatusSchema,
    proposed_cost_cents: z.number().int(),
    earliest_date: z.string(),
    note: z.string(),
    reason: z.string().nullable().describe('Why it was assigned, rejected or expired (null while active or withdrawn).'),
    created_at: z.string(),
    updated_at: z.string(),
    expires_at: z.string().describe('When an active interest expires unless a manager decides on it first.'),
    decided_by: z.string().nullable(),
  })
  .meta({ id: 'CrewInterest' });
export type CrewInterest = z.infer<typeof crewInterestSchema>;

export const crewCoverageAreaSchema = z
  .object({ state: stateCode, county: z.string().trim().min(1).max(100).nullable().describe('null: the whole state.') })
  .strict()
  .meta({ id: 'CrewCoverageArea' });
export type CrewCoverageArea = z.infer<typeof crewCoverageAreaSchema>;

export const crewCoverageSchema = z
  .object({ crew: z.string(), areas: z.array(crewCoverageAreaSchema) })
  .meta({ id: 'CrewCoverage' });
export type CrewCoverage = z.infer<typeof crewCoverageSchema>;

export const crewCoverageRequestSchema = z
  .object({ areas: z.array(crewCoverageAreaSchema).max(200) })
  .strict()
  .meta({ id: 'CrewCoverageRequest' });

/** One staking-service order as the crew board lists it. */
export const crewBoardOrderSchema = z
  .object({
    order_type: orderTypeSchema,
    id: z.number().int(),
    order_number: z.string(),
    state: z.string().nullable().describe('Where the claims lie (from their polygons); null when unknown.'),
    county: z.string().nullable(),
    crew_status: z.enum(['awaiting_crew', 'crew_assigned']),
    assigned_crew: z.string().nullable(),
    in_coverage: z.boolean().describe('Inside the signed-in crew member\'s coverage (always true for staff).'),
  })
  .meta({ id: 'CrewBoardOrder' });
export type CrewBoardOrder = z.infer<typeof crewBoardOrderSchema>;

/**
 * Everything one desk needs about crews, in one answer: a crew member gets the pending staking-service orders in
 * their coverage that await a crew, the orders they have an interest in, and their own interests; staff get every
 * pending staking-service order and every interest.
 */
export const crewBoardSchema = z
  .object({
    coverage: z.array(crewCoverageAreaSchema).nullable().describe('The signed-in crew member\'s coverage; null for staff.'),
    interest_ttl_hours: z.number().describe('How long an interest stays active without a decision.'),
    orders: z.array(crewBoardOrderSchema),
    interests: z.array(crewInterestSchema),
  })
  .meta({ id: 'CrewBoard' });
export type CrewBoard = z.infer<typeof crewBoardSchema>;

export const CREW_PATHS = {
  board: '/api/v2/claims/crews/board/',
  myCoverage: '/api/v2/claims/crews/coverage/',
  coverage: '/api/v2/claims/crews/{username}/coverage/',
  interests: '/api/v2/claims/staff/orders/{order_type}/{id}/crew-interests/',
  withdraw: '/api/v2/claims/staff/orders/{order_type}/{id}/crew-interests/withdraw/',
  assign: '/api/v2/claims/staff/orders/{order_type}/{id}/crew-assignment/',
} as const;

export function crewOrderPath(template: 'interests' | 'withdraw' | 'assign', orderType: string, id: number): string {
  return CREW_PATHS[template].replace('{order_type}', orderType).replace('{id}', String(id));
}

export function crewCoveragePath(username: string): string {
  return CREW_PATHS.coverage.replace('{username}', encodeURIComponent(username));
}

export const crewInterestListSchema = z.object({ results: z.array(crewInterestSchema) }).meta({ id: 'CrewInterestList' });
