import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { LinearRing, Position } from '../../shared/geometry/geojson.types';
import { findRingSelfIntersection } from '../../shared/geometry/ring-self-intersection';

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
});
