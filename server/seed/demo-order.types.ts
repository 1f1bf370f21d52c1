/** How a demo order is described before its geometry is built. */
import type { ClaimantInfo, OrderType } from '../../shared/api/geodb.schemas';

/** The claim_polygons shapes real GeoDB rows hold (see ClaimPolygons in the contract). */
export type PolygonShape =
  | 'feature-collection'
  | 'feature-polygon'
  | 'feature-multipolygon'
  | 'feature-list'
  | 'claims-list'
  | 'json-string';

/** Deliberate, realistic defects so the demo exercises the app's problem reporting. */
export type DemoFlaw = 'linestring' | 'bow-tie' | 'utm-coordinates' | '3d-unclosed' | 'count-mismatch';

export interface DemoSite {
  lon: number;
  lat: number;
  rows: number;
  cols: number;
  azimuthDeg: number;
  prefix: string;
}

export interface DemoOrderSpec {
  type: OrderType;
  id: number;
  status: string;
  createdAt: string;
  customerEmail: string;
  companyName: string;
  projectId: number;
  projectName: string;
  site: DemoSite;
  shape: PolygonShape;
  nameKey?: 'name' | 'claim_name';
  claimantInfo?: ClaimantInfo | null;
  claimPackageId?: number;
  packageStatus?: string;
  stakingService?: boolean;
  expeditedDelivery?: boolean;
  flaw?: DemoFlaw;
}
