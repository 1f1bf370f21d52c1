/**
 * How a new job starts: its CRS from the order's own polygons, its location from their centroid, the claimant
 * form pre-filled from the order, and the monument defaults. Pure functions over the cached order.
 */
import type { ClaimantInfo } from '../../shared/api/geodb.schemas';
import { stateRule } from '../../shared/claims/state-rules';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { chooseZone, MAX_NAD83_ZONE, MIN_NAD83_ZONE, nad83UtmEpsg, zoneForLongitude } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import type { ClaimantForm, JobCrs, JobLocation, LocationLookup } from '../../shared/jobs/job.types';
import type { MonumentSettings } from '../../shared/layout/layout.types';

/** Until the claims are placed, measuring happens in zone 11 (Nevada, most of the demand); saveJob's epsg changes it. */
export const FALLBACK_ZONE = 11;
const TEXT_MAX = 200;

/** Every distinct vertex of the claims' rings (the closing repeat of a ring left out, so it is not counted twice). */
export function orderVertices(claims: readonly NormalizedClaim[]): Position[] {
  const positions: Position[] = [];
  const addRing = (ring: Position[]) => {
    const closed = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1];
    for (const position of closed ? ring.slice(0, -1) : ring) {
      if (Number.isFinite(position[0]) && Number.isFinite(position[1])) positions.push([position[0], position[1]]);
    }
  };
  for (const { geometry } of claims) {
    if (geometry.type === 'Polygon') geometry.coordinates.forEach(addRing);
    else geometry.coordinates.forEach((polygon) => polygon.forEach(addRing));
  }
  return positions;
}

export function crsForVertices(positions: readonly Position[]): JobCrs {
  if (positions.length === 0) {
    return {
      epsg: nad83UtmEpsg(FALLBACK_ZONE),
      zone: FALLBACK_ZONE,
      zonesSeen: [],
      straddles: false,
      reason: `The order has no usable polygons: placing the grid anchor sets the zone (UTM zone ${FALLBACK_ZONE} until then).`,
    };
  }
  const zonesSeen = [...new Set(positions.map(([lon]) => zoneForLongitude(lon)))].sort((a, b) => a - b);
  if (zonesSeen.some((zone) => zone < MIN_NAD83_ZONE || zone > MAX_NAD83_ZONE)) {
    // Not a US claim (or swapped coordinates that slipped through): no NAD83 / UTM zone exists for it.
    return {
      epsg: nad83UtmEpsg(FALLBACK_ZONE),
      zone: FALLBACK_ZONE,
      zonesSeen,
      straddles: zonesSeen.length > 1,
      reason: `The claims lie in UTM zone ${zonesSeen.join(', ')}, outside NAD83 / UTM (zones ${MIN_NAD83_ZONE}-${MAX_NAD83_ZONE}); zone ${FALLBACK_ZONE} is a placeholder until the claims are placed.`,
    };
  }
  const choice = chooseZone([...positions]);
  return { epsg: choice.epsg, zone: choice.zone, zonesSeen: choice.zonesSeen, straddles: choice.straddles, reason: choice.reason };
}

/** The mean of the vertices: for a claim block a few miles across, as good a "where" as any centroid. */
export function vertexCentroid(positions: readonly Position[]): Position | null {
  if (positions.length === 0) return null;
  let lon = 0;
  let lat = 0;
  for (const position of positions) {
    lon += position[0];
    lat += position[1];
  }
  return [lon / positions.length, lat / positions.length];
}

export function detectedLocation(centroid: Position | null, lookup: (lon: number, lat: number) => LocationLookup): JobLocation {
  const found = centroid ? lookup(centroid[0], centroid[1]) : null;
  return {
    detectedState: found?.stateCode ?? null,
    detectedCounty: found?.countyName ?? null,
    stateOverride: null,
    countyOverride: null,
    landStatus: 'federal',
  };
}

/**
 * Corner 1 from the state's rule (fixed by law in Alaska, a convention elsewhere); the discovery monument 25 ft in
 * from the start end line keeps it off the end-line pins. Staff change both in the monuments step.
 */
export function defaultMonumentSettings(stateCode: string | null): MonumentSettings {
  const rule = stateRule(stateCode);
  return { insetFt: 25, corner1: rule.corner1Fixed ?? rule.defaultCorner1, lmCorner: 1 };
}

function text(value: string | null | undefined, max = TEXT_MAX): string {
  return (value ?? '').trim().slice(0, max);
}

/** Pre-filled from the order's claimant info (claim_order only); staff complete the rest in the claimant step. */
export function claimantFormFromOrder(info: ClaimantInfo | null): ClaimantForm {
  return {
    claimantName: text(info?.claimant_name),
    address1: text(info?.address_1),
    address2: text(info?.address_2),
    address3: text(info?.address_3),
    district: text(info?.district),
    monumentType: text(info?.monument_type),
    agentName: '',
    agentAddress: '',
    dateOfLocation: '',
    dateOfDiscovery: '',
    coLocators: [],
  };
}
