import { describe, expect, it } from 'vitest';
import { groundDistanceFt } from '../../shared/geo/ground';
import { utmConverter } from '../../shared/geo/utm';
import { mapContent } from '../../shared/documents/map-content';
import { gridConvergenceDeg, mapProjection } from '../../shared/documents/map-frame';
import { gridAreaM2 } from '../../shared/geo/ground';
import { clipRing, rectContains, ringCentroid, ringMeetsRect } from '../../shared/documents/map-geometry';
import { mapSheetLayout } from '../../shared/documents/map-layout';
import {
  DEFAULT_MAP_SHEET_RULE,
  NICE_FEET_PER_INCH,
  finestFittingScale,
  gridMetresPerInch,
  mapSheetRule,
  planMapSheets,
  type MapPlan,
} from '../../shared/documents/map-sheets';
import { samplePackageModel, type FixtureOptions } from '../helpers/package-fixtures';

function planFor(options: FixtureOptions, tableRows = 0): { plan: MapPlan; content: ReturnType<typeof mapContent> } {
  const model = samplePackageModel(options);
  const content = mapContent(model, 'claim-map');
  const plan = planMapSheets({
    rule: mapSheetRule(model.stateCode),
    claims: content.claims.map((c) => ({ id: c.claim.id, ring: c.ring })),
    optional: content.tie ? [content.tie.utm] : [],
    scaleFactor: content.scaleFactor,
    tableRows,
  });
  return { plan, content };
}

const sorted = (size: readonly number[]): number[] => [...size].sort((a, b) => a - b);

describe('map sheet rules', () => {
  it('Nevada: legal 8.5 × 14 in, 500 ft/in or larger, a 3 × 3 in recording block, portrait', () => {
    const rule = mapSheetRule('NV');
    expect(rule).toMatchObject({ sheet: 'legal', sheetIn: [8.5, 14], maxFeetPerInch: 500, recordingBlockIn: 3, orientations: ['portrait'] });
    expect(rule.source).toContain('NRS 517.040');
    const { plan } = planFor({ state: 'NV', rows: 2, cols: 4 }, 8);
    expect(plan.pages[0]!.layout.pageIn).toEqual([8.5, 14]);
    expect(plan.feetPerInch).toBeLessThanOrEqual(500);
    const recording = plan.pages[0]!.layout.recording!;
    expect(recording).toEqual({ x: 5.5, y: 11, w: 3, h: 3 });
    // Nothing else may reach into the recorder's square.
    for (const r of [plan.pages[0]!.layout.title, plan.pages[0]!.layout.map!]) {
      expect(r.x + r.w <= recording.x || r.y + r.h <= recording.y).toBe(true);
    }
  });

  it('Arizona: at most 8.5 × 14 in and 1 in ≤ 2,000 ft', () => {
    const rule = mapSheetRule('az');
    expect(rule.maxFeetPerInch).toBe(2000);
    const { plan } = planFor({ state: 'AZ', rows: 3, cols: 6 }, 18);
    const [short, long] = sorted(plan.pages[0]!.layout.pageIn);
    expect(short).toBeLessThanOrEqual(8.5);
    expect(long).toBeLessThanOrEqual(14);
    expect(plan.feetPerInch).toBeLessThanOrEqual(2000);
    expect(plan.rule.recordingBlockIn).toBeNull();
  });

  it('Idaho, Wyoming, Montana and unknown states: letter, no coarser than the default limit', () => {
    for (const state of ['ID', 'WY', 'MT', null]) {
      expect(mapSheetRule(state)).toBe(DEFAULT_MAP_SHEET_RULE);
    }
    expect(DEFAULT_MAP_SHEET_RULE.sheetIn).toEqual([8.5, 11]);
    const { plan } = planFor({ state: 'ID', rows: 2, cols: 2 }, 4);
    expect(sorted(plan.pages[0]!.layout.pageIn)).toEqual([8.5, 11]);
    expect(plan.feetPerInch).toBeLessThanOrEqual(DEFAULT_MAP_SHEET_RULE.maxFeetPerInch);
    expect(mapSheetRule('AK')).toMatchObject({ sheetIn: [8.5, 11], maxFeetPerInch: 5280 });
  });
});

describe('planMapSheets', () => {
  it('picks the finest nice scale the claims fit at: the next finer one does not fit', () => {
    const { plan, content } = planFor({ state: 'NV', rows: 1, cols: 1, withTie: false }, 1);
    expect(NICE_FEET_PER_INCH).toContain(plan.feetPerInch as (typeof NICE_FEET_PER_INCH)[number]);
    expect(plan.pages).toHaveLength(1);
    const page = plan.pages[0]!;
    if (page.kind !== 'map') throw new Error('expected a map page');
    const extent = { minE: Infinity, minN: Infinity, maxE: -Infinity, maxN: -Infinity };
    for (const [e, n] of content.claims[0]!.ring) Object.assign(extent, { minE: Math.min(extent.minE, e), minN: Math.min(extent.minN, n), maxE: Math.max(extent.maxE, e), maxN: Math.max(extent.maxN, n) });
    expect(finestFittingScale(extent, page.layout.map!, content.scaleFactor)).toBe(plan.feetPerInch);
    const finer = NICE_FEET_PER_INCH.filter((s) => s < plan.feetPerInch);
    expect(finestFittingScale(extent, page.layout.map!, content.scaleFactor, finer)).toBeNull();
    // Every claim corner sits on the sheet.
    for (const p of content.claims[0]!.ring) expect(rectContains(page.window, p)).toBe(true);
    expect(plan.scaleDenominator).toBe(plan.feetPerInch * 12);
  });

  it('tiles a 20 × 20 block over several sheets at the state limit, with an index, and covers every claim', () => {
    const { plan, content } = planFor({ state: 'NV', rows: 20, cols: 20 }, 400);
    expect(plan.tiled).toBe(true);
    expect(plan.feetPerInch).toBe(500);
    expect(plan.pages[0]!.kind).toBe('index');
    const maps = plan.pages.filter((p) => p.kind === 'map');
    expect(maps.length).toBeGreaterThan(4);
    expect(plan.pages.filter((p) => p.kind === 'table').length).toBeGreaterThan(0);
    expect(plan.pages.map((p) => p.number)).toEqual(plan.pages.map((_, k) => k + 1));
    const mpi = gridMetresPerInch(500, content.scaleFactor);
    for (const page of maps) {
      // Each sheet's window is its neatline at 1 in = 500 ft, and holds claims.
      expect(page.window.maxE - page.window.minE).toBeCloseTo(page.layout.map!.w * mpi, 6);
      expect(page.window.maxN - page.window.minN).toBeCloseTo(page.layout.map!.h * mpi, 6);
      expect(page.claimIds.length).toBeGreaterThan(0);
      const n = page.neighbours;
      for (const [dir, back] of [['north', 'south'], ['east', 'west']] as const) {
        const other = maps.find((m) => m.number === n[dir]);
        if (other) expect(other.neighbours[back]).toBe(page.number);
      }
    }
    for (const claim of content.claims) {
      expect(maps.some((m) => m.claimIds.includes(claim.claim.id) && ringMeetsRect(claim.ring, m.window))).toBe(true);
      for (const corner of claim.ring) expect(maps.some((m) => rectContains(m.window, corner))).toBe(true);
    }
    const index = plan.pages[0]!;
    if (index.kind !== 'index') throw new Error('expected the index first');
    for (const claim of content.claims) for (const corner of claim.ring) expect(rectContains(index.window, corner)).toBe(true);
  });

  it('gives a claim far from the block one more sheet, not the empty grid in between', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2, withTie: false });
    const content = mapContent(model, 'claim-map');
    const claims = content.claims.map((c, k) => ({ id: c.claim.id, ring: k === 3 ? c.ring.map(([e, n]) => [e + 80_000, n + 40_000] as [number, number]) : c.ring }));
    const plan = planMapSheets({ rule: mapSheetRule('NV'), claims, scaleFactor: content.scaleFactor, tableRows: 4 });
    const maps = plan.pages.filter((p) => p.kind === 'map');
    expect(plan.tiled).toBe(true);
    expect(maps.length).toBeLessThanOrEqual(4);
    for (const claim of claims) expect(maps.some((m) => m.claimIds.includes(claim.id))).toBe(true);
  });

  it('keeps a filing map’s bearings table on the sheet when it costs at most one scale step', () => {
    const { plan } = planFor({ state: 'NV', rows: 1, cols: 2 }, 2);
    expect(plan.tableOnMap).toBe(true);
    expect(plan.pages.map((p) => p.kind)).toEqual(['map']);
  });
});

describe('map projection and geometry', () => {
  it('round-trips paper and grid, and one paper inch is the stated number of ground feet', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
    const content = mapContent(model, 'claim-map');
    const layout = mapSheetLayout([8.5, 14], 'portrait', 3, 0);
    const mpi = gridMetresPerInch(500, content.scaleFactor);
    const frame = { x: layout.map!.x * 72, y: layout.map!.y * 72, w: layout.map!.w * 72, h: layout.map!.h * 72 };
    const [ce, cn] = content.centre;
    const window = { minE: ce - (layout.map!.w * mpi) / 2, minN: cn - (layout.map!.h * mpi) / 2, maxE: ce + (layout.map!.w * mpi) / 2, maxN: cn + (layout.map!.h * mpi) / 2 };
    const proj = mapProjection(window, frame);
    for (const claim of content.claims) {
      for (const p of claim.ring) {
        const back = proj.toGrid(proj.toPaper(p));
        expect(back[0]).toBeCloseTo(p[0], 6);
        expect(back[1]).toBeCloseTo(p[1], 6);
      }
    }
    const a = proj.toGrid([frame.x + 100, frame.y + 200]);
    const b = proj.toGrid([frame.x + 100 + 72, frame.y + 200]);
    expect(groundDistanceFt(model.epsg, a, b)).toBeCloseTo(500, 0);
    expect(proj.toPaper(content.centre)[0]).toBeCloseTo(frame.x + frame.w / 2, 6);
  });

  it('measures convergence with the sign of the formula: grid north west of true north west of the central meridian', () => {
    const { toUtm } = utmConverter(26911); // central meridian 117° W
    for (const [lon, lat] of [[-117.9, 40.2], [-116.2, 44.1], [-117, 38]] as const) {
      const expected = (Math.atan(Math.tan(((lon + 117) * Math.PI) / 180) * Math.sin((lat * Math.PI) / 180)) * 180) / Math.PI;
      expect(gridConvergenceDeg(26911, toUtm([lon, lat]))).toBeCloseTo(expected, 3);
    }
  });

  it('clips a claim to a sheet window', () => {
    const ring: [number, number][] = [[0, 0], [100, 0], [100, 50], [0, 50]];
    const half = clipRing(ring, { minE: 50, minN: -10, maxE: 200, maxN: 100 });
    expect(gridAreaM2(half)).toBeCloseTo(2500, 6);
    expect(ringCentroid(half)).toEqual([75, 25]);
    expect(ringMeetsRect(ring, { minE: 100, minN: 0, maxE: 200, maxN: 50 })).toBe(false);
  });
});

describe('mapContent', () => {
  it('leaves a claim without corners or with NaN coordinates off the map, with a problem for each', () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2 });
    model.claims[1]!.corners = [];
    model.claims[2]!.corners[0]!.utm = [Number.NaN, Number.NaN];
    const content = mapContent(model, 'claim-map');
    expect(content.claims.map((c) => c.claim.name)).toEqual([model.claims[0]!.name, model.claims[3]!.name]);
    expect(content.problems).toEqual([
      expect.objectContaining({ document: 'claim-map', claim: model.claims[1]!.name }),
      expect.objectContaining({ document: 'claim-map', claim: model.claims[2]!.name }),
    ]);
    expect(Number.isFinite(content.scaleFactor)).toBe(true);
  });
});
