/**
 * The order a staking crew walks the posts in: an open path that starts at the south-west-most post, built
 * nearest-neighbour and then shortened with 2-opt (reversing any stretch whose ends cross). This is the peer's
 * "staking-order route" done as a short walk rather than claim by claim, so shared corners are
 * visited once. Grid metres are fine for ordering: the scale factor is constant to 1e-4 over a claim block.
 */
import type { Utm } from '../geo/utm';

const dist = (a: Utm, b: Utm): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** 2-opt is O(n²) per pass; beyond this many posts the nearest-neighbour walk is kept as it is. */
const TWO_OPT_MAX_POINTS = 600;
const TWO_OPT_MAX_PASSES = 8;

/** Indices into `points` in walking order. Deterministic: ties go to the lower index. */
export function stakingRoute(points: readonly Utm[]): number[] {
  const n = points.length;
  if (n === 0) return [];
  let start = 0;
  for (let i = 1; i < n; i += 1) {
    const p = points[i]!;
    const s = points[start]!;
    if (p[0] + p[1] < s[0] + s[1] - 1e-9) start = i;
  }
  const visited = new Uint8Array(n);
  const order = [start];
  visited[start] = 1;
  for (let step = 1; step < n; step += 1) {
    const here = points[order[order.length - 1]!]!;
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < n; i += 1) {
      if (visited[i]) continue;
      const d = dist(here, points[i]!);
      if (d < bestD - 1e-9) [best, bestD] = [i, d];
    }
    visited[best] = 1;
    order.push(best);
  }
  if (n <= TWO_OPT_MAX_POINTS) twoOpt(points, order);
  return order;
}

/** Open-path 2-opt: reverse order[i..j] when that shortens the walk; the start post stays first. */
function twoOpt(points: readonly Utm[], order: number[]): void {
  const at = (k: number): Utm => points[order[k]!]!;
  for (let pass = 0; pass < TWO_OPT_MAX_PASSES; pass += 1) {
    let improved = false;
    for (let i = 1; i < order.length - 1; i += 1) {
      for (let j = i + 1; j < order.length; j += 1) {
        const before = dist(at(i - 1), at(i)) + (j + 1 < order.length ? dist(at(j), at(j + 1)) : 0);
        const after = dist(at(i - 1), at(j)) + (j + 1 < order.length ? dist(at(i), at(j + 1)) : 0);
        if (after < before - 1e-6) {
          order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
    if (!improved) return;
  }
}

export function routeLengthM(points: readonly Utm[], order: readonly number[]): number {
  let total = 0;
  for (let k = 1; k < order.length; k += 1) total += dist(points[order[k - 1]!]!, points[order[k]!]!);
  return total;
}
