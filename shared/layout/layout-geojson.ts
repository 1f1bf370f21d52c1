/**
 * Bridges between the layout (UTM metres) and lon/lat GeoJSON: the map draws the claims from
 * layoutToFeatureCollection, and fit-to-area / validation read the order's polygons through ringsFromOrderClaims.
 */
import { utmConverter, type Utm } from '../geo/utm';
import type { PolygonGeometry, Position } from '../geometry/geojson.types';
import type { JobOrderContext } from '../jobs/job.types';
import type { ClaimKind, LayoutClaim } from './layout.types';
import { outerRingsLonLat, ringToUtm } from './order-claims';

export interface LayoutFeature {
  type: 'Feature';
  /** The claim id, also as a top-level feature id so map libraries can key feature state on it. */
  id: string;
  properties: { id: string; name: string; kind: ClaimKind; source: LayoutClaim['source'] };
  geometry: PolygonGeometry;
}

export interface LayoutFeatureCollection {
  type: 'FeatureCollection';
  features: LayoutFeature[];
}

/**
 * Claims as closed lon/lat Polygons. The ring is counter-clockwise as RFC 7946 asks: the claim's corners in
 * reverse (corners[0], corners[n-1], …, corners[0]), so vertex order differs from LayoutClaim.corners.
 */
export function layoutToFeatureCollection(claims: readonly LayoutClaim[], epsg: number): LayoutFeatureCollection {
  const { toLonLat } = utmConverter(epsg);
  return {
    type: 'FeatureCollection',
    features: claims.map((claim) => {
      const first = claim.corners[0];
      const rest = claim.corners.slice(1).reverse();
      const ring: Position[] = first ? [first, ...rest, first].map((p) => toLonLat(p)) : [];
      return {
        type: 'Feature',
        id: claim.id,
        properties: { id: claim.id, name: claim.name, kind: claim.kind, source: claim.source },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }),
  };
}

/** Every polygon part's outer ring in UTM: open (no closing vertex) and clockwise, like LayoutClaim.corners. */
export function ringsFromOrderClaims(orderClaims: JobOrderContext['orderClaims'], epsg: number): Utm[][] {
  return orderClaims.flatMap((claim) => outerRingsLonLat(claim.geometry).map((ring) => ringToUtm(ring, epsg)));
}
