/**
 * The long axis of a set of claim-like rings, read from the rings themselves: after a rotation, a drag or a
 * customer's drawing at 150°, the grid's own frame is what rows and columns follow, not whatever azimuth a form
 * last held. Edge directions are axial data (an edge at 30° is the same line as one at 210°), so they are
 * averaged on doubled angles, weighted by length: a rectangle's long sides outweigh its short ones, which lie
 * 180° away once doubled, so the mean points along the long sides.
 */
import type { Utm } from '../geo/utm';

/**
 * How strongly the edges must agree (mean resultant length of the doubled angles, 0..1) before an axis is
 * believed. A 1,500 × 600 rectangle scores 0.43; a square or a round blob scores ~0 and has no long axis.
 */
const MIN_AGREEMENT = 0.15;

/** Grid bearing of the rings' long axis in [0, 180), or null when the shapes have none (squares, blobs). */
export function longAxisDeg(rings: readonly (readonly Utm[])[]): number | null {
  let c = 0;
  let s = 0;
  let total = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 1) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const length = Math.hypot(dx, dy);
      if (length === 0) continue;
      // Bearing clockwise from grid north, doubled.
      const twice = 2 * Math.atan2(dx, dy);
      c += length * Math.cos(twice);
      s += length * Math.sin(twice);
      total += length;
    }
  }
  if (total === 0 || Math.hypot(c, s) / total < MIN_AGREEMENT) return null;
  const deg = ((Math.atan2(s, c) * 180) / Math.PI / 2 + 360) % 180;
  // Snap float noise so a north-south grid reads 0, not 179.9999999.
  return Math.abs(deg - 180) < 1e-9 ? 0 : deg;
}

/** The end of an axis facing closest to `hintDeg`: the axis says the line, the hint says which way is forward. */
export function orientAxis(axisDeg: number, hintDeg: number): number {
  const forward = ((axisDeg % 360) + 360) % 360;
  const backward = (forward + 180) % 360;
  const off = (a: number) => Math.abs(((a - hintDeg + 540) % 360) - 180);
  return off(forward) <= off(backward) ? forward : backward;
}
