/**
 * Layout validation: pure, fast (R-tree for every neighbour question, no all-pairs loops), and every issue
 * names its claim and gives the measured figure. Problems block the next step; warnings are shown.
 *
 * Ground measures use the UTM point scale factor k at the claim's centroid (ground = grid / k). Over a
 * 1,500-ft claim k changes by at most ~2 ppm (0.003 ft), far inside the 0.05-ft tolerance, and it is ~20×
 * faster than a geodesic per side, which 1,000-claim validation in tens of milliseconds needs.
 */
import RBush from 'rbush';
import { ACRE_M2, FOOT_M, utmScaleFactor, type Utm } from '../geo/utm';
import { gridAreaM2 } from '../geo/ground';
import { findRingSelfIntersection } from '../geometry/ring-self-intersection';
import type { LayoutClaim } from '../layout/layout.types';
import { claimFrame, openRing, type ClaimFrame } from './claim-frame';
import { nearMissesAmong } from './corner-alignment';
import { LayoutCheckMemo } from './layout-check-memo';
import { intersectionAreaM2, ringBox, type Box } from './polygon-ops';

export { alignCorners, findNearMissCorners, type AlignResult, type NearMissCorner } from './corner-alignment';

export interface LayoutIssue {
  code: string;
  message: string;
  claimId?: string;
  claim?: string;
}

export const LAYOUT_ISSUE_CODES = [
  'no_claims', 'invalid_ring', 'self_intersecting', 'lode_not_four_corners', 'lode_too_long', 'lode_too_wide',
  'end_line_oblique', 'end_lines_not_parallel', 'lode_area_exceeded', 'placer_area_exceeded', 'overlap',
  'near_miss_corners', 'outside_order_area', 'mostly_outside_order_area', 'partly_outside_order_area', 'duplicate_name', 'capacity_exceeded',
  'capacity_override', 'capacity_under',
] as const;
export type LayoutIssueCode = (typeof LAYOUT_ISSUE_CODES)[number];

/** 43 CFR 3832.22(a): 1,500 ft along the vein, 300 ft each side of its middle. */
export const LODE_MAX_LENGTH_FT = 1500;
export const LODE_MAX_HALF_WIDTH_FT = 300;
/** Allowance for coordinate rounding; "accidental excess is void only as to the excess". */
export const LENGTH_TOLERANCE_FT = 0.05;
/** 1,500 × 600 ft = 20.6612 acres ; tolerance = the area the 0.05-ft allowances add. */
export const LODE_MAX_ACRES = (1500 * 600) / 43560;
export const AREA_TOLERANCE_ACRES = ((1500 + LENGTH_TOLERANCE_FT) * (600 + LENGTH_TOLERANCE_FT) - 1500 * 600) / 43560;
/** End lines must be parallel for extralateral rights (BLM Explanation of Location); 0.25° ≈ 2.6 ft over 600 ft. */
export const END_LINE_PARALLEL_TOLERANCE_DEG = 0.25;
/** 43 CFR 3832.22(b): 20 acres per locator, association of up to 8 = 160 acres. */
export const PLACER_ACRES_PER_LOCATOR = 20;
export const PLACER_MAX_LOCATORS = 8;
export const OVERLAP_MIN_M2 = 1;
export const NEAR_MISS_MIN_M = 0.01;
export const NEAR_MISS_MAX_M = 2;
/** A claim more than this share outside the order's polygons is flagged (warning). */
export const OUTSIDE_WARNING_SHARE = 0.05;
/**
 * More than this share outside, the claim is essentially land the customer did not buy: a notice for it would stake
 * the wrong ground, so it blocks like a claim wholly outside (a problem, not a warning). Below it, a layout shifted
 * or widened on purpose (room for an extra claim, a corner set back from a road) stays a warning staff can accept.
 */
export const OUTSIDE_ERROR_SHARE = 0.9;
const FT2_PER_M2 = 1 / (FOOT_M * FOOT_M);

export interface ValidateLayoutInput {
  claims: LayoutClaim[];
  epsg: number;
  orderAreaRings?: Utm[][];
  claimsPurchased?: number;
  capacityOverride?: { reason: string } | null;
  locatorCount?: number;
}

export interface LayoutValidation {
  problems: LayoutIssue[];
  warnings: LayoutIssue[];
}

/** "1,512.4": toLocaleString would do, but costs ~30 µs a call, too slow for a layout full of problems. */
function num(value: number, digits = 1): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

interface Checked {
  claim: LayoutClaim;
  ring: Utm[];
  box: Box;
  /** Simple, non-degenerate ring: safe to intersect. */
  valid: boolean;
  /** Scale factor at the centroid (ground = grid / k). */
  k: number;
}

/** Invalid / self-intersecting rings; returns whether the ring is safe for area and overlap work. */
function checkRing(claim: LayoutClaim, ring: Utm[], problems: LayoutIssue[]): boolean {
  const who = { claimId: claim.id, claim: claim.name };
  const invalid = (why: string): false => {
    problems.push({ code: 'invalid_ring', message: `Claim '${claim.name}' ${why}`, ...who });
    return false;
  };
  if (ring.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) return invalid('has a corner with no valid coordinates.');
  if (ring.length < 3) return invalid(`has only ${ring.length} corners; a claim needs at least 3.`);
  const repeated = ring.findIndex((p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    return p[0] === q[0] && p[1] === q[1];
  });
  if (repeated >= 0) return invalid(`repeats corner ${repeated + 1}; remove the duplicate corner.`);
  // Before the area test: a symmetric bow tie has zero shoelace area but is a twisted ring, not a flat one.
  if (findRingSelfIntersection([...ring, ring[0]!])) {
    problems.push({ code: 'self_intersecting', message: `Claim '${claim.name}' crosses itself (its outline is twisted, like a bow tie); reorder its corners.`, ...who });
    return false;
  }
  if (gridAreaM2(ring) < 1) return invalid('has no area (its corners lie on one line).');
  return true;
}

/** 43 CFR 3832.22(a) limits and parallel end lines, all on the ground. */
function checkLode(claim: LayoutClaim, frame: ClaimFrame, k: number, areaAcres: number, out: LayoutValidation): void {
  const who = { claimId: claim.id, claim: claim.name };
  const ft = (gridM: number): number => gridM / k / FOOT_M;
  const d = (a: Utm, b: Utm): number => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const { startLeft, endLeft, endRight, startRight } = frame.corners;

  const lengthFt = Math.max(ft(frame.centerlineM), ft(d(startLeft, endLeft)), ft(d(startRight, endRight)));
  if (lengthFt > LODE_MAX_LENGTH_FT + LENGTH_TOLERANCE_FT) {
    out.problems.push({ code: 'lode_too_long', message: `Claim '${claim.name}' is ${num(lengthFt)} ft long on the ground; a lode claim may be at most 1,500 ft`, ...who });
  }
  // Width is measured at right angles to the centerline: end lines may be oblique (Mineral Survey Procedures Guide Fig. 3).
  const offsetFt = (p: Utm): number => ft(Math.abs((p[0] - frame.startMid[0]) * frame.right[0] + (p[1] - frame.startMid[1]) * frame.right[1]));
  const halfWidthFt = Math.max(offsetFt(startLeft), offsetFt(endLeft), offsetFt(endRight), offsetFt(startRight));
  if (halfWidthFt > LODE_MAX_HALF_WIDTH_FT + LENGTH_TOLERANCE_FT / 2) {
    out.problems.push({ code: 'lode_too_wide', message: `Claim '${claim.name}' reaches ${num(halfWidthFt)} ft from its centerline on the ground (${num(2 * halfWidthFt)} ft wide); a lode claim may extend at most 300 ft each side (600 ft wide)`, ...who });
  } else {
    const endFt = Math.max(ft(d(startLeft, startRight)), ft(d(endLeft, endRight)));
    if (endFt > 2 * LODE_MAX_HALF_WIDTH_FT + LENGTH_TOLERANCE_FT) {
      out.warnings.push({ code: 'end_line_oblique', message: `Claim '${claim.name}' has an end line ${num(endFt)} ft long: it is oblique to the centerline. Allowed while the width at right angles stays within 300 ft each side, but check it is intended`, ...who });
    }
  }
  const u: Utm = [startRight[0] - startLeft[0], startRight[1] - startLeft[1]];
  const v: Utm = [endRight[0] - endLeft[0], endRight[1] - endLeft[1]];
  const angleDeg = (Math.atan2(Math.abs(u[0] * v[1] - u[1] * v[0]), Math.abs(u[0] * v[0] + u[1] * v[1])) * 180) / Math.PI;
  if (angleDeg > END_LINE_PARALLEL_TOLERANCE_DEG) {
    out.problems.push({ code: 'end_lines_not_parallel', message: `Claim '${claim.name}' has end lines ${num(angleDeg, 2)}° out of parallel; they must be parallel within ${END_LINE_PARALLEL_TOLERANCE_DEG}°`, ...who });
  }
  if (areaAcres > LODE_MAX_ACRES + AREA_TOLERANCE_ACRES) {
    out.problems.push({ code: 'lode_area_exceeded', message: `Claim '${claim.name}' covers ${num(areaAcres, 2)} acres on the ground; a lode claim may cover at most 20.66 acres`, ...who });
  }
}

/** What the rules say about one claim on its own: its ring, and a lode's or placer's limits. */
interface ClaimFindings {
  checked: Checked;
  problems: LayoutIssue[];
  warnings: LayoutIssue[];
}

function claimFindings(claim: LayoutClaim, epsg: number, locators: number): ClaimFindings {
  const out: LayoutValidation = { problems: [], warnings: [] };
  const placerMax = PLACER_ACRES_PER_LOCATOR * locators;
  const ring = openRing(claim.corners);
  const who = { claimId: claim.id, claim: claim.name };
  const valid = checkRing(claim, ring, out.problems);
  const checked: Checked = { claim, ring, box: ringBox(ring), valid, k: 1 };
  if (claim.kind === 'lode' && ring.length !== 4) {
    out.problems.push({ code: 'lode_not_four_corners', message: `Claim '${claim.name}' has ${ring.length} corners; a lode claim here must have 4`, ...who });
  }
  if (!valid) return { checked, ...out };
  const n = ring.length;
  const centroid: Utm = [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  const k = utmScaleFactor(epsg, centroid);
  checked.k = k;
  const areaAcres = gridAreaM2(ring) / (k * k) / ACRE_M2;
  if (claim.kind === 'lode') {
    const frame = claimFrame(claim);
    if (frame) checkLode(claim, frame, k, areaAcres, out);
  } else if (areaAcres > placerMax + 0.001) {
    const who2 = locators === 1 ? 'one locator' : `an association of ${locators} locators`;
    out.problems.push({ code: 'placer_area_exceeded', message: `Claim '${claim.name}' covers ${num(areaAcres, 2)} acres on the ground; a placer claim for ${who2} may cover at most ${placerMax} acres`, ...who });
  }
  return { checked, ...out };
}

/** Two claims within NEAR_MISS_MAX_M of each other: whether they overlap, and the corners that nearly meet (one warning). */
function pairFindings(a: Checked, b: Checked): { overlap: LayoutIssue | null; nearMiss: LayoutIssue | null } {
  let overlap: LayoutIssue | null = null;
  if (a.valid && b.valid) {
    // Exact shared area; neighbours sharing an edge give 0 m².
    const overlapM2 = intersectionAreaM2(a.ring, b.ring, OVERLAP_MIN_M2 * a.k * a.k) / (a.k * a.k);
    if (overlapM2 > OVERLAP_MIN_M2) {
      overlap = { code: 'overlap', message: `Claims '${a.claim.name}' and '${b.claim.name}' overlap by ${num(overlapM2 * FT2_PER_M2, 0)} ft² (${num(overlapM2 / ACRE_M2, 2)} acres)`, claimId: a.claim.id, claim: a.claim.name };
    }
  }
  const misses = nearMissesAmong([a.claim, b.claim], [a.ring, b.ring], [[0, 1]], { minM: NEAR_MISS_MIN_M, maxM: NEAR_MISS_MAX_M });
  if (misses.length === 0) return { overlap, nearMiss: null };
  const count = misses.length;
  const maxM = Math.max(...misses.map((miss) => miss.distanceM));
  const nearMiss: LayoutIssue = { code: 'near_miss_corners', message: `Claims '${a.claim.name}' and '${b.claim.name}' have ${count === 1 ? 'a corner' : `${count} corners`} that nearly meet (up to ${num(maxM / FOOT_M, 1)} ft apart); use Align corners to make them one post`, claimId: a.claim.id, claim: a.claim.name };
  return { overlap, nearMiss };
}

/**
 * Checks a layout. With a memo kept by the caller between edits (the renderer, as staff edit), only the claims
 * that changed and their neighbours are checked again; the findings are the same as a check from nothing.
 */
export function validateLayout(input: ValidateLayoutInput, memo: LayoutCheckMemo = LayoutCheckMemo.once()): LayoutValidation {
  const { claims, epsg } = input;
  const out: LayoutValidation = { problems: [], warnings: [] };
  if (claims.length === 0) out.problems.push({ code: 'no_claims', message: 'The layout has no claims.' });
  const locators = Math.min(PLACER_MAX_LOCATORS, Math.max(1, Math.floor(input.locatorCount ?? 1)));

  const findings = claims.map((claim) => memo.claim('limits', [epsg, locators], claim, () => claimFindings(claim, epsg, locators)));
  const checked = findings.map((f) => f.checked);
  for (const f of findings) out.problems.push(...f.problems);
  for (const f of findings) out.warnings.push(...f.warnings);

  // The claim pairs within NEAR_MISS_MAX_M (from the memo's R-tree): the only candidates for overlaps and near misses.
  const candidates = memo.neighbourPairs(claims, (_, i) => (checked[i]!.valid ? checked[i]!.box : null), NEAR_MISS_MAX_M);
  const pairs = candidates.map(([i, j]) => memo.pair('pairs', [epsg, locators], claims[i]!, claims[j]!, () => pairFindings(checked[i]!, checked[j]!)));
  for (const pair of pairs) if (pair.overlap) out.problems.push(pair.overlap);
  for (const pair of pairs) if (pair.nearMiss) out.warnings.push(pair.nearMiss);

  if (input.orderAreaRings && input.orderAreaRings.length > 0) checkOrderArea(checked, input.orderAreaRings, out, memo);

  // Documents are matched back to claims by name (the server links documents to LandHoldings by name), so names must be unique.
  const seen = new Map<string, LayoutClaim>();
  for (const claim of claims) {
    const key = claim.name.trim().replace(/\s+/g, ' ').toLowerCase();
    const first = seen.get(key);
    if (first) out.problems.push({ code: 'duplicate_name', message: `Claim name '${claim.name}' is used more than once; documents are matched to claims by name`, claimId: claim.id, claim: claim.name });
    else seen.set(key, claim);
  }

  checkCapacity(claims.length, input, out);
  return out;
}

/**
 * Order polygons are the purchased claims themselves and do not overlap each other, so the area inside the
 * order is the sum of the pieces (capped at the claim's area in case two order polygons do overlap).
 */
function checkOrderArea(checked: Checked[], orderRings: Utm[][], out: LayoutValidation, memo: LayoutCheckMemo): void {
  const order = memo.value('order-area', [orderRings], () => {
    const rings = orderRings.map(openRing).filter((ring) => ring.length >= 3);
    const tree = new RBush<Box & { index: number }>();
    tree.load(rings.map((ring, index) => ({ ...ringBox(ring), index })));
    return { rings, tree };
  });
  for (const c of checked) {
    if (!c.valid) continue;
    const issue = memo.claim('order-area', [orderRings], c.claim, () => orderAreaIssue(c, order.rings, order.tree));
    if (issue) (issue.problem ? out.problems : out.warnings).push(issue.issue);
  }
}

function orderAreaIssue(c: Checked, rings: Utm[][], tree: RBush<Box & { index: number }>): { problem: boolean; issue: LayoutIssue } | null {
  const area = gridAreaM2(c.ring);
  let inside = 0;
  for (const hit of tree.search(c.box)) inside += intersectionAreaM2(c.ring, rings[hit.index]!);
  const outsideShare = 1 - Math.min(1, inside / area);
  const who = { claimId: c.claim.id, claim: c.claim.name };
  if (inside <= OVERLAP_MIN_M2) {
    return { problem: true, issue: { code: 'outside_order_area', message: `Claim '${c.claim.name}' lies outside the order's area`, ...who } };
  }
  if (outsideShare > OUTSIDE_ERROR_SHARE) {
    return { problem: true, issue: { code: 'mostly_outside_order_area', message: `Claim '${c.claim.name}' is ${num(outsideShare * 100, 0)}% outside the order's area: move it onto the purchased ground`, ...who } };
  }
  if (outsideShare > OUTSIDE_WARNING_SHARE) {
    return { problem: false, issue: { code: 'partly_outside_order_area', message: `Claim '${c.claim.name}' is ${num(outsideShare * 100, 0)}% outside the order's area`, ...who } };
  }
  return null;
}

/** Laying out more claims than were bought needs a recorded override (the customer paid for so many); fewer is allowed with a warning. */
function checkCapacity(count: number, input: ValidateLayoutInput, out: LayoutValidation): void {
  const purchased = input.claimsPurchased;
  if (purchased === undefined) return;
  const reason = input.capacityOverride?.reason.trim() ?? '';
  if (count > purchased) {
    if (reason.length > 0) {
      out.warnings.push({ code: 'capacity_override', message: `${count} claims are laid out but ${purchased} were purchased; accepted by override: "${reason}"` });
    } else {
      out.problems.push({ code: 'capacity_exceeded', message: `${count} claims are laid out but only ${purchased} were purchased; remove ${count - purchased} or record an override with a reason` });
    }
  } else if (count < purchased && count > 0) {
    out.warnings.push({ code: 'capacity_under', message: `${count} claims are laid out but ${purchased} were purchased (${purchased - count} fewer)` });
  }
}
