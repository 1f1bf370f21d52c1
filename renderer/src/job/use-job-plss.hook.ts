/**
 * The PLSS around the open job's claims (and the order's polygons before anything is laid out), indexed in the
 * job's UTM zone: what the maps draw, the Validate step checks and the layout snaps to. Null when nothing was
 * imported there.
 */
import { useEffect, useMemo } from 'react';
import { utmConverter } from '../../../shared/geo/utm';
import type { LayoutClaim } from '../../../shared/layout/layout.types';
import { outerRingsLonLat } from '../../../shared/layout/order-claims';
import { buildPlssIndex, type PlssIndex } from '../../../shared/plss/plss-index';
import type { Bbox, PlssArea } from '../../../shared/plss/plss.types';
import type { JobOrderContext } from '../../../shared/jobs/job.types';
import { usePlssStore } from '../state/plss.store';

type LonLatBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Each claim's lon/lat box, per claim object and zone: an edit reprojects only the claims it changed. */
const claimBoxes = new WeakMap<LayoutClaim, { epsg: number; box: LonLatBox }>();

function pointsBox(points: readonly (readonly number[])[]): LonLatBox {
  const box: LonLatBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon = NaN, lat = NaN] of points) {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  }
  return box;
}

function claimBox(claim: LayoutClaim, epsg: number): LonLatBox {
  const known = claimBoxes.get(claim);
  if (known?.epsg === epsg) return known.box;
  const { toLonLat } = utmConverter(epsg);
  const box = pointsBox(claim.corners.map((p) => toLonLat(p)));
  claimBoxes.set(claim, { epsg, box });
  return box;
}

function boxOf(claims: readonly LayoutClaim[], epsg: number, orderClaims: JobOrderContext['orderClaims']): Bbox | null {
  const boxes = [...claims.map((c) => claimBox(c, epsg)), pointsBox(orderClaims.flatMap((c) => outerRingsLonLat(c.geometry).flat()))];
  const all = pointsBox(boxes.flatMap((b) => [[b[0], b[1]], [b[2], b[3]]]));
  if (!Number.isFinite(all[0])) return null;
  return { minLon: all[0], minLat: all[1], maxLon: all[2], maxLat: all[3] };
}

/** The last index built, shared by every view of the job: a step opening does not index the same area again. */
let lastIndex: { area: PlssArea; epsg: number; index: PlssIndex } | null = null;

function indexOf(area: PlssArea, epsg: number): PlssIndex {
  if (lastIndex?.area !== area || lastIndex.epsg !== epsg) lastIndex = { area, epsg, index: buildPlssIndex(area, epsg) };
  return lastIndex.index;
}

/** `epsg` null (no job open): nothing is read. */
export function useJobPlss(claims: readonly LayoutClaim[], epsg: number | null, orderClaims: JobOrderContext['orderClaims'] | undefined): { area: PlssArea | null; index: PlssIndex | null } {
  const area = usePlssStore((state) => state.area);
  const ensureArea = usePlssStore((state) => state.ensureArea);
  const box = useMemo(() => (epsg === null ? null : boxOf(claims, epsg, orderClaims ?? [])), [claims, epsg, orderClaims]);
  useEffect(() => {
    if (box) void ensureArea(box);
  }, [box, ensureArea]);
  const index = useMemo(() => (area && area.parts.length > 0 && epsg !== null ? indexOf(area, epsg) : null), [area, epsg]);
  return { area: index ? area : null, index };
}
