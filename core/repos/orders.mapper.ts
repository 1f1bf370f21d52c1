/** Row ↔ domain mapping for the order cache. */
import type { NormalizedClaim, NormalizedOrder } from '../../shared/domain/normalized-order.types';
import type { DuplicateFlag, OrderClaim, OrderDetail, OrderIssue, OrderSummary } from '../../shared/domain/order.types';
import { claimantInfoSchema } from '../../shared/api/geodb.schemas';
import type { OrderPayloadsTable, OrdersTable } from '../db/schema';
import { isClosedOrderStatus } from '../../shared/domain/order-status';
import { isCalendarDate } from '../../shared/domain/calendar-date';
import { daysBetween } from '../../shared/workflow/due-dates';
import { targetDateOf } from '../../shared/workflow/order-progress';
import { paymentState, storedPaymentDetail } from '../../shared/workflow/payment-state';
import type { ServiceLevels } from '../../shared/workflow/workflow-settings';
import { isDeliveredState, isWorkflowState, type PaymentState } from '../../shared/workflow/workflow.types';
import { DRAWN_OVER_LIMITS_CODE } from '../../shared/claims/drawn-limits-code';
import { parseStoredHolder, type OrderAssignment } from '../../shared/assignment/read-assignment';

export interface OrderWrite {
  order: NormalizedOrder;
  rawJson: string;
  payloadHash: string;
  /** The server's own payment field when it sends one (payment is kept apart from fulfilment). */
  paymentStatus: string | null;
  /** Who works the order, when the server says (desk assignment; our extension of the pending list). */
  assignment: OrderAssignment;
  /** The payment state derived last time, for statuses that say nothing about payment (payment-state.ts). */
  lastKnownPayment: PaymentState | null;
}

export function toOrderRow(write: OrderWrite, now: string, levels: ServiceLevels): OrdersTable {
  const { order } = write;
  const payment = paymentState({ orderType: order.orderType, status: order.status, paymentStatus: write.paymentStatus, lastKnown: write.lastKnownPayment });
  return {
    order_type: order.orderType,
    id: order.id,
    order_number: order.orderNumber,
    status: order.status,
    created_at: order.createdAt,
    customer_email: order.customerEmail,
    company_name: order.companyName,
    project_id: order.projectId,
    project_name: order.projectName,
    claim_count: order.claimCount,
    polygon_count: order.polygonCount,
    claimant_info_json: order.claimantInfo ? JSON.stringify(order.claimantInfo) : null,
    claim_package_id: order.claimPackageId,
    staking_service: order.stakingService ? 1 : 0,
    expedited_delivery: order.expedited ? 1 : 0,
    problems_json: JSON.stringify(order.problems),
    warnings_json: JSON.stringify(order.warnings),
    // The queue's problem count (and "Has problems", on its index) includes claims over the legal limits as drawn,
    // which are kept among the warnings as their own class (shared/claims/drawn-limits.ts).
    problem_count: order.problems.length + order.warnings.filter((issue) => issue.code === DRAWN_OVER_LIMITS_CODE).length,
    warning_count: order.warnings.length,
    search_text: [order.orderNumber, order.customerEmail, order.companyName, order.projectName].join('\u001f').toLowerCase(),
    payload_hash: write.payloadHash,
    first_seen_at: now, // kept on conflict: see upsertOrders
    updated_at: now,
    gone_at: null,
    payment_status: write.paymentStatus,
    payment_state: payment.state,
    target_date: targetDateOf({ createdAt: order.createdAt, expedited: order.expedited }, levels),
    assigned_to_json: write.assignment.holder ? JSON.stringify(write.assignment.holder) : null,
    assignment_expired_json: write.assignment.expired ? JSON.stringify(write.assignment.expired) : null,
  };
}

export function toPayloadRow(write: OrderWrite): OrderPayloadsTable {
  return {
    order_type: write.order.orderType,
    id: write.order.id,
    raw_json: write.rawJson,
    claims_json: JSON.stringify(write.order.claims),
  };
}

export type SummaryRow = Pick<
  OrdersTable,
  | 'order_type'
  | 'id'
  | 'order_number'
  | 'status'
  | 'created_at'
  | 'customer_email'
  | 'company_name'
  | 'project_name'
  | 'claim_count'
  | 'polygon_count'
  | 'expedited_delivery'
  | 'staking_service'
  | 'claim_package_id'
  | 'problem_count'
  | 'warning_count'
  | 'gone_at'
  | 'target_date'
  | 'assigned_to_json'
> & { has_claimant: number; payment_state: PaymentState } & OrderRowExtras;

/** Columns the queue computes from the order's job and the duplicate flags (orders.repo summarySelect). */
export interface OrderRowExtras {
  job_id: number | null;
  workflow_state: string | null;
  claims_delivered: number;
  delivered_at: string | null;
  delivered_package_id: number | null;
  delivered_package_number: string | null;
  job_has_claimant: number | null;
  drawn_over_limits: number;
  duplicate_count: number;
}

export const SUMMARY_COLUMNS = [
  'order_type',
  'id',
  'order_number',
  'status',
  'created_at',
  'customer_email',
  'company_name',
  'project_name',
  'claim_count',
  'polygon_count',
  'expedited_delivery',
  'staking_service',
  'claim_package_id',
  'problem_count',
  'warning_count',
  'gone_at',
  'payment_state',
  'target_date',
  'assigned_to_json',
] as const satisfies readonly (keyof OrdersTable)[];

export function toSummary(row: SummaryRow, today: string): OrderSummary {
  // Most orders have no job (null): a failed zod parse builds an error object, which for a page of 200 such rows
  // cost milliseconds, more than the page's SQL. A known state is a plain set lookup.
  const workflowState = isWorkflowState(row.workflow_state) ? row.workflow_state : null;
  const finished = isDeliveredState(workflowState) || workflowState === 'cancelled' || isClosedOrderStatus(row.status);
  const daysRemaining = row.target_date !== null && !finished && isCalendarDate(row.target_date) ? daysBetween(today, row.target_date) : null;
  return {
    orderType: row.order_type,
    id: row.id,
    orderNumber: row.order_number,
    status: row.status,
    createdAt: row.created_at,
    customerEmail: row.customer_email,
    companyName: row.company_name,
    projectName: row.project_name,
    claimCount: row.claim_count,
    polygonCount: row.polygon_count,
    expedited: row.expedited_delivery === 1,
    stakingService: row.staking_service === 1,
    claimPackageId: row.claim_package_id,
    hasClaimant: row.has_claimant === 1,
    // The drawn claims' legal limits are in both stored counts but shown as their own class.
    problemCount: row.problem_count - Number(row.drawn_over_limits),
    warningCount: row.warning_count - Number(row.drawn_over_limits),
    drawnOverLimits: Number(row.drawn_over_limits),
    gone: row.gone_at !== null,
    paymentState: row.payment_state,
    jobId: row.job_id,
    workflowState,
    claimsDelivered: Number(row.claims_delivered),
    lastDelivery:
      row.delivered_at === null ? null : { at: row.delivered_at, packageId: row.delivered_package_id, packageNumber: row.delivered_package_number },
    jobHasClaimant: row.job_has_claimant === 1,
    targetDate: row.target_date,
    daysRemaining,
    overdue: daysRemaining !== null && daysRemaining < 0 && row.gone_at === null,
    duplicateCount: Number(row.duplicate_count),
    assignedTo: holderSummary(row.assigned_to_json),
  };
}

function holderSummary(json: string | null): OrderSummary['assignedTo'] {
  const holder = parseStoredHolder(json);
  return holder ? { username: holder.username, name: holder.name, since: holder.since } : null;
}


export function toDetail(
  row: OrdersTable,
  payload: OrderPayloadsTable | undefined,
  lastSuccessAt: string | null,
  summary: OrderSummary,
  duplicates: DuplicateFlag[],
  deskAssignment: boolean,
): OrderDetail {
  const claims = payload ? (JSON.parse(payload.claims_json) as NormalizedClaim[]) : [];
  const claimant = row.claimant_info_json ? claimantInfoSchema.safeParse(JSON.parse(row.claimant_info_json)) : null;
  return {
    ...summary,
    paymentDetail: storedPaymentDetail({ orderType: row.order_type, status: row.status, paymentStatus: row.payment_status }, row.payment_state),
    duplicates,
    projectId: row.project_id,
    claimantInfo: claimant?.success ? claimant.data : null,
    claims: claims.map(
      (claim): OrderClaim => ({ name: claim.name, geometryType: claim.geometry.type, areaAcres: claim.areaAcres }),
    ),
    problems: JSON.parse(row.problems_json) as OrderIssue[],
    warnings: JSON.parse(row.warnings_json) as OrderIssue[],
    firstSeenAt: row.first_seen_at,
    // A listed order was seen by the last successful sync; a gone one was last seen before it went.
    lastSeenAt: row.gone_at ?? lastSuccessAt ?? row.updated_at,
    goneAt: row.gone_at,
    deskAssignment,
  };
}
