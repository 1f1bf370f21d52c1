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

function boxOf(claims: readonly LayoutClaim[], epsg: number, orderClaims: JobOrderContext['orderClaims']): Bbox | null {
  const { toLonLat } = utmConverter(epsg);
  const points = [...claims.flatMap((c) => c.corners.map((p) => toLonLat(p))), ...orderClaims.flatMap((c) => outerRingsLonLat(c.geometry).flat())];
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return { minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) };
}

/** `epsg` null (no job open): nothing is read. */
export function useJobPlss(claims: readonly LayoutClaim[], epsg: number | null, orderClaims: JobOrderContext['orderClaims'] | undefined): { area: PlssArea | null; index: PlssIndex | null } {
  const area = usePlssStore((state) => state.area);
  const ensureArea = usePlssStore((state) => state.ensureArea);
  const box = useMemo(() => (epsg === null ? null : boxOf(claims, epsg, orderClaims ?? [])), [claims, epsg, orderClaims]);
  useEffect(() => {
    if (box) void ensureArea(box);
  }, [box, ensureArea]);
  const index = useMemo(() => (area && area.parts.length > 0 && epsg !== null ? buildPlssIndex(area, epsg) : null), [area, epsg]);
  return { area: index ? area : null, index };
}
