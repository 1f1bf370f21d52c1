import { describe, expect, it } from 'vitest';
import { FOOT_M, utmConverter, utmScaleFactor, type Utm } from '../../shared/geo/utm';
import { groundAreaAcres, groundDistanceFt } from '../../shared/geo/ground';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { alignCorners, findNearMissCorners, validateLayout, type LayoutIssue } from '../../shared/claims/validate-layout';

// Near the east edge of UTM 11 (k ≈ 1.0004): grid and ground differ by 0.6 ft over 1,500 ft here.
const EPSG = 26911;
const ORIGIN = utmConverter(EPSG).toUtm([-114.3, 40.5]);
const K = utmScaleFactor(EPSG, ORIGIN);
/** Ground feet → grid metres (grid = ground × k). */
const g = (ft: number): number => ft * FOOT_M * K;

/** Lode claim in grid order (start-left, end-left, end-right, start-right); offsets in ground feet. */
function lode(name: string, opts: { eastFt?: number; northFt?: number; lengthFt?: number; widthFt?: number; azimuthDeg?: number } = {}): LayoutClaim {
  const { eastFt = 0, northFt = 0, lengthFt = 1500, widthFt = 600, azimuthDeg = 0 } = opts;
  const az = (azimuthDeg * Math.PI) / 180;
  const along: Utm = [Math.sin(az), Math.cos(az)];
  const right: Utm = [Math.cos(az), -Math.sin(az)];
  const o: Utm = [ORIGIN[0] + g(eastFt), ORIGIN[1] + g(northFt)];
  const at = (a: number, r: number): Utm => [o[0] + g(a) * along[0] + g(r) * right[0], o[1] + g(a) * along[1] + g(r) * right[1]];
  return { id: name, name, kind: 'lode', source: 'grid', corners: [at(0, 0), at(lengthFt, 0), at(lengthFt, widthFt), at(0, widthFt)] };
}

function placer(name: string, acres: number): LayoutClaim {
  const side = g(Math.sqrt(acres * 43560));
  const [x, y] = ORIGIN;
  return { id: name, name, kind: 'placer', source: 'grid', corners: [[x, y], [x, y + side], [x + side, y + side], [x + side, y]] };
}

const codes = (issues: LayoutIssue[]): string[] => issues.map((i) => i.code);
const run = (claims: LayoutClaim[], extra: Partial<Parameters<typeof validateLayout>[0]> = {}) => validateLayout({ claims, epsg: EPSG, ...extra });

describe('lode dimensions on the ground', () => {
  it('accepts a full 1,500 × 600 ft claim, also rotated, and the builder is ground-true', () => {
    const claim = lode('GE 1', { azimuthDeg: 37 });
    expect(groundDistanceFt(EPSG, claim.corners[0]!, claim.corners[1]!)).toBeCloseTo(1500, 2);
    expect(groundAreaAcres(EPSG, claim.corners)).toBeCloseTo(20.6612, 3);
    expect(run([claim, lode('GE 2', { eastFt: 5000 })])).toEqual({ problems: [], warnings: [] });
  });

  it('rejects a claim 20 ft too long and names it with the measured length', () => {
    const { problems } = run([lode('GE 3', { lengthFt: 1520 })]);
    const issue = problems.find((p) => p.code === 'lode_too_long');
    expect(issue).toMatchObject({ claimId: 'GE 3', claim: 'GE 3' });
    expect(issue?.message).toBe("Claim 'GE 3' is 1,520.0 ft long on the ground; a lode claim may be at most 1,500 ft");
  });

  it('measures on the ground, not the grid: 1,500 grid-ft here is short of the limit, 1,500.5 ground ft is over', () => {
    expect(codes(run([lode('A', { lengthFt: 1500 / K })]).problems)).toEqual([]);
    expect(codes(run([lode('B', { lengthFt: 1500.5 })]).problems)).toEqual(['lode_too_long', 'lode_area_exceeded']);
  });

  it('rejects a claim wider than 300 ft each side of the centerline', () => {
    const { problems } = run([lode('W', { widthFt: 620 })]);
    expect(codes(problems)).toContain('lode_too_wide');
    expect(problems.find((p) => p.code === 'lode_too_wide')?.message).toContain('310.0 ft from its centerline');
  });

  it('rejects skewed end lines (1° out of parallel) and accepts parallel oblique ones', () => {
    const skewed = lode('S');
    const [x, y] = skewed.corners[2]!; // end-right corner: move it along the side line so the end line turns ~1°
    skewed.corners[2] = [x, y + g(600 * Math.tan(Math.PI / 180))];
    const bad = run([skewed]);
    expect(codes(bad.problems)).toContain('end_lines_not_parallel');
    expect(bad.problems.find((p) => p.code === 'end_lines_not_parallel')?.message).toMatch(/1\.00° out of parallel; they must be parallel within 0.25°/);

    const oblique = lode('P');
    for (const i of [1, 2]) oblique.corners[i] = [oblique.corners[i]![0], oblique.corners[i]![1] - g(5)];
    for (const i of [0, 1]) oblique.corners[i] = [oblique.corners[i]![0], oblique.corners[i]![1] + g(50)];
    const ok = run([oblique]);
    expect(codes(ok.problems)).toEqual([]);
    expect(codes(ok.warnings)).toEqual(['end_line_oblique']);
  });

  it('rejects a 21-acre lode and accepts 20.66 acres', () => {
    const big = lode('Big', { widthFt: 610 }); // 1500 × 610 ft = 21.0 acres
    expect(groundAreaAcres(EPSG, big.corners)).toBeCloseTo(21.005, 2);
    const issue = run([big]).problems.find((p) => p.code === 'lode_area_exceeded');
    expect(issue?.message).toBe("Claim 'Big' covers 21.01 acres on the ground; a lode claim may cover at most 20.66 acres");
    expect(codes(run([lode('Ok')]).problems)).not.toContain('lode_area_exceeded');
  });

  it('rejects a lode claim that is not a quadrilateral', () => {
    const five = lode('Five');
    five.corners.splice(2, 0, [five.corners[1]![0] + g(300), five.corners[1]![1] + g(10)]);
    expect(codes(run([five]).problems)).toEqual(['lode_not_four_corners']);
  });
});

describe('placer acreage per locator (43 CFR 3832.22(b))', () => {
  it('allows 20 acres for one locator, 40 for two, never more than 160', () => {
    expect(codes(run([placer('P1', 20)]).problems)).toEqual([]);
    const over = run([placer('P2', 40)]).problems;
    expect(over.map((p) => p.message)).toEqual(["Claim 'P2' covers 40.00 acres on the ground; a placer claim for one locator may cover at most 20 acres"]);
    expect(codes(run([placer('P2', 40)], { locatorCount: 2 }).problems)).toEqual([]);
    expect(codes(run([placer('P3', 170)], { locatorCount: 12 }).problems)).toEqual(['placer_area_exceeded']);
    expect(codes(run([placer('P3', 160)], { locatorCount: 8 }).problems)).toEqual([]);
  });
});

describe('geometry between claims', () => {
  it('reports an overlapping pair with the shared area and accepts neighbours sharing an edge', () => {
    const overlapping = run([lode('A'), lode('B', { eastFt: 500 })]).problems;
    expect(codes(overlapping)).toEqual(['overlap']);
    expect(overlapping[0]!.message).toMatch(/^Claims 'A' and 'B' overlap by 150,000 ft² \(3\.44 acres\)$/);
    expect(run([lode('A'), lode('B', { eastFt: 600 }), lode('C', { northFt: 1500 })])).toEqual({ problems: [], warnings: [] });
  });

  it('reports a bow-tie claim as self-intersecting', () => {
    const bow = lode('Bow');
    [bow.corners[1], bow.corners[2]] = [bow.corners[2]!, bow.corners[1]!];
    const { problems } = run([bow]);
    expect(codes(problems)).toEqual(['self_intersecting']);
    expect(problems[0]!.message).toContain("Claim 'Bow' crosses itself");
  });

  it('reports a repeated corner as an invalid ring', () => {
    const claim = lode('Dup');
    claim.corners[1] = claim.corners[0]!;
    expect(codes(run([claim]).problems)).toContain('invalid_ring');
  });

  it('warns about corners 0.3 m (1.0 ft) apart in feet, and alignCorners fixes them', () => {
    const a = lode('A');
    const b = lode('B', { eastFt: 600 });
    b.corners = b.corners.map(([x, y]) => [x, y + 0.3] as Utm); // slid 0.3 m along the shared edge: no overlap
    const before = run([a, b]);
    expect(codes(before.problems)).toEqual([]);
    expect(before.warnings.map((w) => w.message)).toEqual(["Claims 'A' and 'B' have 2 corners that nearly meet (up to 1.0 ft apart); use Align corners to make them one post"]);
    expect(findNearMissCorners([a, b], { minM: 0.01, maxM: 2 })).toHaveLength(2);
    expect(findNearMissCorners([a, b], { minM: 0.01, maxM: 0.2 })).toHaveLength(0);

    const aligned = alignCorners([a, b], 1);
    expect(aligned).toMatchObject({ clustersMerged: 2, cornersMoved: 4 });
    expect(aligned.maxShiftM).toBeCloseTo(0.15, 9);
    const [a2, b2] = aligned.claims as [LayoutClaim, LayoutClaim];
    expect(a2.corners[3]).toEqual(b2.corners[0]); // start-right of A is start-left of B
    expect(a2.corners[2]).toEqual(b2.corners[1]);
    expect(run(aligned.claims)).toEqual({ problems: [], warnings: [] });
    expect(alignCorners(aligned.claims, 1)).toMatchObject({ clustersMerged: 0, cornersMoved: 0 });
    // Already-meeting corners are not moved and the claim objects are kept.
    const again = alignCorners(aligned.claims, 1).claims;
    expect(again[0]).toBe(a2);
    expect(again[1]).toBe(b2);
  });
});

describe('order area, names and capacity', () => {
  it('flags claims outside or mostly outside the order polygons as problems, partly outside as a warning', () => {
    const order = [lode('O1').corners, lode('O2', { eastFt: 600 }).corners];
    const claims = [lode('In'), lode('Part', { eastFt: 600, northFt: 600 }), lode('Most', { eastFt: 600, northFt: -1440 }), lode('Away', { eastFt: 5000 })];
    const result = run(claims, { orderAreaRings: order });
    expect(result.problems).toEqual([
      { code: 'mostly_outside_order_area', message: "Claim 'Most' is 96% outside the order's area: move it onto the purchased ground", claimId: 'Most', claim: 'Most' },
      { code: 'outside_order_area', message: "Claim 'Away' lies outside the order's area", claimId: 'Away', claim: 'Away' },
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(["Claim 'Part' is 40% outside the order's area"]);
    expect(run([lode('Tiny', { northFt: 20 })], { orderAreaRings: order }).warnings).toEqual([]); // 1.3% outside
    // Three quarters outside (a layout shifted on purpose) is still a warning: only nine tenths and more block.
    const shifted = run([lode('Shifted', { northFt: -1125 })], { orderAreaRings: order });
    expect(shifted.problems).toEqual([]);
    expect(shifted.warnings.map((w) => w.message)).toEqual(["Claim 'Shifted' is 75% outside the order's area"]);
  });

  it('rejects duplicate claim names (case and spacing ignored)', () => {
    const b = { ...lode('x', { eastFt: 600 }), id: 'b', name: 'ge  1' };
    const { problems } = run([lode('GE 1'), b]);
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate_name', claimId: 'b' })]);
  });

  it('blocks more claims than purchased unless overridden, warns on fewer', () => {
    const claims = [lode('A'), lode('B', { eastFt: 600 }), lode('C', { eastFt: 1200 })];
    expect(run(claims, { claimsPurchased: 2 }).problems.map((p) => p.message)).toEqual([
      '3 claims are laid out but only 2 were purchased; remove 1 or record an override with a reason',
    ]);
    const overridden = run(claims, { claimsPurchased: 2, capacityOverride: { reason: 'Customer paid for a third by phone' } });
    expect(overridden.problems).toEqual([]);
    expect(overridden.warnings).toEqual([expect.objectContaining({ code: 'capacity_override', message: expect.stringContaining('Customer paid for a third by phone') })]);
    expect(codes(run(claims, { claimsPurchased: 2, capacityOverride: { reason: '  ' } }).problems)).toEqual(['capacity_exceeded']);
    expect(codes(run(claims, { claimsPurchased: 5 }).warnings)).toEqual(['capacity_under']);
    expect(run(claims, { claimsPurchased: 3 })).toEqual({ problems: [], warnings: [] });
    expect(codes(run([]).problems)).toEqual(['no_claims']);
  });
});

describe('speed', () => {
  it('validates a 1,000-claim grid (printed, not asserted) with no problems', () => {
    const claims: LayoutClaim[] = [];
    for (let r = 0; r < 25; r += 1) {
      for (let c = 0; c < 40; c += 1) {
        const az = (15 * Math.PI) / 180;
        const [alongFt, rightFt] = [-r * 1500, c * 600];
        claims.push(lode(`GE ${claims.length + 1}`, {
          azimuthDeg: 15,
          eastFt: alongFt * Math.sin(az) + rightFt * Math.cos(az),
          northFt: alongFt * Math.cos(az) - rightFt * Math.sin(az),
        }));
      }
    }
    run(claims); // warm-up (JIT, proj4 cache)
    const times: number[] = [];
    let result = run(claims, { claimsPurchased: 1000 });
    for (let i = 0; i < 7; i += 1) {
      const start = performance.now();
      result = run(claims, { claimsPurchased: 1000 });
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    console.log(`validateLayout: 1,000 lode claims in ${times[3]!.toFixed(1)} ms (median of 7)`);
    expect(result.problems).toEqual([]);
  });
});
