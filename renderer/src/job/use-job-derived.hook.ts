/**
 * Everything derived from the open job's layout, computed once per change and shared by every step: the
 * monuments the documents will name, the validation that gates Next, the state whose rules apply, and the
 * order's own polygons in the job's CRS (drawn under the layout for comparison).
 */
import { useMemo } from 'react';
import { deriveMonuments } from '../../../shared/claims/monuments';
import { validateLayout } from '../../../shared/claims/validate-layout';
import { locatorsOf } from '../../../shared/documents/locators';
import { layoutRuleIssues } from '../../../shared/documents/staking-rules';
import type { Utm } from '../../../shared/geo/utm';
import type { JobOrderContext } from '../../../shared/jobs/job.types';
import { outerRingsLonLat, ringToUtm } from '../../../shared/layout/order-claims';
import type { Layout } from '../../../shared/layout/layout.types';
import { useJobStore } from '../state/job.store';
import { plssWarnings } from '../../../shared/plss/plss-rules';
import type { PlssArea } from '../../../shared/plss/plss.types';
import type { PlssIndex } from '../../../shared/plss/plss-index';
import { useJobPlss } from './use-job-plss.hook';

const EMPTY_LAYOUT: Layout = { claims: [], grid: null };
const DEFAULT_MONUMENTS = { insetFt: 25, corner1: 'SE', lmCorner: 1 } as const;

function orderRingsUtm(orderClaims: JobOrderContext['orderClaims'], epsg: number): Utm[][] {
  return orderClaims.flatMap((claim) => outerRingsLonLat(claim.geometry).map((ring) => ringToUtm(ring, epsg)));
}

export type JobDerived = {
  layout: Layout;
  monuments: ReturnType<typeof deriveMonuments>;
  validation: ReturnType<typeof validateLayout>;
  /** Two-letter state code: staff's override, else the state detected from the claims' location. */
  stateCode: string | null;
  /** Outer rings of the order's polygons in the job's UTM CRS (the area the layout should stay inside). */
  orderRings: Utm[][];
  /** The imported PLSS around the claims (null where none was imported): maps, checks and snapping use it. */
  plss: { area: PlssArea; index: PlssIndex } | null;
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
  const locatorCount = job ? locatorsOf(job.claimant).length : 1;
  const landStatus = job?.location.landStatus ?? 'federal';

  // Order polygons change only with the zone: reprojecting them on every drag frame would be wasted work.
  const orderRings = useMemo(() => orderRingsUtm(orderClaims ?? [], epsg), [orderClaims, epsg]);

  const monuments = useMemo(
    () => deriveMonuments(layout.claims, settings ?? DEFAULT_MONUMENTS, stateCode, epsg),
    [layout.claims, settings, stateCode, epsg],
  );

  const { area, index } = useJobPlss(layout.claims, epsg, orderClaims);
  const validation = useMemo(() => {
    const checked = validateLayout({
      claims: layout.claims,
      epsg,
      orderAreaRings: orderRings,
      claimsPurchased,
      capacityOverride,
      locatorCount,
    });
    // State-land shapes (Alaska DNR) are a layout rule too: main refuses to pass Validate without them.
    const rules = layoutRuleIssues({ claims: layout.claims, epsg, stateCode, landStatus });
    // Township lines and aliquot lines come from the imported PLSS (shared/plss/plss-rules.ts): warnings only.
    const plss = index ? plssWarnings(layout.claims, index) : [];
    return { problems: [...checked.problems, ...rules.problems], warnings: [...checked.warnings, ...rules.warnings, ...plss] };
  }, [layout.claims, epsg, orderRings, claimsPurchased, capacityOverride, locatorCount, stateCode, landStatus, index]);

  return { layout, monuments, validation, stateCode, orderRings, plss: area && index ? { area, index } : null };
}
