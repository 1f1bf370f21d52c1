/**
 * What the steps show about the open job's layout as it is being edited, computed once per change: the job check
 * (shared checkJob, the same main runs before it accepts a layout or makes documents) over the layout on screen,
 * the monuments the documents will name, and the order's own polygons in the job's CRS (drawn under the layout).
 * The layout on screen may be a few hundred milliseconds ahead of main's; whether the job may move on is still
 * main's decision (the workflow view and its commands).
 *
 * One memo of the layout rules' findings per claim and per neighbouring pair is kept for the open layout, so an
 * edit re-checks only the claims it changed and their neighbours (layout-check-memo.ts): at thousands of claims a
 * full check on every move was most of the move.
 */
import { useMemo } from 'react';
import { LayoutCheckMemo } from '../../../shared/claims/layout-check-memo';
import { deriveMonuments } from '../../../shared/claims/monuments';
import type { Utm } from '../../../shared/geo/utm';
import { checkJob, orderAreaRings, type JobCheck } from '../../../shared/jobs/check-job';
import type { Layout, LayoutClaim } from '../../../shared/layout/layout.types';
import { useJobStore } from '../state/job.store';
import type { PlssArea } from '../../../shared/plss/plss.types';
import type { PlssIndex } from '../../../shared/plss/plss-index';
import { useJobPlss } from './use-job-plss.hook';

const NO_CLAIMS: LayoutClaim[] = [];

/** Keyed by claim objects, so one memo serves every step and job: results of claims no longer shown are dropped with them. */
const memo = new LayoutCheckMemo();

export type JobDerived = {
  layout: Layout;
  monuments: ReturnType<typeof deriveMonuments>;
  check: JobCheck;
  /** Two-letter state code: staff's override, else the state detected from the claims' location. */
  stateCode: string | null;
  /** Outer rings of the order's polygons in the job's UTM CRS (the area the layout should stay inside). */
  orderRings: Utm[][];
  /** The imported PLSS around the claims (null where none was imported): maps, checks and snapping use it. */
  plss: { area: PlssArea; index: PlssIndex } | null;
};

/** Null while no job is open. */
export function useJobDerived(): JobDerived | null {
  const job = useJobStore((state) => state.job);
  const present = useJobStore((state) => state.history?.present ?? null);
  const orderClaims = job?.order.orderClaims;
  const epsg = job?.crs.epsg;

  // Order polygons change only with the zone: reprojecting them on every drag frame would be wasted work.
  const orderRings = useMemo(
    () => (orderClaims && epsg !== undefined ? orderAreaRings({ orderClaims }, epsg) : null),
    [orderClaims, epsg],
  );

  const layout = present ?? job?.layout ?? null;
  // The imported PLSS around the claims: drawn on the maps, snapped to, and its lines checked with the job.
  const { area, index } = useJobPlss(layout?.claims ?? NO_CLAIMS, epsg ?? null, orderClaims);

  return useMemo(() => {
    if (!job || !layout || !orderRings) return null;
    const check = checkJob({ ...job, layout }, { orderAreaRings: orderRings, plss: index ?? undefined, memo });
    const monuments = deriveMonuments(layout.claims, job.monuments, check.stateCode, job.crs.epsg, memo);
    return { layout, monuments, check, stateCode: check.stateCode, orderRings, plss: area && index ? { area, index } : null };
  }, [job, layout, orderRings, area, index]);
}
