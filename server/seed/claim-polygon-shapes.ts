/**
 * Wraps built claims in the claim_polygons shapes real GeoDB rows hold, and applies the deliberate defects
 * the demo uses to show the app's problem reporting.
 */
import type { PendingOrder } from '../../shared/api/geodb.schemas';
import { nad83UtmEpsg, utmConverter, zoneForLongitude } from '../../shared/geo/utm';
import type { LodeClaimFeature } from './claim-grid';
import type { DemoFlaw, PolygonShape } from './demo-order.types';

type ClaimPolygons = PendingOrder['claim_polygons'];
type Position = number[];

interface LooseFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function renameKey(feature: LooseFeature, nameKey: string): LooseFeature {
  const { name, ...rest } = feature.properties;
  return { ...feature, properties: { [nameKey]: name, ...rest } };
}

function featureName(feature: LooseFeature): string {
  const name = feature.properties['name'];
  return typeof name === 'string' ? name : '';
}

export function shapeClaimPolygons(
  features: LooseFeature[],
  shape: PolygonShape,
  options: { nameKey?: 'name' | 'claim_name'; blockName: string },
): ClaimPolygons {
  const named = features.map((f) => renameKey(f, options.nameKey ?? 'name'));
  switch (shape) {
    case 'feature-collection':
      return { type: 'FeatureCollection', features: named };
    case 'feature-list':
      return named;
    case 'json-string':
      return JSON.stringify({ type: 'FeatureCollection', features: named });
    case 'claims-list':
      return { claims: features.map((f) => ({ name: featureName(f), geometry: f.geometry })) };
    case 'feature-polygon': {
      const first = named[0];
      if (first === undefined || named.length !== 1) throw new RangeError('feature-polygon needs exactly one claim');
      return first;
    }
    case 'feature-multipolygon':
      return {
        type: 'Feature',
        properties: { name: options.blockName },
        geometry: { type: 'MultiPolygon', coordinates: features.map((f) => f.geometry.coordinates) },
      };
  }
}

function mapRings(feature: LooseFeature, fn: (ring: Position[], index: number) => Position[]): LooseFeature {
  const rings = feature.geometry.coordinates as Position[][];
  return { ...feature, geometry: { ...feature.geometry, coordinates: rings.map(fn) } };
}

function swapCorners(ring: Position[]): Position[] {
  const [a, b, c, d, e] = ring;
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined) return ring;
  return [a, b, d, c, e]; // crossing edges b→d and c→a: a bow-tie
}

function midpoint(a: Position | undefined, b: Position | undefined): Position {
  return [((a?.[0] ?? 0) + (b?.[0] ?? 0)) / 2, ((a?.[1] ?? 0) + (b?.[1] ?? 0)) / 2];
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Returns the features to ship and the claim_count the order claims to have. */
export function applyFlaw(claims: LodeClaimFeature[], flaw: DemoFlaw | undefined): { features: LooseFeature[]; claimCount: number } {
  const features: LooseFeature[] = claims.map((c) => ({ ...c, properties: { ...c.properties } }));
  const claimCount = claims.length;
  switch (flaw) {
    case undefined:
      return { features, claimCount };
    case 'linestring': {
      // The customer traced the vein instead of drawing claims: one centerline for the whole block.
      const first = claims[0]?.geometry.coordinates[0];
      const last = claims[claims.length - 1]?.geometry.coordinates[0];
      const line = [midpoint(first?.[0], first?.[1]), midpoint(last?.[2], last?.[3])];
      const name = `${claims[0]?.properties.name ?? 'Claim'} vein trace`;
      return { features: [{ type: 'Feature', properties: { name }, geometry: { type: 'LineString', coordinates: line } }], claimCount };
    }
    case 'bow-tie':
      return { features: features.map((f, i) => (i === 1 ? mapRings(f, swapCorners) : f)), claimCount };
    case 'utm-coordinates': {
      // A customer's GIS exported projected metres into the lon/lat fields.
      const converter = utmConverter(nad83UtmEpsg(zoneForLongitude(claims[0]?.geometry.coordinates[0]?.[0]?.[0] ?? -117)));
      const toUtm = (p: Position): Position => converter.toUtm([p[0] ?? 0, p[1] ?? 0]).map((v) => round(v, 2));
      return { features: features.map((f) => mapRings(f, (ring) => ring.map(toUtm))), claimCount };
    }
    case '3d-unclosed': {
      // GPS-derived rings: elevations attached and the closing position left off (harmless, fixable).
      const withZ = (ring: Position[], k: number): Position[] =>
        ring.slice(0, -1).map((p, i) => [p[0] ?? 0, p[1] ?? 0, round(1412.6 + 3.7 * i + 11.2 * k, 1)]);
      return { features: features.map((f, k) => mapRings(f, (ring) => withZ(ring, k))), claimCount };
    }
    case 'oversize':
      // Already drawn too big (the site's lengthFt / widthFt): the features ship as built.
      return { features, claimCount };
    case 'count-mismatch':
      // The order was priced for two more claims than were drawn.
      return { features, claimCount: claimCount + 2 };
  }
}
