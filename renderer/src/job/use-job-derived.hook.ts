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
import type { Job } from '../../../shared/jobs/job.types';
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

/** What the check and the monuments read, compared part by part: a new job object with the same parts (a step
 * moved, a save answered with a new updatedAt) derives nothing again. */
type DerivedInputs = readonly [Job['order'], Job['crs'], Job['claimant'], Job['location'], Job['documents'], Job['capacityOverride'], Job['monuments'], Layout, PlssArea | null, PlssIndex | null];

function inputsOf(job: Job, layout: Layout, area: PlssArea | null, index: PlssIndex | null): DerivedInputs {
  return [job.order, job.crs, job.claimant, job.location, job.documents, job.capacityOverride, job.monuments, layout, area, index];
}

/**
 * The last derivation, shared by every view of the job (the map, the step beside it, the next step's as it opens):
 * each used to derive its own on mount, so a step switch checked the whole job again for what was already known.
 */
let last: { inputs: DerivedInputs; derived: JobDerived } | null = null;
let lastRings: { orderClaims: Job['order']['orderClaims']; epsg: number; rings: Utm[][] } | null = null;

/** Order polygons change only with the zone: reprojecting them on every drag frame would be wasted work. */
function orderRingsOf(orderClaims: Job['order']['orderClaims'], epsg: number): Utm[][] {
  if (lastRings?.orderClaims !== orderClaims || lastRings.epsg !== epsg) lastRings = { orderClaims, epsg, rings: orderAreaRings({ orderClaims }, epsg) };
  return lastRings.rings;
}

function derive(job: Job, layout: Layout, area: PlssArea | null, index: PlssIndex | null): JobDerived {
  const inputs = inputsOf(job, layout, area, index);
  if (last && last.inputs.every((part, i) => part === inputs[i])) return last.derived;
  const orderRings = orderRingsOf(job.order.orderClaims, job.crs.epsg);
  const check = checkJob({ ...job, layout }, { orderAreaRings: orderRings, plss: index ?? undefined, memo });
  const monuments = deriveMonuments(layout.claims, job.monuments, check.stateCode, job.crs.epsg, memo);
  const derived = { layout, monuments, check, stateCode: check.stateCode, orderRings, plss: area && index ? { area, index } : null };
  last = { inputs, derived };
  return derived;
}

/** Null while no job is open. */
export function useJobDerived(): JobDerived | null {
  const job = useJobStore((state) => state.job);
  const present = useJobStore((state) => state.history?.present ?? null);
  const layout = present ?? job?.layout ?? null;
  // The imported PLSS around the claims: drawn on the maps, snapped to, and its lines checked with the job.
  const { area, index } = useJobPlss(layout?.claims ?? NO_CLAIMS, job?.crs.epsg ?? null, job?.order.orderClaims);
  return useMemo(() => (job && layout ? derive(job, layout, area, index) : null), [job, layout, area, index]);
}
