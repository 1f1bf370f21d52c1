/**
 * Everything derived from the open job's layout, computed once per change and shared by every step: the
 * monuments the documents will name, the validation that gates Next, the state whose rules apply, and the
 * order's own polygons in the job's CRS (drawn under the layout for comparison).
 */
import { useMemo } from 'react';
import { deriveMonuments } from '../../../../shared/claims/monuments';
import { validateLayout } from '../../../../shared/claims/validate-layout';
import { ringsFromOrderClaims } from '../../../../shared/layout/layout-geojson';
import type { Layout } from '../../../../shared/layout/layout.types';
import { useJobStore } from '../../stores/job.store';

const EMPTY_LAYOUT: Layout = { claims: [], grid: null };

export type JobDerived = {
  layout: Layout;
  monuments: ReturnType<typeof deriveMonuments>;
  validation: ReturnType<typeof validateLayout>;
  /** Two-letter state code: staff's override, else the state detected from the claims' location. */
  stateCode: string | null;
  orderRings: ReturnType<typeof ringsFromOrderClaims>;
};

export function useJobDerived(): JobDerived {
  const job = useJobStore((state) => state.job);
  const present = useJobStore((state) => state.history?.present ?? null);
  const layout = present ?? job?.layout ?? EMPTY_LAYOUT;
  const epsg = job?.crs.epsg ?? 26911;
  const orderClaims = job?.order.orderClaims;
  const stateCode = job ? (job.location.stateOverride ?? job.location.detectedState) : null;
  const settings = job?.monuments;
  const claimsPurchased = job?.order.claimsPurchased;
  const capacityOverride = job?.capacityOverride ?? null;
  const locatorCount = job?.claimant.locatorCount;

  // Order polygons change only with the zone: reprojecting them on every drag frame would be wasted work.
  const orderRings = useMemo(() => ringsFromOrderClaims(orderClaims ?? [], epsg), [orderClaims, epsg]);

  const monuments = useMemo(
    () => (settings ? deriveMonuments(layout.claims, settings, stateCode, epsg) : deriveMonuments([], { insetFt: 25, corner1: 'NW', lmCorner: 1 }, null, epsg)),
    [layout.claims, settings, stateCode, epsg],
  );

  const validation = useMemo(
    () =>
      validateLayout({
        claims: layout.claims,
        epsg,
        orderAreaRings: orderRings,
        claimsPurchased,
        capacityOverride,
        locatorCount,
      }),
    [layout.claims, epsg, orderRings, claimsPurchased, capacityOverride, locatorCount],
  );

  return { layout, monuments, validation, stateCode, orderRings };
}
