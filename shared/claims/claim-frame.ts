/**
 * A 4-corner claim's own frame: end lines, side lines, centerline and long-axis azimuth. Monuments, corner
 * numbering and the legal-dimension checks all work in this frame rather than in vertex order, because claims
 * pulled from an order arrive with any vertex order and either orientation.
 *
 * End lines are the two SHORTER opposite sides (a lode claim is 1,500 ft along the vein × 600 ft across it,
 * 43 CFR 3832.22(a)). The centerline joins the end-line midpoints (the peer's "Center Lines"
 * layer). "Start" is the end line behind the azimuth; left/right are seen facing along it.
 */
import type { Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { signedArea } from '../geo/ground';

export interface FrameCorners {
  startLeft: Utm;
  endLeft: Utm;
  endRight: Utm;
  startRight: Utm;
}

export interface ClaimFrame {
  corners: FrameCorners;
  /** Long axis, degrees clockwise from grid north, from the start end line towards the end end line, [0, 360). */
  azimuthDeg: number;
  /** Midpoints of the end lines: the centerline runs startMid → endMid. */
  startMid: Utm;
  endMid: Utm;
  /** Midpoints of the side lines (side-line centre monuments). */
  leftMid: Utm;
  rightMid: Utm;
  /** Unit vectors in grid metres: along the azimuth, and to its right. */
  along: Utm;
  right: Utm;
  /** Grid metres. */
  centerlineM: number;
}

const mid = (a: Utm, b: Utm): Utm => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
const dist = (a: Utm, b: Utm): number => Math.hypot(b[0] - a[0], b[1] - a[1]);
const norm360 = (deg: number): number => ((deg % 360) + 360) % 360;


/** The claim's corners as an open ring: a repeated closing corner is dropped. */
export function openRing(corners: readonly Utm[]): Utm[] {
  const first = corners[0];
  const last = corners[corners.length - 1];
  if (corners.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) return corners.slice(0, -1);
  return [...corners];
}

/**
 * Grid-tool claims keep their own start: the grid tool writes start-left, end-left, end-right, start-right
 * (layout.types.ts), so a claim laid out at azimuth 200° keeps 200°. Any other claim (from the order, or a
 * grid claim whose corners no longer follow that order) gets an azimuth normalised into [-45°, 135°): a
 * north-south claim starts at its south end and an east-west claim at its west end, whatever the vertex order.
 * The cut sits on the NW-SE diagonal, where lode claims are rarest to be staked exactly.
 */
function followsGridOrder(claim: LayoutClaim, ring: Utm[]): boolean {
  if (claim.source === 'order' || signedArea(ring) >= 0) return false;
  const [a, b, c, d] = ring as [Utm, Utm, Utm, Utm];
  return dist(a, b) + dist(c, d) > dist(b, c) + dist(d, a);
}

export function claimFrame(claim: LayoutClaim): ClaimFrame | null {
  const ring = openRing(claim.corners);
  if (ring.length !== 4) return null;
  if (Math.abs(signedArea(ring)) < 1e-6) return null;
  const [p0, p1, p2, p3] = ring as [Utm, Utm, Utm, Utm];

  let ends: [[Utm, Utm], [Utm, Utm]];
  if (followsGridOrder(claim, ring)) {
    ends = [[p0, p3], [p1, p2]];
  } else {
    const pairA: [[Utm, Utm], [Utm, Utm]] = [[p0, p1], [p2, p3]];
    const pairB: [[Utm, Utm], [Utm, Utm]] = [[p1, p2], [p3, p0]];
    const lenA = dist(p0, p1) + dist(p2, p3);
    const lenB = dist(p1, p2) + dist(p3, p0);
    if (Math.abs(lenA - lenB) > 1e-6 * (lenA + lenB)) {
      ends = lenA < lenB ? pairA : pairB;
    } else {
      // A square (e.g. a placer): take the axis nearer north-south so the frame does not depend on vertex order.
      const axisOf = (pair: [[Utm, Utm], [Utm, Utm]]): number => {
        const m1 = mid(...pair[0]);
        const m2 = mid(...pair[1]);
        return Math.abs(m2[1] - m1[1]) / dist(m1, m2);
      };
      ends = axisOf(pairA) >= axisOf(pairB) ? pairA : pairB;
    }
  }

  let startLine = ends[0];
  let endLine = ends[1];
  let azimuthDeg = norm360((Math.atan2(mid(...endLine)[0] - mid(...startLine)[0], mid(...endLine)[1] - mid(...startLine)[1]) * 180) / Math.PI);
  if (!followsGridOrder(claim, ring) && azimuthDeg >= 135 && azimuthDeg < 315) {
    [startLine, endLine] = [endLine, startLine];
    azimuthDeg = norm360(azimuthDeg + 180);
  }
  const startMid = mid(...startLine);
  const endMid = mid(...endLine);
  const centerlineM = dist(startMid, endMid);
  const along: Utm = [(endMid[0] - startMid[0]) / centerlineM, (endMid[1] - startMid[1]) / centerlineM];
  const right: Utm = [along[1], -along[0]];
  const side = (p: Utm, origin: Utm): number => (p[0] - origin[0]) * right[0] + (p[1] - origin[1]) * right[1];
  const [s1, s2] = startLine;
  const [e1, e2] = endLine;
  const [startRight, startLeft] = side(s1, startMid) > side(s2, startMid) ? [s1, s2] : [s2, s1];
  const [endRight, endLeft] = side(e1, endMid) > side(e2, endMid) ? [e1, e2] : [e2, e1];
  return {
    corners: { startLeft, endLeft, endRight, startRight },
    azimuthDeg,
    startMid,
    endMid,
    leftMid: mid(startLeft, endLeft),
    rightMid: mid(startRight, endRight),
    along,
    right,
    centerlineM,
  };
}
