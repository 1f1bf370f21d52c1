/**
 * The incremental layout check (a LayoutCheckMemo kept between edits, as the renderer keeps one) against the check
 * from nothing, over a few hundred random edits of a lode and placer block laid across a township line: moves small
 * enough to make near misses and overlaps, renames into duplicates, deletions, additions, rotations, undo to an
 * older layout, and changes to what the rules read beside the claims (locators, State land in Alaska, the PLSS).
 * After every edit both must list exactly the same findings in the same order.
 */
import { describe, expect, it } from 'vitest';
import { LayoutCheckMemo } from '../../shared/claims/layout-check-memo';
import { checkJob, type CheckedJob } from '../../shared/jobs/check-job';
import { EMPTY_JOB_DOCUMENTS } from '../../shared/jobs/job.types';
import type { Utm } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import { addClaim, deleteClaims, moveClaims, renameClaims, rotateClaims } from '../../shared/layout/layout-edits';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { buildPlssIndex } from '../../shared/plss/plss-index';
import { FIXTURE_EPSG, fixtureArea, fixtureLayers, quarterQuarterBox, T39N_R55E } from '../helpers/plss-fixture';
import { seededRandom as random } from '../helpers/seeded-random';

const EPSG = FIXTURE_EPSG;
const plss = buildPlssIndex(fixtureArea(fixtureLayers([T39N_R55E, { township: 40, range: 55, dx: 0, dy: 1 }])), EPSG);

/** 4 × 6 lodes whose second row runs over the township line, every fifth one a placer (too big for one locator). */
function startingLayout(): LayoutClaim[] {
  const nene = quarterQuarterBox(T39N_R55E, 3, 'NENE');
  const anchor: Utm = [nene[0]![0] - 900, nene[1]![1] + 500];
  return generateGrid({ kind: 'lode', rows: 4, cols: 6, azimuthDeg: 0, prefix: 'MEMO', firstNumber: 1, anchorMode: 'nw', anchor }, EPSG).map((claim, i) =>
    i % 5 === 4 ? { ...claim, kind: 'placer' as const } : claim,
  );
}

function job(claims: LayoutClaim[], extra: { locators: number; stateLand: boolean }): CheckedJob {
  const coLocators = Array.from({ length: extra.locators - 1 }, (_, i) => ({ name: `Partner ${i + 2}`, address1: '1 Main St', address2: '', address3: '' }));
  return {
    order: { claimsPurchased: 20, orderClaims: [] },
    crs: { epsg: EPSG },
    layout: { claims },
    claimant: { claimantName: 'Memo Mining', address1: '1 Main St', address2: '', address3: '', district: '', monumentType: 'post', agentName: '', agentAddress: '', dateOfLocation: '', dateOfDiscovery: '', coLocators },
    location: { detectedState: 'NV', stateOverride: extra.stateLand ? 'AK' : null, landStatus: extra.stateLand ? 'state' : 'federal' },
    documents: EMPTY_JOB_DOCUMENTS,
    capacityOverride: null,
  };
}

type Edit = (claims: LayoutClaim[], rnd: () => number) => LayoutClaim[];

const pick = (claims: LayoutClaim[], rnd: () => number, most = 3): string[] => {
  const ids = new Set<string>();
  const count = 1 + Math.floor(rnd() * most);
  for (let i = 0; i < count && claims.length > 0; i += 1) ids.add(claims[Math.floor(rnd() * claims.length)]!.id);
  return [...ids];
};

/** Feet: mostly within the near-miss band (under 2 m), sometimes across a neighbour, sometimes far. */
const distanceFt = (rnd: () => number): number => {
  const r = rnd();
  const size = r < 0.5 ? 0.05 + rnd() * 6 : r < 0.85 ? 20 + rnd() * 400 : 2000 + rnd() * 6000;
  return rnd() < 0.5 ? -size : size;
};

const EDITS: Edit[] = [
  (claims, rnd) => moveClaims(claims, pick(claims, rnd), distanceFt(rnd), distanceFt(rnd), EPSG),
  (claims, rnd) => moveClaims(claims, pick(claims, rnd, 1), distanceFt(rnd), 0, EPSG),
  (claims, rnd) => rotateClaims(claims, pick(claims, rnd, 2), (rnd() - 0.5) * 40),
  (claims, rnd) => {
    // A rename of one claim, often to a name another claim has.
    const [id] = pick(claims, rnd, 1);
    const other = claims[Math.floor(rnd() * claims.length)];
    const name = rnd() < 0.5 && other ? other.name : `R ${Math.floor(rnd() * 1000)}`;
    return claims.map((claim) => (claim.id === id ? { ...claim, name } : claim));
  },
  (claims, rnd) => {
    const chosen = new Set(pick(claims, rnd, 4));
    const renamed = new Map(renameClaims(claims.filter((c) => chosen.has(c.id)), rnd() < 0.5 ? 'MEMO' : 'NEW', 1 + Math.floor(rnd() * 5)).map((c) => [c.id, c]));
    return claims.map((claim) => renamed.get(claim.id) ?? claim);
  },
  (claims, rnd) => (claims.length > 3 ? deleteClaims(claims, pick(claims, rnd, 2)) : claims),
  (claims, rnd) => {
    const near = claims[Math.floor(rnd() * claims.length)]?.corners[0] ?? ([600_000, 4_560_000] as Utm);
    return addClaim(claims, { at: [near[0] + (rnd() - 0.5) * 400, near[1] + (rnd() - 0.5) * 400], kind: rnd() < 0.3 ? 'placer' : 'lode', azimuthDeg: rnd() * 180 }, EPSG);
  },
];

describe('the incremental layout check', () => {
  it('finds exactly what the check from nothing finds, after every one of 400 random edits', () => {
    const rnd = random(20_2611);
    const memo = new LayoutCheckMemo();
    let claims = startingLayout();
    const history: LayoutClaim[][] = [claims];
    let extra = { locators: 1, stateLand: false };
    let withPlss = true;
    const seen = new Set<string>();
    for (let step = 0; step < 400; step += 1) {
      const r = rnd();
      if (r < 0.06 && history.length > 2) claims = history[Math.floor(rnd() * (history.length - 1))]!; // undo to an older layout
      else if (r < 0.09) extra = { ...extra, locators: 1 + Math.floor(rnd() * 3) };
      else if (r < 0.11) extra = { ...extra, stateLand: !extra.stateLand };
      else if (r < 0.13) withPlss = !withPlss;
      else claims = EDITS[Math.floor(rnd() * EDITS.length)]!(claims, rnd);
      history.push(claims);
      const checked = job(claims, extra);
      const context = { orderAreaRings: startingLayout().slice(0, 12).map((c) => c.corners), plss: withPlss ? plss : undefined };
      const incremental = checkJob(checked, { ...context, memo });
      const full = checkJob(checked, context);
      expect(incremental, `step ${step}`).toEqual(full);
      for (const issue of [...full.layout.problems, ...full.layout.warnings]) seen.add(issue.code);
    }
    // The walk went through the findings that depend on neighbours, names and what the rules read beside the claims.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'crosses_township', 'duplicate_name', 'near_miss_corners', 'outside_order_area', 'overlap', 'placer_area_exceeded', 'state_land_geometry',
      ]),
    );
  });

  it('keeps what it found for the claims an edit did not touch, and checks the moved one again', () => {
    const memo = new LayoutCheckMemo();
    const claims = startingLayout();
    const extra = { locators: 1, stateLand: false };
    const before = checkJob(job(claims, extra), { plss, memo });
    const placer = claims.findIndex((c) => c.kind === 'placer');
    const others = before.layout.problems.filter((issue) => issue.code === 'placer_area_exceeded' && issue.claimId !== claims[placer]!.id);
    expect(others.length).toBeGreaterThan(0);
    // A near miss made for the first placer: only it and its neighbours are checked again.
    const after = checkJob(job(moveClaims(claims, [claims[placer]!.id], 3, 0, EPSG), extra), { plss, memo });
    for (const issue of others) expect(after.layout.problems).toContain(issue); // the same objects, not equal copies
    expect(after.layout.warnings.map((issue) => issue.code)).toContain('near_miss_corners');
    expect(after).toEqual(checkJob(job(moveClaims(claims, [claims[placer]!.id], 3, 0, EPSG), extra), { plss }));
  });
});
