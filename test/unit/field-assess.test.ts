/**
 * assessStaked checks the layout as staked with checkJob, the check Validate and the package use: a block staked a
 * mile from where it was planned lies outside the order's area (a rule of the job check, not of the claims' shapes),
 * and posts staked within the OK tolerance leave the layout as planned and passing.
 */
import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { buildPackageModel } from '../../shared/documents/package-model';
import { assessStaked, allStakedOk } from '../../shared/field/assess-staked';
import { DEFAULT_FIELD_TOLERANCES, type StakedPoint } from '../../shared/field/field.types';
import { plannedPosts } from '../../shared/field/planned-posts';
import { utmConverter } from '../../shared/geo/utm';
import type { CheckedJob } from '../../shared/jobs/check-job';
import { EMPTY_JOB_DOCUMENTS } from '../../shared/jobs/job.types';
import { samplePackageSource } from '../helpers/package-fixtures';

const FT = 0.3048;
const source = samplePackageSource({ rows: 1, cols: 2 });
const { toLonLat } = utmConverter(source.epsg);
const job: CheckedJob = {
  // The order bought exactly the two claims as planned: its polygons are the area the layout must stay inside.
  order: {
    claimsPurchased: 2,
    orderClaims: source.claims.map((claim) => {
      const ring = claim.corners.map((corner) => toLonLat(corner));
      return { name: claim.name, geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] }, areaAcres: 20.66 };
    }),
  },
  crs: { epsg: source.epsg },
  layout: { claims: source.claims },
  claimant: source.claimant,
  location: { stateOverride: source.stateCode, detectedState: null, landStatus: 'federal' },
  documents: EMPTY_JOB_DOCUMENTS,
  capacityOverride: null,
};
const options = { tolerances: DEFAULT_FIELD_TOLERANCES, waypointNameMax: 10, job };
const planned = plannedPosts(buildPackageModel(source, { preparedOn: '', generator: { name: 'ClaimDesk', version: '' } }), 10);
const asStaked = (move: (post: (typeof planned)[number]) => [number, number] | null): StakedPoint[] =>
  planned.map((p) => {
    const moved = move(p);
    return { name: p.waypoint, lat: moved ? moved[1] : p.post.lonLat[1], lon: moved ? moved[0] : p.post.lonLat[0], time: null };
  });

describe('assessStaked', () => {
  it('leaves posts within the OK tolerance where planned, and the layout passes the job check', () => {
    const points = asStaked((p) => {
      const r = Geodesic.WGS84.Direct(p.post.lonLat[1], p.post.lonLat[0], 45, 15 * FT);
      return [r.lon2!, r.lat2!];
    });
    const result = assessStaked(source, points, options);
    expect(result.report.counts).toMatchObject({ ok: planned.length, moved: 0 });
    expect(result.asStaked.changedClaims).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(allStakedOk(result.report.posts, result.problems)).toBe(true);
  });

  it("names the claims a block staked a mile east takes outside the order's area, as Validate would", () => {
    // The crew set every post in the wrong section: the shapes pass the legal limits, the place does not.
    const points = asStaked((p) => {
      const r = Geodesic.WGS84.Direct(p.post.lonLat[1], p.post.lonLat[0], 90, 5280 * FT);
      return [r.lon2!, r.lat2!];
    });
    const result = assessStaked(source, points, { ...options, tolerances: { okFt: 25, matchFt: 50 } });
    expect(result.report.counts).toMatchObject({ ok: 0, moved: planned.length, missing: 0, extra: 0 });
    expect(result.asStaked.changedClaims.sort()).toEqual(source.claims.map((c) => c.name).sort());
    for (const claim of source.claims) {
      expect(result.problems).toContainEqual({ code: 'outside_order_area', claim: claim.name, message: `Claim '${claim.name}' lies outside the order's area` });
    }
    expect(allStakedOk(result.report.posts, result.problems)).toBe(false);
  });
});
