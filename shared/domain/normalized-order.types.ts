/**
 * An order from the server after it has been checked on its own: the fields the cache stores, the claims
 * that could be parsed, and what is wrong with it. Produced by shared/domain/normalize-order.ts.
 */
import type { ClaimantInfo, OrderType } from '../api/geodb.schemas';
import type { ClaimGeometry } from '../geometry/geojson.types';
import type { OrderIssue } from './order.types';

export interface NormalizedClaim {
  /** From properties.name / claim_name / the claims list; otherwise "Claim <n>" (and a warning). */
  name: string;
  /** Repaired where harmless: Z dropped, rings closed. Only claims without problems carry a geometry. */
  geometry: ClaimGeometry;
  /** Geodesic (spherical, turf) area in acres. */
  areaAcres: number;
}

export interface NormalizedOrder {
  orderType: OrderType;
  id: number;
  orderNumber: string;
  status: string;
  createdAt: string;
  customerEmail: string;
  companyName: string;
  projectId: number | null;
  projectName: string;
  claimCount: number;
  claimantInfo: ClaimantInfo | null;
  claimPackageId: number | null;
  stakingService: boolean;
  expedited: boolean;
  /** Claims whose geometry can be fulfilled. */
  claims: NormalizedClaim[];
  /** How many claim polygons were found in claim_polygons, usable or not. */
  polygonCount: number;
  problems: OrderIssue[];
  warnings: OrderIssue[];
}

export type NormalizeOrderResult =
  | { ok: true; order: NormalizedOrder }
  /** Only when the entry has no usable identity (order_type + id): it cannot be stored at all. */
  | { ok: false; reason: string };
