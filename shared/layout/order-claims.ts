/**
 * Layout option (a): the order's own polygons become the claims, in the job's UTM CRS.
 *
 * Each Polygon is one claim (outer ring; holes mean nothing for a claim). A MultiPolygon packs a block of claims
 * into one feature (the reference server names it like "OAT 1-3" for three parts), so each part is a claim:
 * one part keeps the feature's name; a name ending in a range "a-b" that counts the parts is spread over them
 * ("OAT 1", "OAT 2", "OAT 3"); any other name gets " 1", " 2", … appended.
 */
import type { Position } from '../geometry/geojson.types';
import type { JobOrderContext } from '../jobs/job.types';
import { utmConverter, type Utm } from '../geo/utm';
import type { ClaimKind, LayoutClaim } from './layout.types';
import { claimName, clipName, idFactory, openClockwise } from './layout-util';

type OrderClaim = JobOrderContext['orderClaims'][number];

function asPosition(value: unknown): Position | null {
  if (!Array.isArray(value)) return null;
  const [lon, lat] = value as unknown[];
  return typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

/**
 * Outer rings of the geometry's polygons as lon/lat. Normalized orders only carry valid geometry, but the
 * schema types coordinates loosely, so anything malformed is skipped rather than trusted.
 */
export function outerRingsLonLat(geometry: OrderClaim['geometry']): Position[][] {
  const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings: Position[][] = [];
  for (const polygon of polygons) {
    const outer: unknown = Array.isArray(polygon) ? polygon[0] : undefined;
    if (!Array.isArray(outer)) continue;
    const ring = outer.map(asPosition).filter((p): p is Position => p !== null);
    if (ring.length >= 3) rings.push(ring);
  }
  return rings;
}

/** Outer ring in UTM, open and clockwise. */
export function ringToUtm(ring: readonly Position[], epsg: number): Utm[] {
  const { toUtm } = utmConverter(epsg);
  return openClockwise(ring.map((p) => toUtm(p)));
}

const RANGE = /^(.*?)(\d+)\s*-\s*(\d+)$/;

/** Names for the parts of one order feature (see the module comment). Blank names are left blank. */
export function partNames(name: string, parts: number): string[] {
  const base = name.trim();
  if (parts === 1 || base === '') return Array.from({ length: parts }, () => base);
  const range = RANGE.exec(base);
  if (range) {
    const first = Number(range[2]);
    const last = Number(range[3]);
    if (last - first + 1 === parts) return Array.from({ length: parts }, (_, k) => claimName(range[1] ?? '', first + k));
  }
  return Array.from({ length: parts }, (_, k) => clipName(`${base} ${k + 1}`));
}

/**
 * One LayoutClaim per polygon part, in order. Blank names become `${fallbackPrefix} ${n}` with n the claim's
 * position (1-based). Orders do not say lode or placer; `kind` defaults to lode, the common case.
 */
export function claimsFromOrder(
  orderClaims: JobOrderContext['orderClaims'],
  epsg: number,
  fallbackPrefix: string,
  kind: ClaimKind = 'lode',
): LayoutClaim[] {
  const newId = idFactory('o');
  const claims: LayoutClaim[] = [];
  for (const orderClaim of orderClaims) {
    const rings = outerRingsLonLat(orderClaim.geometry);
    const names = partNames(orderClaim.name, rings.length);
    rings.forEach((ring, k) => {
      const n = claims.length + 1;
      claims.push({
        id: newId(String(n)),
        name: names[k] || claimName(fallbackPrefix, n),
        kind,
        corners: ringToUtm(ring, epsg),
        source: 'order',
      });
    });
  }
  return claims;
}
