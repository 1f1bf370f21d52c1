import { describe, expect, it } from 'vitest';
import { FOOT_M, utmConverter, utmScaleFactor, type Utm } from '../../shared/geo/utm';
import { groundDistanceFt } from '../../shared/geo/ground';
import type { LayoutClaim, MonumentSettings } from '../../shared/layout/layout.types';
import { claimFrame, type ClaimFrame } from '../../shared/claims/claim-frame';
import { effectiveCorner1, numberCorners } from '../../shared/claims/corner-numbering';
import { deriveMonuments, describeInset, uniqueCornerPositions, type Monument } from '../../shared/claims/monuments';
import { DEFAULT_STATE_RULE, STATE_RULES, stateRule } from '../../shared/claims/state-rules';
import { US_STATES, stateName } from '../../shared/geo/us-states';

const EPSG = 26911;
const ORIGIN = utmConverter(EPSG).toUtm([-117.2, 39.6]);
const K = utmScaleFactor(EPSG, ORIGIN);
const g = (ft: number): number => ft * FOOT_M * K; // ground feet → grid metres

/** 1,500 × 600 ft lode in grid order: start-left, end-left, end-right, start-right. */
function lode(name: string, azimuthDeg = 0, eastFt = 0, source: LayoutClaim['source'] = 'grid'): LayoutClaim {
  const az = (azimuthDeg * Math.PI) / 180;
  const at = (a: number, r: number): Utm => [
    ORIGIN[0] + g(eastFt) + g(a) * Math.sin(az) + g(r) * Math.cos(az),
    ORIGIN[1] + g(a) * Math.cos(az) - g(r) * Math.sin(az),
  ];
  return { id: name, name, kind: 'lode', source, corners: [at(0, 0), at(1500, 0), at(1500, 600), at(0, 600)] };
}

const SETTINGS: MonumentSettings = { insetFt: 25, corner1: 'SE', lmCorner: 1 };
const kinds = (monuments: Monument[]): string[] => monuments.map((m) => `${m.kind}:${m.label}`);
const near = (a: Utm, b: Utm): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

function expectSameFrame(a: ClaimFrame, b: ClaimFrame): void {
  expect(a.azimuthDeg).toBeCloseTo(b.azimuthDeg, 9);
  for (const key of ['startLeft', 'endLeft', 'endRight', 'startRight'] as const) {
    expect(near(a.corners[key], b.corners[key])).toBeLessThan(1e-9);
  }
}

describe('claimFrame', () => {
  it('follows the grid convention: at azimuth 0, start-left is SW and the azimuth is 0', () => {
    const claim = lode('A');
    const frame = claimFrame(claim)!;
    expect(frame.azimuthDeg).toBeCloseTo(0, 9);
    expect(frame.corners).toEqual({ startLeft: claim.corners[0], endLeft: claim.corners[1], endRight: claim.corners[2], startRight: claim.corners[3] });
    expect(frame.centerlineM).toBeCloseTo(g(1500), 9);
  });

  it('keeps a grid claim laid out at azimuth 200° at 200°', () => {
    expect(claimFrame(lode('B', 200))!.azimuthDeg).toBeCloseTo(200, 9);
  });

  it('gives the same frame for a rotated order claim whatever its vertex order or orientation', () => {
    const base = lode('R', 37, 0, 'order');
    const reference = claimFrame(base)!;
    expect(reference.azimuthDeg).toBeCloseTo(37, 9);
    const c = base.corners;
    const scrambles: Utm[][] = [
      [c[2]!, c[3]!, c[0]!, c[1]!],
      [c[1]!, c[0]!, c[3]!, c[2]!], // counter-clockwise
      [c[3]!, c[2]!, c[1]!, c[0]!],
      [...c, c[0]!], // closed ring
    ];
    for (const corners of scrambles) expectSameFrame(claimFrame({ ...base, corners })!, reference);
    // An order claim drawn "backwards" at 217° is normalised to start at its south-west end.
    expect(claimFrame({ ...lode('S', 217, 0, 'order') })!.azimuthDeg).toBeCloseTo(37, 9);
  });

  it('returns null for a shape that is not a quadrilateral', () => {
    const claim = lode('T');
    expect(claimFrame({ ...claim, corners: claim.corners.slice(0, 3) })).toBeNull();
  });
});

describe('corner numbering', () => {
  it('numbers clockwise from the corner that really lies in the chosen direction, whatever the claim frame', () => {
    const frame = claimFrame(lode('A', 90))!; // runs east: the frame's end-right corner is the ground's south-east
    const numbered = numberCorners(frame, 'SW', EPSG);
    expect(numbered.map((c) => `${c.number}${c.position}`)).toEqual(['1SW', '2NW', '3NE', '4SE']);
    // Corner 1 is the corner south-west of the centre on the ground: west and south of every other corner's centre.
    const c = numbered.map((n) => n.utm);
    expect(c[0]![0]).toBeLessThan(c[2]![0]);
    expect(c[0]![1]).toBeLessThan(c[2]![1]);
    expect(numbered[3]!.utm).toEqual(frame.corners.endRight);
    // Clockwise seen from above: negative shoelace area in x-east, y-north.
    const twice = c.reduce((s, p, i) => s + p[0] * c[(i + 1) % 4]![1] - c[(i + 1) % 4]![0] * p[1], 0);
    expect(twice).toBeLessThan(0);
    expect(numberCorners(frame, 'SE', EPSG).map((n) => n.position)).toEqual(['SE', 'SW', 'NW', 'NE']);
  });

  it('fixes Alaska at 1 = NE, 2 = SE, 3 = SW, 4 = NW regardless of the setting', () => {
    expect(effectiveCorner1(stateRule('AK'), { corner1: 'SW' })).toBe('NE');
    expect(effectiveCorner1(stateRule('NV'), { corner1: 'SW' })).toBe('SW');
    const { corners, notes } = deriveMonuments([lode('A')], { ...SETTINGS, corner1: 'SW' }, 'AK', EPSG);
    expect(corners.map((c) => `${c.number}${c.position}`)).toEqual(['1NE', '2SE', '3SW', '4NW']);
    expect(notes.join(' ')).toContain('Alaska fixes Corner 1 at NE');
  });
});

describe('monuments per state', () => {
  it('Nevada: one discovery monument on the centerline, 25.00 ground ft inside the start end line', () => {
    const claim = lode('GE 1', 23);
    const frame = claimFrame(claim)!;
    const { monuments, corners } = deriveMonuments([claim], SETTINGS, 'NV', EPSG);
    expect(kinds(monuments)).toEqual(['discovery:DM']);
    const dm = monuments[0]!;
    expect(groundDistanceFt(EPSG, frame.startMid, dm.utm)).toBeCloseTo(25, 2);
    const offCenterline = (dm.utm[0] - frame.startMid[0]) * frame.right[0] + (dm.utm[1] - frame.startMid[1]) * frame.right[1];
    expect(Math.abs(offCenterline)).toBeLessThan(1e-6);
    const [lon, lat] = utmConverter(EPSG).toLonLat(dm.utm);
    expect(dm.lonLat).toEqual([lon, lat]);
    expect(corners).toHaveLength(4);
    // Turned 23°, the corner nearest the south-east lies due south of the centre: it is labelled for where it is.
    expect(corners[0]).toMatchObject({ claimId: 'GE 1', claimName: 'GE 1', number: 1, position: 'S' });
  });

  it('Idaho and New Mexico: a location monument at the chosen corner, and the lode discovery point on the centerline', () => {
    const claim = lode('ID 1');
    const { monuments, corners } = deriveMonuments([claim], { ...SETTINGS, lmCorner: 3 }, 'ID', EPSG);
    // The lode's discovery point stays on the centerline: a lode description begins there (43 CFR 3832.12).
    expect(kinds(monuments)).toEqual(['location:LM (Corner 3)', 'discovery:DM']);
    const corner3 = corners.find((c) => c.number === 3)!;
    expect(corner3.position).toBe('NW'); // SE = 1, SW = 2, NW = 3
    expect(monuments[0]!.utm).toEqual(corner3.utm);
    expect(kinds(deriveMonuments([claim], SETTINGS, 'nm', EPSG).monuments)).toEqual(['location:LM (Corner 1)', 'discovery:DM']);
  });

  it('Wyoming: side-line centres; Arizona: end-line centres; South Dakota: both', () => {
    const claim = lode('C', 60);
    const frame = claimFrame(claim)!;
    const wy = deriveMonuments([claim], SETTINGS, 'WY', EPSG).monuments;
    expect(kinds(wy)).toEqual(['discovery:DM', 'sideline:S/C 1', 'sideline:S/C 2']);
    expect(wy[1]!.utm).toEqual(frame.leftMid);
    expect(groundDistanceFt(EPSG, wy[1]!.utm, frame.corners.startLeft)).toBeCloseTo(750, 2);
    const az = deriveMonuments([claim], SETTINGS, 'AZ', EPSG).monuments;
    expect(kinds(az)).toEqual(['discovery:DM', 'endline:E/C 1', 'endline:E/C 2']);
    expect(groundDistanceFt(EPSG, az[2]!.utm, frame.corners.endRight)).toBeCloseTo(300, 2);
    expect(kinds(deriveMonuments([claim], SETTINGS, 'SD', EPSG).monuments)).toEqual([
      'discovery:DM', 'sideline:S/C 1', 'sideline:S/C 2', 'endline:E/C 1', 'endline:E/C 2',
    ]);
    expect(kinds(deriveMonuments([claim], SETTINGS, 'MT', EPSG).monuments)).toEqual(['discovery:DM']);
  });

  it('placer claims get corners but no centerline monument, with a note', () => {
    const placer: LayoutClaim = { ...lode('P'), kind: 'placer' };
    const { monuments, corners, notes } = deriveMonuments([placer], SETTINGS, 'NV', EPSG);
    expect(monuments).toEqual([]);
    expect(corners).toHaveLength(4);
    expect(notes.join(' ')).toMatch(/1 placer claim: corner monuments only, no centerline discovery monument/);
  });

  it('a non-quadrilateral claim keeps its corners (numbered in ring order) and gets a note', () => {
    const claim = lode('Odd');
    claim.corners.splice(2, 0, [claim.corners[1]![0] + 50, claim.corners[1]![1] + 20]);
    const { corners, monuments, notes } = deriveMonuments([claim], SETTINGS, 'NV', EPSG);
    expect(corners.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    expect(monuments).toEqual([]);
    expect(notes[0]).toContain("Claim 'Odd' is not a 4-corner claim");
  });

  it('reports shared corners per claim, and uniqueCornerPositions merges them', () => {
    const { corners } = deriveMonuments([lode('A'), lode('B', 0, 600)], SETTINGS, 'NV', EPSG);
    expect(corners).toHaveLength(8);
    const unique = uniqueCornerPositions(corners);
    expect(unique).toHaveLength(6);
    expect(unique.filter((u) => u.claims.length === 2)).toHaveLength(2);
    expect(uniqueCornerPositions(corners, 0)).toHaveLength(6);
  });

  it('describes the inset for the UI', () => {
    expect(describeInset(SETTINGS)).toBe('25 ft inside the start (south, at azimuth 0) end line, on the centerline');
    expect(describeInset({ insetFt: 12.5, lmCorner: 2 }, 'ID')).toContain('At Corner 2');
  });
});

describe('state rules table', () => {
  it('covers the western states, each with its sources, and falls back to DEFAULT', () => {
    for (const code of ['NV', 'AZ', 'UT', 'ID', 'WY', 'MT', 'CO', 'CA', 'NM', 'OR', 'WA', 'AK', 'SD']) {
      const rule = STATE_RULES[code]!;
      expect(rule.code).toBe(code);
      expect(rule.name).toBe(stateName(code));
      expect(rule.sources.length).toBeGreaterThan(0);
    }
    expect(US_STATES).toHaveLength(51);
    expect(stateRule('nv')).toBe(STATE_RULES.NV);
    expect(stateRule(null)).toBe(DEFAULT_STATE_RULE);
    expect(stateRule('TX')).toBe(DEFAULT_STATE_RULE);
    const corner = Object.values(STATE_RULES).filter((r) => r.lm === 'corner').map((r) => r.code);
    expect(corner.sort()).toEqual(['ID', 'NM']);
    expect(stateRule('WY').notes.some((n) => n.includes('[VERIFY'))).toBe(true);
    expect([stateRule('NV').monumentDescriptionRequired, stateRule('CA').monumentDescriptionRequired, stateRule('AZ').monumentDescriptionRequired]).toEqual([true, true, false]);
    expect(stateRule('NV').postedNoticeSeparate && stateRule('AK').postedNoticeSeparate && !stateRule('AZ').postedNoticeSeparate).toBe(true);
    expect(stateRule('NV').placerNoticeStatute).toBe('NRS 517.110');
  });
});
