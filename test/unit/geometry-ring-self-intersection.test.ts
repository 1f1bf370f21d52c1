import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LinearRing, Position } from '../../shared/geometry/geojson.types';
import { BUDGET_EXCEEDED, findRingSelfIntersection, pairwiseSelfIntersection } from '../../shared/geometry/ring-self-intersection';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function randomRing(random: () => number, vertices: number, jitter: number): LinearRing {
  // A star-shaped ring around a centre: simple unless the jitter pushes vertices past their neighbours.
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * (i + (random() - 0.5) * jitter)) / vertices;
    const radius = 0.5 + random();
    ring.push([-116 + 0.01 * radius * Math.cos(angle), 40 + 0.01 * radius * Math.sin(angle)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

describe('findRingSelfIntersection', () => {
  it('agrees with turf kinks on random rings in general position, on both the pairwise and the sweep path', () => {
    const random = lcg(7);
    let crossing = 0;
    for (let n = 0; n < 400; n++) {
      const vertices = n % 2 === 0 ? 4 + (n % 7) : 25 + (n % 60);
      const ring = randomRing(random, vertices, n % 3 === 0 ? 0 : 6);
      const expected = kinks({ type: 'Polygon', coordinates: [ring] }).features.length > 0;
      if (expected) crossing++;
      expect(findRingSelfIntersection(ring) !== null, `ring ${n} (${vertices} vertices)`).toBe(expected);
    }
    // Both outcomes must be well represented, or the comparison proves little.
    expect(crossing).toBeGreaterThan(50);
    expect(crossing).toBeLessThan(350);
  });

  it('returns null for a simple rectangle and the crossing point of a bow-tie', () => {
    expect(findRingSelfIntersection([[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]])).toBeNull();
    expect(findRingSelfIntersection([[0, 0], [2, 1], [2, 0], [0, 1], [0, 0]])).toEqual([1, 0.5]);
  });

  it('treats touching at a vertex and collinear overlap as intersections', () => {
    expect(findRingSelfIntersection([[0, 0], [4, 0], [4, 2], [2, 0], [0, 2], [0, 0]])).not.toBeNull();
    expect(findRingSelfIntersection([[0, 0], [4, 0], [4, 1], [3, 0], [1, 0], [0, 1], [0, 0]])).not.toBeNull();
  });

  it('finds the one crossing in a 5,000-vertex ring (sweep path)', () => {
    const ring = randomRing(lcg(3), 5000, 0); // star-shaped with even angles: simple
    expect(findRingSelfIntersection(ring)).toBeNull();
    const crossed = ring.slice();
    [crossed[100], crossed[2600]] = [crossed[2600] as Position, crossed[100] as Position];
    expect(findRingSelfIntersection(crossed)).not.toBeNull();
  });

  it('agrees with the pairwise check on rings full of degenerate cases (integer grid: collinear runs, touching vertices)', () => {
    const random = lcg(11);
    let checked = 0;
    let crossing = 0;
    for (let n = 0; n < 2500; n++) {
      const vertices = 25 + Math.floor(random() * 40);
      const scale = 3 + Math.floor(random() * 12);
      const ring: Position[] = [];
      for (let i = 0; i < vertices; i++) {
        // Star-shaped, then snapped to integers: snapping makes runs of collinear edges, touching and revisited vertices.
        const angle = (2 * Math.PI * (i + (n % 4 === 0 ? (random() - 0.5) * 3 : 0))) / vertices;
        const radius = scale * (0.3 + random());
        const position: Position = [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))];
        const previous = ring[ring.length - 1];
        if (!previous || previous[0] !== position[0] || previous[1] !== position[1]) ring.push(position);
      }
      while (ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]) ring.pop();
      ring.push(ring[0]!);
      if (ring.length < 27) continue; // only rings long enough for the sweep path
      checked++;
      const expected = pairwiseSelfIntersection(ring) !== null;
      if (expected) crossing++;
      expect(findRingSelfIntersection(ring) !== null, JSON.stringify(ring)).toBe(expected);
    }
    expect(checked).toBeGreaterThan(2000);
    expect(crossing).toBeGreaterThan(checked * 0.2);
    expect(crossing).toBeLessThan(checked * 0.8);
  });

  it('checks a 40,000-vertex zig-zag (every segment spanning the same x-range) without comparing every pair', () => {
    // The shape that made an x-range filter quadratic: 25 s for this ring before the sweep.
    const ring: Position[] = [];
    for (let i = 0; i < 40_000; i++) ring.push([-116 + (i % 2) * 0.01, 40 + i * 1e-6]);
    ring.push([-116.01, 40.04], [-116.01, 40], [-116, 40]);
    let looks = 0;
    expect(findRingSelfIntersection(ring, { overBudget: () => (looks++, false) })).toBeNull();
    // The budget is looked at once per 1,024 events: 80,000 events, about 78 looks.
    expect(looks).toBeLessThan(100);
    const crossed = ring.slice();
    crossed[20_001] = [-115.995, 40.01];
    expect(findRingSelfIntersection(crossed)).not.toBeNull();
  });

  it('stops when the time budget runs out', () => {
    const ring: Position[] = [];
    for (let i = 0; i < 5_000; i++) ring.push([(i % 2) * 0.01, i * 1e-6]);
    ring.push([-0.01, 0.005], [-0.01, 0], [0, 0]);
    expect(findRingSelfIntersection(ring, { overBudget: () => true })).toBe(BUDGET_EXCEEDED);
  });
});
