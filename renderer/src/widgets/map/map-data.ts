/**
 * What the map draws, turned into lon/lat GeoJSON. The layout lives in the job's UTM CRS; MapLibre wants WGS84, so
 * every corner goes through the job's proj4 converter here, once per data change (not per frame).
 */
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { LayoutClaim } from '../../../../shared/layout/layout.types';
import { utmConverter, type Utm } from '../../../../shared/geo/utm';
import type { Position } from '../../../../shared/geometry/geojson.types';
import type { CornerPoint as DerivedCorner, Monument as DerivedMonument } from '../../../../shared/claims/monuments';
import type { PlssArea } from '../../../../shared/plss/plss.types';
import { claimFrame } from '../../../../shared/claims/claim-frame';

/**
 * The fields the map draws from deriveMonuments' corners and monuments; only these are required, so other steps
 * can pass their own points.
 */
export type CornerPoint = Pick<DerivedCorner, 'claimId' | 'number' | 'lonLat'>;
export type Monument = Pick<DerivedMonument, 'claimId' | 'kind' | 'label' | 'lonLat'>;

/**
 * A claim's name label: at its centre, along its long axis (`axisDeg`, clockwise from north), sized by the claim's
 * length and width in metres so the overlay can scale it with the zoom and hide it when it would not fit inside.
 */
export type ClaimLabel = { id: string; name: string; lonLat: Position; axisDeg: number; lengthM: number; widthM: number };

/** A point of the caller's own (the grid anchor, a pick preview): drawn on top, always labelled. */
export type MapMarker = { id: string; label: string; lonLat: Position };

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

function centroid(corners: Utm[]): Utm {
  const n = corners.length;
  return [corners.reduce((s, c) => s + c[0], 0) / n, corners.reduce((s, c) => s + c[1], 0) / n];
}

/**
 * Features made once per claim outline and zone, labels once per claim object (an edit makes new objects only for
 * the claims it changes): the collections below are rebuilt from them, so every unchanged claim keeps its feature
 * object and the map sends only the changed ones to its worker (source-diff.ts). A feature is keyed by the claim's
 * corners array, which a rename or renumber keeps: the map draws no names (labels are HTML, label-overlay.ts), so a
 * renamed claim is the same feature and costs the map nothing.
 */
const claimFeatures = new WeakMap<readonly Utm[], { epsg: number; id: string; kind: LayoutClaim['kind']; feature: Feature<Polygon> }>();
const claimLabelCache = new WeakMap<LayoutClaim, { epsg: number; label: ClaimLabel }>();

function claimFeature(claim: LayoutClaim, epsg: number): Feature<Polygon> {
  const known = claimFeatures.get(claim.corners);
  if (known?.epsg === epsg && known.id === claim.id && known.kind === claim.kind) return known.feature;
  const { toLonLat } = utmConverter(epsg);
  const ring = claim.corners.map((c) => toLonLat(c));
  ring.push(ring[0]!);
  const feature: Feature<Polygon> = {
    type: 'Feature',
    // `id` as a property, promoted to the feature id by the source (map-style.ts): layout ids are strings, and
    // updateData addresses features by it; `kind` picks the colour.
    properties: { id: claim.id, kind: claim.kind },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
  claimFeatures.set(claim.corners, { epsg, id: claim.id, kind: claim.kind, feature });
  return feature;
}

export function claimsToCollection(claims: LayoutClaim[], epsg: number): FeatureCollection<Polygon> {
  return { type: 'FeatureCollection', features: claims.map((claim) => claimFeature(claim, epsg)) };
}

export function claimLabels(claims: LayoutClaim[], epsg: number): ClaimLabel[] {
  return claims.map((claim) => {
    const known = claimLabelCache.get(claim);
    if (known?.epsg === epsg) return known.label;
    const { toLonLat } = utmConverter(epsg);
    const frame = claim.corners.length === 4 ? claimFrame(claim) : null;
    const shape = frame
      ? { axisDeg: frame.azimuthDeg, lengthM: frame.centerlineM, widthM: Math.hypot(frame.rightMid[0] - frame.leftMid[0], frame.rightMid[1] - frame.leftMid[1]) }
      : boxShape(claim.corners);
    const label = { id: claim.id, name: claim.name, lonLat: toLonLat(centroid(claim.corners)), ...shape };
    claimLabelCache.set(claim, { epsg, label });
    return label;
  });
}

/** A claim that is not a four-cornered lode: labelled across its bounding box, along its longer side. */
function boxShape(corners: Utm[]): { axisDeg: number; lengthM: number; widthM: number } {
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  return w >= h ? { axisDeg: 90, lengthM: w, widthM: h } : { axisDeg: 0, lengthM: h, widthM: w };
}

/** The property corner and monument features are told apart by (the sources' promoteId, map-style.ts). */
export const POINT_KEY = 'key';

const pointFeatures = new WeakMap<object, Feature<Point>>();

/** One feature per point object: the monuments derived for an unchanged claim are the same objects after an edit. */
function pointFeature(point: object, make: () => Feature<Point>): Feature<Point> {
  let feature = pointFeatures.get(point);
  if (!feature) {
    feature = make();
    pointFeatures.set(point, feature);
  }
  return feature;
}

export function cornersToCollection(corners: CornerPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: corners.map((c) =>
      pointFeature(c, () => ({
        type: 'Feature',
        properties: { [POINT_KEY]: `${c.claimId}:${c.number}`, claimId: c.claimId, number: c.number },
        geometry: { type: 'Point', coordinates: c.lonLat },
      })),
    ),
  };
}

export function monumentsToCollection(monuments: Monument[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: monuments.map((m) =>
      pointFeature(m, () => ({
        type: 'Feature',
        properties: { [POINT_KEY]: `${m.claimId}:${m.label}`, claimId: m.claimId, kind: m.kind, label: m.label },
        geometry: { type: 'Point', coordinates: m.lonLat },
      })),
    ),
  };
}

export function markersToCollection(markers: MapMarker[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: markers.map((m) => ({ type: 'Feature', properties: { id: m.id }, geometry: { type: 'Point', coordinates: m.lonLat } })),
  };
}

/** Claims shifted by a grid offset in metres: the live preview while the selection is dragged. */
export function shiftedClaims(claims: LayoutClaim[], ids: ReadonlySet<string>, dE: number, dN: number): LayoutClaim[] {
  return claims
    .filter((c) => ids.has(c.id))
    .map((c) => ({ ...c, corners: c.corners.map(([e, n]): Utm => [e + dE, n + dN]) }));
}

export type LngLatBox = [[number, number], [number, number]];

/** The bounding box of every position in the given collections, or null when there is nothing to fit. */
export function boundsOf(collections: FeatureCollection[]): LngLatBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      minX = Math.min(minX, value[0]);
      maxX = Math.max(maxX, value[0]);
      minY = Math.min(minY, value[1]);
      maxY = Math.max(maxY, value[1]);
      return;
    }
    for (const item of value) visit(item);
  };
  for (const fc of collections) {
    for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  }
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}

/** Median claim diagonal in metres: how big a claim looks at a zoom decides whether labels fit. */
export function typicalClaimSizeM(claims: LayoutClaim[]): number {
  if (claims.length === 0) return 0;
  const sample = claims.length > 200 ? claims.filter((_, i) => i % Math.ceil(claims.length / 200) === 0) : claims;
  const sizes = sample
    .map((c) => {
      const xs = c.corners.map((p) => p[0]);
      const ys = c.corners.map((p) => p[1]);
      return Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    })
    .sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)]!;
}

/** PLSS outlines (township, section, aliquot part or lot) as lines to draw under the claims. */
export function plssToCollection(area: PlssArea | null | undefined): FeatureCollection<Polygon> {
  if (!area) return EMPTY_COLLECTION as FeatureCollection<Polygon>;
  return {
    type: 'FeatureCollection',
    features: area.parts.map((part) => ({
      type: 'Feature',
      properties: { kind: part.kind === 'township' || part.kind === 'section' ? part.kind : 'aliquot' },
      geometry: { type: 'Polygon', coordinates: part.polygons[0] ?? [] },
    })),
  };
}

/** A PLSS section's number and outline (lon/lat): the overlay puts the number in its visible middle. */
export type SectionLabel = { id: string; name: string; ring: Position[] };

export function plssSectionLabels(area: PlssArea | null | undefined): SectionLabel[] {
  if (!area) return [];
  return area.parts
    .filter((part) => part.kind === 'section' && part.section !== null)
    .map((part) => ({ id: `section-${part.id}`, name: String(part.section), ring: part.polygons[0]?.[0] ?? [] }));
}
