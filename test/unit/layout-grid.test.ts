import { describe, expect, it } from 'vitest';
import { groundAreaAcres } from '../../shared/geo/ground';
import { utmScaleFactor, type Utm } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import type { GridInput, GridParams, LayoutClaim } from '../../shared/layout/layout.types';
import {
  angleDiff,
  cornerAngleDeg,
  EPSG_NV,
  epsgForZone,
  groundGridAzimuthDeg,
  signedAreaM2,
  sidesFt,
  utmAt,
} from './layout-test-helpers';

const anchorNV = utmAt(EPSG_NV, -116.6587, 40.1812);
const grid = (over: Partial<GridParams>, epsg = EPSG_NV): LayoutClaim[] =>
  generateGrid(
    { kind: 'lode', rows: 3, cols: 4, azimuthDeg: 0, prefix: 'GE', firstNumber: 1, anchorMode: 'nw', anchor: anchorNV, ...over },
    epsg,
  );

/** Measured on the ground: long sides are corners 0→1 and 2→3 (start-left→end-left, end-right→start-right). */
function expectSize(epsg: number, claims: LayoutClaim[], lengthFt: number, widthFt: number): void {
  for (const claim of claims) {
    const [left, end, right, start] = sidesFt(epsg, claim.corners);
    for (const side of [left, right]) expect(side).toBeCloseTo(lengthFt, 2);
    for (const side of [end, start]) expect(side).toBeCloseTo(widthFt, 2);
    for (const side of [left!, right!]) expect(Math.abs(side - lengthFt)).toBeLessThan(0.01);
    for (const side of [end!, start!]) expect(Math.abs(side - widthFt)).toBeLessThan(0.01);
  }
}

describe('generateGrid: lode claims measure 1,500 × 600 ft on the ground', () => {
  it.each([0, 37.5, 90, 200, 330])('at azimuth %s°: sizes, right angles, long-side azimuth, clockwise', (azimuthDeg) => {
    const claims = grid({ azimuthDeg });
    expect(claims).toHaveLength(12);
    expectSize(EPSG_NV, claims, 1500, 600);
    for (const claim of claims) {
      expect(claim.corners).toHaveLength(4);
      expect(signedAreaM2(claim.corners)).toBeLessThan(0); // clockwise
      for (let i = 0; i < 4; i += 1) expect(Math.abs(cornerAngleDeg(EPSG_NV, claim.corners, i) - 90)).toBeLessThan(0.001);
      const [startLeft, endLeft] = claim.corners as [Utm, Utm];
      expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, startLeft, endLeft), azimuthDeg)).toBeLessThan(0.001);
      expect(groundAreaAcres(EPSG_NV, claim.corners)).toBeCloseTo(900_000 / 43_560, 3);
    }
  });

  it('neighbours share corners exactly (across columns and along rows)', () => {
    const claims = grid({ azimuthDeg: 33 });
    const at = (r: number, c: number): LayoutClaim => claims[r * 4 + c]!;
    for (let r = 0; r < 3; r += 1) {
      for (let c = 0; c < 4; c += 1) {
        const [sl, el, er, sr] = at(r, c).corners;
        if (c < 3) {
          const right = at(r, c + 1).corners;
          expect(right[0]).toEqual(sr); // its start-left is my start-right
          expect(right[1]).toEqual(er);
        }
        if (r < 2) {
          const behind = at(r + 1, c).corners;
          expect(behind[1]).toEqual(sl); // its end-left is my start-left
          expect(behind[2]).toEqual(sr);
        }
        expect(el).toBeDefined();
      }
    }
  });

  it('far from the central meridian (k ≠ 1) a large block still measures 1,500.00 × 600.00 ft everywhere', () => {
    const epsg = epsgForZone(11);
    const anchor = utmAt(epsg, -114.2, 36.0); // 2.8° east of the CM
    expect(utmScaleFactor(epsg, anchor)).toBeGreaterThan(1.0002);
    const nearCm = utmAt(epsg, -117.0, 36.0);
    expect(utmScaleFactor(epsg, nearCm)).toBeLessThan(0.99961);
    for (const a of [anchor, nearCm]) {
      const claims = grid({ rows: 10, cols: 40, azimuthDeg: 63, anchor: a }, epsg);
      expectSize(epsg, claims, 1500, 600);
    }
  });

  it('names run row by row from firstNumber; empty prefix gives bare numbers; ids are unique', () => {
    const claims = grid({ rows: 2, cols: 3, prefix: ' TUSC ', firstNumber: 7 });
    expect(claims.map((c) => c.name)).toEqual(['TUSC 7', 'TUSC 8', 'TUSC 9', 'TUSC 10', 'TUSC 11', 'TUSC 12']);
    expect(grid({ rows: 1, cols: 2, prefix: '' }).map((c) => c.name)).toEqual(['1', '2']);
    const again = grid({ rows: 2, cols: 3 });
    const ids = new Set([...claims, ...again].map((c) => c.id));
    expect(ids.size).toBe(12);
    expect(claims.every((c) => c.source === 'grid' && c.kind === 'lode')).toBe(true);
    expect(() => grid({ rows: 0 })).toThrow(RangeError);
  });
});

describe('generateGrid: anchors', () => {
  /** Outer corners of the whole block: end-left of claim 1 etc. */
  function blockCorners(claims: LayoutClaim[], rows: number, cols: number): { nw: Utm; ne: Utm; se: Utm; sw: Utm } {
    const first = claims[0]!.corners;
    const lastOfRow1 = claims[cols - 1]!.corners;
    const firstOfLast = claims[(rows - 1) * cols]!.corners;
    const last = claims[rows * cols - 1]!.corners;
    return { nw: first[1]!, ne: lastOfRow1[2]!, sw: firstOfLast[0]!, se: last[3]! };
  }

  it('NW at azimuth 0 is the true north-west corner of the block, exactly on the anchor', () => {
    const claims = grid({ rows: 3, cols: 4 });
    const all = claims.flatMap((c) => c.corners);
    expect(claims[0]!.corners[1]).toEqual(anchorNV);
    // Ground-true lines bend by microradians in UTM (as geodesics do), so "extreme" is checked to 2 mm.
    expect(Math.abs(Math.max(...all.map((p) => p[1])) - anchorNV[1])).toBeLessThan(0.002);
    expect(Math.abs(Math.min(...all.map((p) => p[0])) - anchorNV[0])).toBeLessThan(0.002);
  });

  it.each([30, 330])('NW rotated to %s°: the anchor is the end-left corner of row 1, column 1 (forward-most, left-most)', (az) => {
    const claims = grid({ rows: 3, cols: 4, azimuthDeg: az });
    expect(claims[0]!.corners[1]).toEqual(anchorNV);
    const t = (az * Math.PI) / 180;
    const forward = (p: Utm): number => p[0] * Math.sin(t) + p[1] * Math.cos(t);
    const rightward = (p: Utm): number => p[0] * Math.cos(t) - p[1] * Math.sin(t);
    const all = claims.flatMap((c) => c.corners);
    expect(Math.abs(Math.max(...all.map(forward)) - forward(anchorNV))).toBeLessThan(0.002);
    expect(Math.abs(Math.min(...all.map(rightward)) - rightward(anchorNV))).toBeLessThan(0.002);
  });

  it.each([0, 30, 330])('centre at %s°: the anchor is the middle of the block (equal ground distances to opposite corners)', (az) => {
    const rows = 3;
    const cols = 4;
    const claims = grid({ rows, cols, azimuthDeg: az, anchorMode: 'center' });
    const { nw, ne, se, sw } = blockCorners(claims, rows, cols);
    const mid: Utm = [(nw[0] + ne[0] + se[0] + sw[0]) / 4, (nw[1] + ne[1] + se[1] + sw[1]) / 4];
    expect(Math.hypot(mid[0] - anchorNV[0], mid[1] - anchorNV[1])).toBeLessThan(0.001);
    const toCorners = sidesFt(EPSG_NV, [anchorNV, nw]).slice(0, 1).concat(sidesFt(EPSG_NV, [anchorNV, se]).slice(0, 1));
    expect(Math.abs(toCorners[0]! - toCorners[1]!)).toBeLessThan(0.01);
    expect(toCorners[0]).toBeCloseTo(Math.hypot(rows * 1500, cols * 600) / 2, 1);
  });
});

describe('generateGrid: placer claims', () => {
  it('are 1,320 ft north-south × 660 ft east-west, 20.00 acres, whatever the azimuth field says', () => {
    const claims = grid({ kind: 'placer', rows: 2, cols: 3, azimuthDeg: 45 });
    expect(claims).toHaveLength(6);
    expectSize(EPSG_NV, claims, 1320, 660);
    for (const claim of claims) {
      expect(claim.kind).toBe('placer');
      expect(groundAreaAcres(EPSG_NV, claim.corners)).toBeCloseTo(20, 3);
      const [startLeft, endLeft] = claim.corners as [Utm, Utm];
      expect(angleDiff(groundGridAzimuthDeg(EPSG_NV, startLeft, endLeft), 0)).toBeLessThan(0.001);
    }
  });
});

describe('generateGrid: timing', () => {
  it('prints the time to generate a 1,000-claim grid', () => {
    const params: GridInput = { kind: 'lode', rows: 25, cols: 40, azimuthDeg: 15, prefix: 'GE', firstNumber: 1, anchorMode: 'nw', anchor: anchorNV };
    generateGrid(params, EPSG_NV); // warm up proj4 and the JIT
    const runs: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const start = performance.now();
      generateGrid(params, EPSG_NV);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    console.log(`generateGrid 1,000 lode claims: median ${runs[7]!.toFixed(2)} ms, max ${runs[14]!.toFixed(2)} ms (target ≤ 50 ms with validation)`);
    expect(runs.length).toBe(15);
  });
});
