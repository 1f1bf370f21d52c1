import { describe, expect, it } from 'vitest';
import { formatBearing, generalCourse, trueCourse } from '../../shared/documents/bearing-format';
import { routeLengthM, stakingRoute } from '../../shared/documents/staking-route';
import { buildPackageModel } from '../../shared/documents/package-model';
import { geodesicDistanceM } from '../../shared/geo/ground';
import { FOOT_M, type Utm } from '../../shared/geo/utm';
import { samplePackageModel, samplePackageSource } from '../helpers/package-fixtures';

describe('package model', () => {
  it('measures lode claims on the ground: 1,500 × 600 ft, 25 ft from the start end line, 300 ft each side', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2 });
    expect(model.claims).toHaveLength(4);
    for (const claim of model.claims) {
      expect(claim.frame!.lengthFt).toBeCloseTo(1500, 2);
      expect(claim.frame!.widthFt).toBeCloseTo(600, 2);
      expect(claim.frame!.fromDiscoveryFt!.start).toBeCloseTo(25, 2);
      expect(claim.frame!.fromDiscoveryFt!.end).toBeCloseTo(1475, 2);
      expect(claim.frame!.sideWidthFt.left).toBeCloseTo(300, 2);
      expect(claim.areaAcres).toBeCloseTo(20.661, 2);
      // Courses close the ring: 1→2→3→4→1 with ground lengths 600/1500.
      expect(claim.courses.map((c) => [c.from, c.to])).toEqual([[1, 2], [2, 3], [3, 4], [4, 1]]);
      expect(claim.courses.map((c) => Math.round(c.distanceFt))).toEqual([600, 1500, 600, 1500]);
    }
  });

  it('gives true bearings: a grid laid at grid azimuth 15° runs at 15° minus the convergence', () => {
    const model = samplePackageModel({ state: 'NV', azimuthDeg: 15 });
    const course = model.claims[0]!.frame!.courseDeg;
    // Pershing County NV lies west of zone 11's central meridian (−117°) by a little; convergence is under 0.1°.
    expect(Math.abs(course - 15)).toBeLessThan(0.2);
    expect(Math.abs(course - 15)).toBeGreaterThan(0);
    // Geodesic check of one course against the corner positions.
    const [c1, c2] = model.claims[0]!.corners;
    expect(model.claims[0]!.courses[0]!.distanceFt).toBeCloseTo(geodesicDistanceM(c1!.lonLat, c2!.lonLat) / FOOT_M, 6);
  });

  it('writes each physical post once: shared corners of adjacent claims become one post with every marking', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2 });
    const cornerPosts = model.posts.filter((p) => p.kind === 'corner');
    expect(cornerPosts).toHaveLength(9); // a 2 × 2 block has 3 × 3 corner posts
    const centre = cornerPosts.find((p) => p.markings.length === 4)!;
    expect(new Set(centre.markings.map((m) => m.claim)).size).toBe(4);
    expect(model.posts.filter((p) => p.kind === 'discovery')).toHaveLength(4);
    expect(model.posts.map((p) => p.id)).toEqual(model.posts.map((_, k) => `P${k + 1}`));
    // Every claim corner and monument points at a post that exists.
    const ids = new Set(model.posts.map((p) => p.id));
    for (const claim of model.claims) for (const c of [...claim.corners, ...claim.monuments]) expect(ids.has(c.postId)).toBe(true);
  });

  it('puts the Idaho location monument on a corner post, and still marks the lode discovery point (43 CFR 3832.12)', () => {
    const model = samplePackageModel({ state: 'ID', rows: 1, cols: 1 });
    // Four corners and the discovery point: the LM adds no post of its own.
    expect(model.posts).toHaveLength(5);
    expect(model.claims[0]!.frame!.fromDiscoveryFt!.start).toBeCloseTo(25, 2);
    expect(model.posts.some((p) => p.markings.some((m) => m.designation.startsWith('LM')))).toBe(true);
    // The notice is posted on the LM corner (IC 47-602).
    const lm = model.claims[0]!.monuments.find((m) => m.kind === 'location')!;
    expect(model.claims[0]!.notice.postId).toBe(lm.postId);
  });

  it('ties Corner 1 of the first claim to the reference point by true bearing and ground distance', () => {
    const model = samplePackageModel({ state: 'NV' });
    const tie = model.tie!;
    const check = trueCourse(model.claims[0]!.corners[0]!.lonLat, tie.lonLat);
    expect(tie.bearingDeg).toBeCloseTo(check.bearingDeg, 9);
    expect(tie.distanceFt).toBeCloseTo(check.distanceM / FOOT_M, 6);
    expect(tie.fromCorner).toBe(1);
    expect(samplePackageModel({ withTie: false }).tie).toBeNull();
  });

  it('keeps an unknown state and a blank date of location as nulls the documents print as blank lines', () => {
    const source = samplePackageSource({ dateOfLocation: '' });
    const model = buildPackageModel({ ...source, stateCode: null }, { preparedOn: '2026-11-22', generator: { name: 'ClaimDesk', version: 't' } });
    expect(model.stateCode).toBeNull();
    expect(model.stateName).toBe('');
    expect(model.dateOfLocation).toBeNull();
  });
});

describe('bearing format', () => {
  it('prints quadrant bearings to the second', () => {
    expect(formatBearing(0)).toBe(`N 0°00'00" E`);
    expect(formatBearing(100.5)).toBe(`S 79°30'00" E`);
    expect(formatBearing(270)).toBe(`N 90°00'00" W`);
    expect(formatBearing(359.99999)).toBe(`N 0°00'00" W`);
    expect(formatBearing(225.25)).toBe(`S 45°15'00" W`);
    expect(generalCourse(0.2)).toBe('due north');
    // The general course keeps the centerline's own direction: never its reverse.
    expect(generalCourse(195)).toBe('S 15° W');
    expect(generalCourse(100)).toBe('S 80° E');
    expect(generalCourse(92.0325)).toBe('S 88° E');
    expect(generalCourse(350)).toBe('N 10° W');
  });
});

describe('staking route', () => {
  it('visits every post once from the south-west, and 2-opt never makes the walk longer', () => {
    const points: Utm[] = [];
    for (let i = 0; i < 6; i += 1) for (let j = 0; j < 5; j += 1) points.push([i * 183 + (j % 2) * 7, j * 457 + (i % 3) * 3]);
    const route = stakingRoute(points);
    expect([...route].sort((a, b) => a - b)).toEqual(points.map((_, k) => k));
    expect(route[0]).toBe(0);
    // Nearest-neighbour alone, for comparison.
    const nn = [0];
    const left = new Set(points.map((_, k) => k).slice(1));
    while (left.size > 0) {
      const here = points[nn[nn.length - 1]!]!;
      let best = -1;
      for (const k of left) if (best < 0 || Math.hypot(points[k]![0] - here[0], points[k]![1] - here[1]) < Math.hypot(points[best]![0] - here[0], points[best]![1] - here[1]) - 1e-9) best = k;
      nn.push(best);
      left.delete(best);
    }
    expect(routeLengthM(points, route)).toBeLessThanOrEqual(routeLengthM(points, nn) + 1e-6);
    expect(stakingRoute([])).toEqual([]);
  });
});
