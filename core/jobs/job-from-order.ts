/**
 * A new job for a cached order: the order's snapshot, its CRS from the polygons, its location from their
 * centroid, the claimant pre-filled. Used when staff pull an order, and by batch export for an order that has
 * no job yet (an in-memory job that is never stored).
 */
import { claimantInfoSchema } from '../../shared/api/geodb.schemas';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { priceFromOrderJson } from '../../shared/documents/order-price';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { EMPTY_JOB_DOCUMENTS, type JobCore, type JobOrderContext, type LocationLookup } from '../../shared/jobs/job.types';
import type { OrderPayloadsTable, OrdersTable } from '../db/schema';
import {
  claimantFormFromOrder,
  crsForVertices,
  defaultMonumentSettings,
  detectedLocation,
  orderVertices,
  vertexCentroid,
} from './job-defaults';

export function newJobFromOrder(
  row: OrdersTable,
  payload: OrderPayloadsTable | undefined,
  lookupLocation: (lon: number, lat: number) => LocationLookup,
  at: string,
): Omit<JobCore, 'id'> {
  const claims = payload ? (JSON.parse(payload.claims_json) as NormalizedClaim[]) : [];
  const claimant = row.claimant_info_json ? claimantInfoSchema.safeParse(JSON.parse(row.claimant_info_json)) : null;
  const order: JobOrderContext = {
    orderType: row.order_type,
    orderId: row.id,
    orderNumber: row.order_number,
    projectId: row.project_id,
    projectName: row.project_name,
    companyName: row.company_name,
    customerEmail: row.customer_email,
    claimsPurchased: row.claim_count,
    claimant: claimant?.success ? claimant.data : null,
    orderClaims: claims.map((claim) => ({ name: claim.name, geometry: claim.geometry, areaAcres: claim.areaAcres })),
    // The raw payload as the server sent it: the pending-orders contract has no price today, so usually null.
    price: payload ? priceFromOrderJson(payload.raw_json) : null,
  };
  const vertices = orderVertices(claims);
  const location = detectedLocation(vertexCentroid(vertices), lookupLocation);
  return {
    order,
    step: 'import',
    crs: crsForVertices(vertices),
    // The renderer's Import step fills the layout from order.orderClaims (shared/layout/order-claims.ts).
    layout: { claims: [], grid: null },
    monuments: defaultMonumentSettings(location.detectedState),
    location,
    claimant: claimantFormFromOrder(order.claimant),
    documents: EMPTY_JOB_DOCUMENTS,
    // A package the server already made for this order: later uploads add to it (the documents endpoint reuses the order's ClaimPackage).
    serverPackage: row.claim_package_id === null ? null : { id: row.claim_package_id, number: null },
    conflict: null,
    capacityOverride: null,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The order's claims as drawn as the job's layout: what batch export, `upload` and `validate --order` use for an
 * order without a job (an in-memory job that is never stored).
 */
export function withOrderLayout<T extends Omit<JobCore, 'id'>>(draft: T): T {
  const fallbackPrefix = draft.order.orderNumber || 'Claim';
  return { ...draft, layout: { claims: claimsFromOrder(draft.order.orderClaims, draft.crs.epsg, fallbackPrefix), grid: null } };
}
