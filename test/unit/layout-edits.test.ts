import { describe, expect, it } from 'vitest';
import { groundDistanceFt } from '../../shared/geo/ground';
import type { Utm } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import { addClaim, deleteClaims, moveClaims, renameClaims, renumberClaims, rotateClaims, translateClaims } from '../../shared/layout/layout-edits';
import { createHistory, pushHistory, redo, undo } from '../../shared/layout/layout-history';
import type { GridParams, LayoutClaim } from '../../shared/layout/layout.types';
import { angleDiff, EPSG_NV, groundGridAzimuthDeg, sidesFt, utmAt } from './layout-test-helpers';

const anchor = utmAt(EPSG_NV, -116.3418, 40.9266);
const params = (over: Partial<GridParams> = {}): GridParams => ({
  marginFt: 0,
  placerNorth: 'grid',
  kind: 'lode', rows: 3, cols: 4, azimuthDeg: 0, prefix: 'GE', firstNumber: 1, anchorMode: 'nw', anchor, ...over,
});
const centre = (c: LayoutClaim): Utm => [c.corners.reduce((s, p) => s + p[0], 0) / c.corners.length, c.corners.reduce((s, p) => s + p[1], 0) / c.corners.length];

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('moveClaims / translateClaims', () => {
  it('a typed 100 ft east moves every corner of the selected claims 100.00 ground ft due (grid) east, and nothing else', () => {
    const claims = generateGrid(params({ azimuthDeg: 20 }), EPSG_NV);
    const before = structuredClone(claims);
    const ids = [claims[0]!.id, claims[5]!.id];
    const moved = moveClaims(claims, ids, 100, 0, EPSG_NV);
    expect(claims).toEqual(before); // inputs untouched
    moved.forEach((claim, i) => {
      const original = claims[i]!;
      expect(claim.id).toBe(original.id);
      claim.corners.forEach((p, j) => {
        const q = original.corners[j]!;
        if (!ids.includes(claim.id)) return expect(p).toEqual(q);
        expect(Math.abs(groundDistanceFt(EPSG_NV, q, p) - 100)).toBeLessThan(0.01);
        expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, q, p), 90)).toBeLessThan(0.01);
      });
    });
  });

  it('null moves all claims; north offsets go north; translate is in grid metres', () => {
    const claims = generateGrid(params(), EPSG_NV);
    const moved = moveClaims(claims, null, 0, -250, EPSG_NV);
    for (const [i, claim] of moved.entries()) {
      const q = claims[i]!.corners[0]!;
      expect(Math.abs(groundDistanceFt(EPSG_NV, q, claim.corners[0]!) - 250)).toBeLessThan(0.01);
      expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, q, claim.corners[0]!), 180)).toBeLessThan(0.01);
    }
    const shifted = translateClaims(claims, null, 10, -5);
    expect(shifted[3]!.corners[2]![0] - claims[3]!.corners[2]![0]).toBeCloseTo(10, 9);
    expect(shifted[3]!.corners[2]![1] - claims[3]!.corners[2]![1]).toBeCloseTo(-5, 9);
  });
});

describe('rotateClaims', () => {
  it('rotating 90° clockwise about the centre keeps ground sizes and turns the long axis from 0° to 90°', () => {
    const claims = generateGrid(params({ rows: 2, cols: 3 }), EPSG_NV);
    const rotated = rotateClaims(claims, null, 90);
    for (const claim of rotated) {
      const [left, end, right, start] = sidesFt(EPSG_NV, claim.corners);
      for (const side of [left!, right!]) expect(Math.abs(side - 1500)).toBeLessThan(0.01);
      for (const side of [end!, start!]) expect(Math.abs(side - 600)).toBeLessThan(0.01);
      expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, claim.corners[0]!, claim.corners[1]!), 90)).toBeLessThan(0.01);
    }
    // The block's centre stays put.
    const c0 = centre({ ...claims[0]!, corners: claims.flatMap((c) => c.corners) });
    const c1 = centre({ ...rotated[0]!, corners: rotated.flatMap((c) => c.corners) });
    expect(Math.hypot(c0[0] - c1[0], c0[1] - c1[1])).toBeLessThan(1e-6);
  });

  it('rotates only the selection, about a given pivot', () => {
    const claims = generateGrid(params({ rows: 1, cols: 2 }), EPSG_NV);
    const pivot = claims[0]!.corners[0]!;
    const rotated = rotateClaims(claims, [claims[0]!.id], 180, pivot);
    expect(rotated[1]).toBe(claims[1]);
    expect(rotated[0]!.corners[0]![0]).toBeCloseTo(pivot[0], 6);
    expect(rotated[0]!.corners[1]![1]).toBeCloseTo(pivot[1] - (claims[0]!.corners[1]![1] - pivot[1]), 6);
  });
});

describe('renumberClaims', () => {
  /** A grid at the azimuth, shuffled, every claim nudged by up to ±40 ft, names scrambled. */
  function messy(azimuthDeg: number, seed: number): { expected: string[]; claims: LayoutClaim[] } {
    const grid = generateGrid(params({ rows: 4, cols: 6, azimuthDeg }), EPSG_NV);
    const random = rng(seed);
    let claims = grid.map((c) => ({ ...c, name: `old ${Math.floor(random() * 1000)}` }));
    for (const c of grid) claims = moveClaims(claims, [c.id], (random() - 0.5) * 80, (random() - 0.5) * 80, EPSG_NV);
    claims = claims.map((c) => ({ c, r: random() })).sort((a, b) => a.r - b.r).map(({ c }) => c);
    return { expected: grid.map((c) => c.id), claims };
  }

  it.each([30, 330])('numbers a grid rotated %s° with jitter 1..n in row order (the plugin sorted by -y, x)', (az) => {
    const { expected, claims } = messy(az, az);
    const renumbered = renumberClaims(claims, { order: 'rows', azimuthDeg: az, rowToleranceFt: 500, prefix: 'GE', firstNumber: 1 });
    expect(renumbered.map((c) => c.id)).toEqual(expected);
    expect(renumbered.map((c) => c.name)).toEqual(expected.map((_, i) => `GE ${i + 1}`));
    // The plugin's order: by centroid north-to-south then west-to-east, no tolerance. It gets this grid wrong.
    const naive = [...claims].sort((a, b) => centre(b)[1] - centre(a)[1] || centre(a)[0] - centre(b)[0]);
    expect(naive.map((c) => c.id)).not.toEqual(expected);
  });

  it('serpentine runs every second row right to left; names from firstNumber with the prefix', () => {
    const { expected, claims } = messy(30, 7);
    const renumbered = renumberClaims(claims, { order: 'serpentine', azimuthDeg: 30, rowToleranceFt: 500, prefix: 'B', firstNumber: 11 });
    const rows = [0, 1, 2, 3].map((r) => expected.slice(r * 6, r * 6 + 6));
    expect(renumbered.map((c) => c.id)).toEqual([...rows[0]!, ...rows[1]!.reverse(), ...rows[2]!, ...rows[3]!.reverse()]);
    expect(renumbered[0]!.name).toBe('B 11');
    expect(renumbered[23]!.name).toBe('B 34');
  });

  it.each([15, -15, 75])(
    'a 3 × 4 grid rotated %s° after it was generated at 0° numbers along its own rows (serpentine and row by row)',
    (turn) => {
      // What the Layout step does: generate at azimuth 0, Rotate, then Renumber with the grid's stored azimuth (0).
      const grid = generateGrid(params({ rows: 3, cols: 4, azimuthDeg: 0 }), EPSG_NV);
      const rotated = rotateClaims(grid, null, turn);
      const rows = [0, 1, 2].map((r) => grid.slice(r * 4, r * 4 + 4).map((c) => c.id));
      const serpentine = renumberClaims(rotated, { order: 'serpentine', azimuthDeg: 0, rowToleranceFt: 300, prefix: 'R', firstNumber: 1 });
      expect(serpentine.map((c) => c.id)).toEqual([...rows[0]!, ...[...rows[1]!].reverse(), ...rows[2]!]);
      const byRow = renumberClaims(rotated, { order: 'rows', azimuthDeg: 0, rowToleranceFt: 300, prefix: 'R', firstNumber: 1 });
      expect(byRow.map((c) => c.id)).toEqual(rows.flat());
    },
  );

  it('the stored azimuth only says which end is forward: 180° numbers the same rows from the other end', () => {
    const grid = generateGrid(params({ rows: 2, cols: 3, azimuthDeg: 0 }), EPSG_NV);
    const rotated = rotateClaims(grid, null, 10);
    const back = renumberClaims(rotated, { order: 'rows', azimuthDeg: 180, rowToleranceFt: 300, prefix: 'R', firstNumber: 1 });
    // Facing south, the back row comes first and "left to right" is east to west.
    const ids = grid.map((c) => c.id);
    expect(back.map((c) => c.id)).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
  });
});

describe('rename, delete, add', () => {
  it('renames in the current order, deletes by id, never mutating', () => {
    const claims = generateGrid(params({ rows: 1, cols: 3 }), EPSG_NV);
    const renamed = renameClaims(claims, 'NEW', 5);
    expect(renamed.map((c) => c.name)).toEqual(['NEW 5', 'NEW 6', 'NEW 7']);
    expect(claims[0]!.name).toBe('GE 1');
    const left = deleteClaims(claims, [claims[1]!.id]);
    expect(left.map((c) => c.name)).toEqual(['GE 1', 'GE 3']);
    expect(claims).toHaveLength(3);
  });

  it('adds a full-size claim centred on the point, with the next free number or a given name', () => {
    const claims = generateGrid(params({ rows: 2, cols: 2 }), EPSG_NV);
    const at: Utm = [anchor[0] + 2000, anchor[1] - 500];
    const added = addClaim(claims, { at, kind: 'lode', azimuthDeg: 45 }, EPSG_NV);
    expect(added).toHaveLength(5);
    const claim = added[4]!;
    expect(claim.name).toBe('GE 5');
    expect(claim.source).toBe('added');
    expect(new Set(added.map((c) => c.id)).size).toBe(5);
    const [left, end] = sidesFt(EPSG_NV, claim.corners);
    expect(Math.abs(left! - 1500)).toBeLessThan(0.01);
    expect(Math.abs(end! - 600)).toBeLessThan(0.01);
    expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, claim.corners[0]!, claim.corners[1]!), 45)).toBeLessThan(0.01);
    const c = centre(claim);
    expect(Math.hypot(c[0] - at[0], c[1] - at[1])).toBeLessThan(0.001);
    const named = addClaim(added, { at, kind: 'placer', azimuthDeg: 45, name: ' Lucky ' }, EPSG_NV);
    expect(named[5]!.name).toBe('Lucky');
    expect(sidesFt(EPSG_NV, named[5]!.corners).map((s) => Math.round(s * 100) / 100)).toEqual([1320, 660, 1320, 660]);
    expect(addClaim([], { at, kind: 'lode', azimuthDeg: 0 }, EPSG_NV)[0]!.name).toBe('1');
    expect(addClaim([], { at, kind: 'lode', azimuthDeg: 0, prefix: 'Q' }, EPSG_NV)[0]!.name).toBe('Q 1');
  });
});

describe('edits with undo/redo', () => {
  it('replays a sequence of layout edits backwards and forwards', () => {
    const g = generateGrid(params({ rows: 1, cols: 3 }), EPSG_NV);
    let h = createHistory(g);
    h = pushHistory(h, moveClaims(h.present, null, 100, 0, EPSG_NV), 'move');
    h = pushHistory(h, deleteClaims(h.present, [g[0]!.id]), 'delete');
    h = pushHistory(h, renameClaims(h.present, 'Z', 1), 'rename');
    expect(h.present.map((c) => c.name)).toEqual(['Z 1', 'Z 2']);
    h = undo(undo(h));
    expect(h.present).toHaveLength(3);
    expect(Math.abs(groundDistanceFt(EPSG_NV, g[0]!.corners[0]!, h.present[0]!.corners[0]!) - 100)).toBeLessThan(0.01);
    h = undo(h);
    expect(h.present).toBe(g);
    h = redo(redo(redo(h)));
    expect(h.present.map((c) => c.name)).toEqual(['Z 1', 'Z 2']);
  });
});
