/**
 * The legal limits of the claims as the customer drew them (43 CFR 3832.22: a lode claim at most 1,500 × 600 ft,
 * parallel end lines; a placer at most 20 acres a locator), checked by the one layout check (validate-layout.ts)
 * on the order's polygons as drawn. An order over them cannot be fulfilled as drawn, yet nothing is wrong with the
 * order itself: staff lay out a grid instead. So it is its own class of issue, counted in the queue beside the
 * order's problems and found by "Has problems", rather than surfacing only when a batch export refuses it.
 */
import type { NormalizedClaim } from '../domain/normalized-order.types';
import type { OrderIssue } from '../domain/order.types';
import { chooseZone, MAX_NAD83_ZONE, MIN_NAD83_ZONE, zoneForLongitude } from '../geo/utm';
import { claimsFromOrder, outerRingsLonLat } from '../layout/order-claims';
import { validateLayout } from './validate-layout';
import { DRAWN_OVER_LIMITS_CODE } from './drawn-limits-code';

export { DRAWN_OVER_LIMITS_CODE };

/** What the class is called wherever staff see it. */
export const DRAWN_OVER_LIMITS_LABEL = 'over the legal limits as drawn — lay out a grid';

/** The layout check's codes that are a claim's legal limits (overlaps and the order's area do not apply to a drawing). */
const LEGAL_LIMIT_CODES: ReadonlySet<string> = new Set([
  'lode_not_four_corners',
  'lode_too_long',
  'lode_too_wide',
  'lode_area_exceeded',
  'end_lines_not_parallel',
  'placer_area_exceeded',
]);

/** One issue per claim over the limits as drawn, carrying the check's own measured reason. */
export function drawnLimitIssues(claims: NormalizedClaim[]): OrderIssue[] {
  const positions = claims.flatMap((claim) => outerRingsLonLat(claim.geometry).flat());
  if (positions.length === 0) return [];
  // Outside the NAD83 UTM zones (not a US claim) there is no grid to measure in: the order's position is its own matter.
  const zones = positions.map(([lon]) => zoneForLongitude(lon));
  if (zones.some((zone) => zone < MIN_NAD83_ZONE || zone > MAX_NAD83_ZONE)) return [];
  const { epsg } = chooseZone(positions);
  const { problems } = validateLayout({ claims: claimsFromOrder(claims, epsg, 'Claim'), epsg });
  const byClaim = new Map<string, string[]>();
  for (const problem of problems) {
    if (!LEGAL_LIMIT_CODES.has(problem.code)) continue;
    const name = problem.claim ?? '';
    byClaim.set(name, [...(byClaim.get(name) ?? []), problem.message.replace(/\.$/, '')]);
  }
  return [...byClaim].map(([claim, reasons]) => ({
    code: DRAWN_OVER_LIMITS_CODE,
    message: `${capitalised(DRAWN_OVER_LIMITS_LABEL)}: ${reasons.join('; ')}.`,
    ...(claim ? { claim } : {}),
  }));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
