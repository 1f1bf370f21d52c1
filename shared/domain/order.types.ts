/**
 * The order as ClaimDesk keeps it in its cache and shows it to staff. Shapes are zod schemas because they
 * cross the IPC boundary; the API shape (snake_case, as the server sends it) lives in shared/api.
 */
import { z } from 'zod';
import { claimantInfoSchema, orderTypeSchema } from '../api/geodb.schemas';
import { paymentStateSchema, workflowStateSchema } from '../workflow/workflow.types';
import { DASHBOARD_FOCUSES } from '../workflow/workflow-focus';

export const orderKeySchema = z.object({ orderType: orderTypeSchema, id: z.number().int().positive() });
export type OrderKey = z.infer<typeof orderKeySchema>;

/** A problem blocks fulfilment; a warning was repaired or only looks suspicious. */
export const orderIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  claim: z.string().optional(),
});
export type OrderIssue = z.infer<typeof orderIssueSchema>;

export const orderDeliverySchema = z.object({
  at: z.string(),
  /** The server's claim package the documents were linked to, and its number (null: the answer did not say). */
  packageId: z.number().int().nullable(),
  packageNumber: z.string().nullable(),
});
export type OrderDelivery = z.infer<typeof orderDeliverySchema>;

export const orderSummarySchema = z.object({
  orderType: orderTypeSchema,
  id: z.number().int(),
  orderNumber: z.string(),
  status: z.string(),
  createdAt: z.string(),
  customerEmail: z.string(),
  companyName: z.string(),
  projectName: z.string(),
  claimCount: z.number().int(),
  polygonCount: z.number().int(),
  expedited: z.boolean(),
  stakingService: z.boolean(),
  claimPackageId: z.number().int().nullable(),
  hasClaimant: z.boolean(),
  problemCount: z.number().int(),
  warningCount: z.number().int(),
  /** Claims over the legal limits as drawn (shared/claims/drawn-limits.ts): fulfil with a grid laid out instead. */
  drawnOverLimits: z.number().int(),
  /** The server no longer lists the order: fulfilled elsewhere or cancelled. Kept, never deleted. */
  gone: z.boolean(),
  /** Kept apart from fulfilment; derived at sync (shared/workflow/payment-state.ts). */
  paymentState: paymentStateSchema,
  /** The order's job, if pulled, and where its workflow stands. */
  jobId: z.number().int().nullable(),
  workflowState: workflowStateSchema.nullable(),
  /** Claims in uploads the server accepted for this order's job. */
  claimsDelivered: z.number().int(),
  /** The latest upload the server accepted for this order (the delivery rows), with the package it went to. */
  lastDelivery: orderDeliverySchema.nullable(),
  /** The order's job names a claimant (entered or confirmed there), whatever the order itself carried. */
  jobHasClaimant: z.boolean(),
  /** Order date + the service level (settings); null when the order date is unreadable. */
  targetDate: z.string().nullable(),
  /** Calendar days to the target (negative: late); null once complete or without a target. */
  daysRemaining: z.number().int().nullable(),
  overdue: z.boolean(),
  /** Other orders flagged as possible duplicate purchases of this one. */
  duplicateCount: z.number().int(),
  /** Who works the order, as the server said at the last sync or answer (desk assignment); null: nobody, or not known. */
  assignedTo: z.object({ username: z.string(), name: z.string(), since: z.string() }).nullable(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderClaimSchema = z.object({
  name: z.string(),
  geometryType: z.enum(['Polygon', 'MultiPolygon']),
  areaAcres: z.number(),
});
export type OrderClaim = z.infer<typeof orderClaimSchema>;

/** Another order whose claims cover much of the same ground : shown on both. */
export const duplicateFlagSchema = z.object({
  other: orderKeySchema,
  otherOrderNumber: z.string(),
  /** Shared area ÷ the smaller order's claim area, 0–1. */
  share: z.number(),
  overlapAcres: z.number(),
  /** Overlapping claims by name: this order's first. */
  claims: z.array(z.object({ mine: z.string(), theirs: z.string() })),
});
export type DuplicateFlag = z.infer<typeof duplicateFlagSchema>;

export const orderDetailSchema = orderSummarySchema.extend({
  /** Why the payment state is what it is (the server's payment field, the order status, or kept from before). */
  paymentDetail: z.string(),
  /** The other orders flagged as possible duplicate purchases of this one, with the overlapping claims. */
  duplicates: z.array(duplicateFlagSchema),
  projectId: z.number().int().nullable(),
  claimantInfo: claimantInfoSchema.nullable(),
  claims: z.array(orderClaimSchema),
  problems: z.array(orderIssueSchema),
  warnings: z.array(orderIssueSchema),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  goneAt: z.string().nullable(),
  /**
   * Whether the server this desk is bound to keeps desk claims: false once it answered that it has none (a GeoDB
   * server without assignment), so nothing is offered to claim.
   */
  deskAssignment: z.boolean(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const ORDER_SORT_COLUMNS = [
  'createdAt',
  'orderNumber',
  'orderType',
  'status',
  'customerEmail',
  'companyName',
  'projectName',
  'claimCount',
  'problemCount',
  'targetDate',
] as const;
export const orderSortColumnSchema = z.enum(ORDER_SORT_COLUMNS);
export type OrderSortColumn = z.infer<typeof orderSortColumnSchema>;

export const orderQuerySchema = z.object({
  /** Matches order number, customer e-mail, company and project, case-insensitively. */
  search: z.string().max(200).optional(),
  orderTypes: z.array(orderTypeSchema).optional(),
  statuses: z.array(z.string().max(64)).max(50).optional(),
  expedited: z.boolean().optional(),
  stakingService: z.boolean().optional(),
  hasProblems: z.boolean().optional(),
  /** Staking-service orders on the crew board that await a crew (for a crew member: inside their coverage). */
  awaitingCrew: z.boolean().optional(),
  includeGone: z.boolean().optional(),
  /** A dashboard count's click-through: exactly the orders that count counted. */
  focus: z.enum(DASHBOARD_FOCUSES).optional(),
  sort: z
    .object({ column: orderSortColumnSchema, direction: z.enum(['asc', 'desc']) })
    .optional(),
  limit: z.number().int().positive().max(50_000).optional(),
  offset: z.number().int().nonnegative().optional(),
});
export type OrderQuery = z.infer<typeof orderQuerySchema>;

export const orderQueryResultSchema = z.object({
  orders: z.array(orderSummarySchema),
  /** Orders matching the query (before limit/offset). */
  total: z.number().int(),
  /** Every order in the cache, gone ones included. */
  totalCached: z.number().int(),
  /** Distinct statuses in the cache, for the status filter. */
  statuses: z.array(z.string()),
});
export type OrderQueryResult = z.infer<typeof orderQueryResultSchema>;

/** How staff know the two order types (the QGIS plugin's labels, kept so nobody has to relearn them). */
export const ORDER_TYPE_LABELS = { claim_purchase: 'BLM Map', claim_order: 'QPlugin' } as const;

/** "claim_order:7": an order's identity as one string (map keys, React keys, dedupe keys). */
export function orderKeyString(key: OrderKey): string {
  return `${key.orderType}:${key.id}`;
}

/** The inverse of orderKeyString, for strings it made (not user input: the CLI parses TYPE:ID with its own checks). */
export function orderKeyFromString(text: string): OrderKey {
  const [orderType, id] = text.split(':');
  return { orderType: orderTypeSchema.parse(orderType), id: Number(id) };
}

/** The key of a cached order row. */
export function orderKeyOfRow(row: { order_type: OrderKey['orderType']; id: number }): OrderKey {
  return { orderType: row.order_type, id: row.id };
}

/** The key of the order a job (or another row naming its order by order_type and order_id) belongs to. */
export function orderKeyOfJobRow(row: { order_type: OrderKey['orderType']; order_id: number }): OrderKey {
  return { orderType: row.order_type, id: row.order_id };
}
