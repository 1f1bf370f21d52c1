/**
 * Describing claims from the imported PLSS: the parts around the claims are read from the cache once (the claims'
 * box grown by a mile, so the corners of every section they touch are there for the tie), indexed in the job's
 * UTM zone, and handed to the pure description in shared/plss.
 */
import { deriveMonuments } from '../../shared/claims/monuments';
import { utmConverter } from '../../shared/geo/utm';
import type { LayoutClaim, MonumentSettings } from '../../shared/layout/layout.types';
import { landDescriptionFromPlss, type LandFill } from '../../shared/plss/land-description';
import { describeClaims, type ClaimPlss } from '../../shared/plss/plss-describe';
import { buildPlssIndex, type PlssIndex } from '../../shared/plss/plss-index';
import type { PlssArea } from '../../shared/plss/plss.types';
import type { Db } from '../db/schema';
import { bboxOf, plssInArea } from './plss-query';

/** Search margin around the claims: a section is a mile across, so its corners are always found. */
export const AREA_MARGIN_M = 1_700;
/** Aliquot parts and lots are read for the claims themselves, and a strip around them for the maps. */
export const PARTS_MARGIN_M = 250;

export interface ClaimsToDescribe {
  claims: readonly LayoutClaim[];
  epsg: number;
  monumentSettings: MonumentSettings;
  stateCode: string | null;
}

export interface PlssDescription {
  claims: ClaimPlss[];
  fill: LandFill;
  area: PlssArea;
  /** The area indexed in the claims' grid, for the checks that run over the same claims (shared/plss/plss-rules.ts). */
  index: PlssIndex;
}

/** The PLSS near some claims (grid metres of `epsg`), or an empty area when the claims have no corners. */
export async function plssAroundClaims(db: Db, claims: readonly LayoutClaim[], epsg: number): Promise<PlssArea> {
  const { toLonLat } = utmConverter(epsg);
  const bbox = bboxOf(claims.map((c) => c.corners.map((p) => toLonLat(p))));
  return bbox ? plssInArea(db, bbox, AREA_MARGIN_M, PARTS_MARGIN_M) : { parts: [], layers: [] };
}

/** The description from an area already read (the package path reads it once for lines and description). */
export function describeInArea(area: PlssArea, input: ClaimsToDescribe): PlssDescription {
  const index = buildPlssIndex(area, input.epsg);
  const monuments = deriveMonuments([...input.claims], input.monumentSettings, input.stateCode, input.epsg);
  const claims = describeClaims({ claims: input.claims, index, monuments });
  return { claims, fill: landDescriptionFromPlss(claims), area, index };
}

export async function describeClaimsFromCache(db: Db, input: ClaimsToDescribe): Promise<PlssDescription> {
  return describeInArea(await plssAroundClaims(db, input.claims, input.epsg), input);
}
