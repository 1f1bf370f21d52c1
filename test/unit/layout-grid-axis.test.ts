import { describe, expect, it } from 'vitest';
import { generateGrid } from '../../shared/layout/grid';
import { longAxisDeg, orientAxis } from '../../shared/layout/grid-axis';
import { rotateClaims } from '../../shared/layout/layout-edits';
import { angleDiff, EPSG_NV, utmAt } from './layout-test-helpers';

const anchor = utmAt(EPSG_NV, -116.3418, 40.9266);
const grid = (azimuthDeg: number, kind: 'lode' | 'placer' = 'lode') =>
  generateGrid({ kind, rows: 2, cols: 3, azimuthDeg, prefix: 'A', firstNumber: 1, anchorMode: 'nw', anchor }, EPSG_NV);
const axial = (a: number, b: number) => Math.min(angleDiff(a, b), angleDiff(a + 180, b));

describe('longAxisDeg', () => {
  it.each([0, 15, 45, 90, 150, 179])('reads a grid generated at %s° back as its axis', (az) => {
    const axis = longAxisDeg(grid(az).map((c) => c.corners));
    expect(axis).not.toBeNull();
    expect(axis!).toBeGreaterThanOrEqual(0);
    expect(axis!).toBeLessThan(180);
    expect(axial(axis!, az)).toBeLessThan(0.01);
  });

  it('follows a rotation made after generating', () => {
    const turned = rotateClaims(grid(0), null, 15);
    expect(axial(longAxisDeg(turned.map((c) => c.corners))!, 15)).toBeLessThan(0.01);
  });

  it('placers (1,320 × 660, north-south) read 0°; a square has no long axis', () => {
    expect(axial(longAxisDeg(grid(0, 'placer').map((c) => c.corners))!, 0)).toBeLessThan(0.01);
    const [x, y] = anchor;
    expect(longAxisDeg([[[x, y], [x + 100, y], [x + 100, y - 100], [x, y - 100]]])).toBeNull();
    expect(longAxisDeg([])).toBeNull();
  });
});

describe('orientAxis', () => {
  it('picks the end of the axis facing the hint', () => {
    expect(orientAxis(15, 0)).toBe(15);
    expect(orientAxis(15, 180)).toBe(195);
    expect(orientAxis(150, 0)).toBe(330);
    expect(orientAxis(150, 120)).toBe(150);
  });
});
