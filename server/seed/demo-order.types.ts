/** How a demo order is described before its geometry is built. */
import type { ClaimantInfo, OrderType } from '../../shared/api/geodb.schemas';
import type { LodeGridOptions } from './claim-grid';

/** The claim_polygons shapes real GeoDB rows hold (see ClaimPolygons in the contract). */
export type PolygonShape =
  | 'feature-collection'
  | 'feature-polygon'
  | 'feature-multipolygon'
  | 'feature-list'
  | 'claims-list'
  | 'json-string';

/**
 * Deliberate, realistic defects so the demo exercises the app's problem reporting. All but 'oversize' break the
 * order at sync time; 'oversize' claims are valid geometry drawn beyond the legal size (the site's lengthFt /
 * widthFt), which only the layout validation rejects.
 */
export type DemoFlaw = 'linestring' | 'bow-tie' | 'utm-coordinates' | '3d-unclosed' | 'count-mismatch' | 'oversize';

/** Where and how a demo order's claim block is laid out: the grid builder's own options. */
export type DemoSite = Pick<LodeGridOptions, 'lon' | 'lat' | 'rows' | 'cols' | 'azimuthDeg' | 'prefix' | 'lengthFt' | 'widthFt'>;

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
