/**
 * The as-staked layout: the planned claims with every corner the crew set somewhere else (`moved`) taken to where
 * it stands. A post within the tolerance (`ok`) keeps its planned position: the difference is the handheld's own
 * error (8–26 ft is normal), and a notice must not describe GPS noise as a crooked boundary. A post that was not
 * staked keeps its planned position too, and is flagged, so nobody takes it for checked ground.
 *
 * Monuments that are not corners (DM, LM on the centerline, S/C, E/C) are placed by the state's rules from the
 * corners; one staked away from where those rules put it is reported.
 */
import { deriveMonuments } from '../claims/monuments';
import { trueCourse } from '../documents/bearing-format';
import type { PackageModel } from '../documents/package-model.types';
import { FOOT_M, utmConverter, type Utm } from '../geo/utm';
import type { LayoutClaim, MonumentSettings } from '../layout/layout.types';
import type { FieldProblem, StakedReport } from './field.types';

/** Same physical post: the package model joins corners this close (grid metres). */
const SAME_POST_M = 0.01;

export interface AsStakedInput {
  claims: LayoutClaim[];
  epsg: number;
  model: Pick<PackageModel, 'posts'>;
  report: StakedReport;
}

export interface AsStakedLayout {
  claims: LayoutClaim[];
  /** Names of the claims with at least one corner moved: the ones whose recorded description changes. */
  changedClaims: string[];
  /** Posts taken to their staked position. */
  movedPosts: string[];
  /** Posts not staked, kept where planned. */
  unstakedPosts: string[];
}

export function buildAsStakedLayout({ claims, epsg, model, report }: AsStakedInput): AsStakedLayout {
  const { toUtm } = utmConverter(epsg);
  const byId = new Map(report.posts.map((p) => [p.post, p]));
  const moves: { from: Utm; to: Utm; post: string }[] = [];
  for (const post of model.posts) {
    const r = byId.get(post.id);
    if (r?.status === 'moved' && r.staked) moves.push({ from: post.utm, to: toUtm([r.staked.lon, r.staked.lat]), post: post.id });
  }
  const changed = new Set<string>();
  const movedPosts = new Set<string>();
  const asStaked = claims.map((claim) => {
    const corners = claim.corners.map((corner): Utm => {
      const move = moves.find((m) => Math.hypot(m.from[0] - corner[0], m.from[1] - corner[1]) <= SAME_POST_M);
      if (!move) return corner;
      changed.add(claim.name);
      movedPosts.add(move.post);
      return [move.to[0], move.to[1]];
    });
    return { ...claim, corners };
  });
  const unstakedPosts = report.posts.filter((p) => p.status === 'missing').map((p) => p.post);
  return { claims: asStaked, changedClaims: [...changed], movedPosts: [...movedPosts], unstakedPosts };
}

/**
 * Staked monuments that are not corners (DM, LM on the centerline, S/C, E/C) but stand away from where the state's
 * rules place them from the staked corners. The layout itself is checked by checkJob (assess-staked.ts); this is
 * what only the staked points can tell.
 */
export function monumentsOffProblems(input: {
  claims: LayoutClaim[];
  epsg: number;
  stateCode: string | null;
  monumentSettings: MonumentSettings;
  report: StakedReport;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const derived = deriveMonuments(input.claims, input.monumentSettings, input.stateCode, input.epsg);
  for (const r of input.report.posts) {
    if (r.kind === 'corner' || !r.staked) continue;
    for (const [k, claim] of r.claims.entries()) {
      const label = r.designation.split(' / ')[k] ?? '';
      const placed = derived.monuments.find((m) => m.claimName === claim && m.label === label);
      if (!placed) continue;
      const { distanceM, bearingDeg } = trueCourse(placed.lonLat, [r.staked.lon, r.staked.lat]);
      const ft = distanceM / FOOT_M;
      if (ft <= input.report.tolerances.okFt) continue;
      problems.push({
        code: 'monument_off',
        claim,
        message: `${claim}: the ${label} (${r.post}) stands ${ft.toFixed(1)} ft at ${bearingDeg.toFixed(1)}° from where the staked corners place it; reset it there, or move the corners.`,
      });
    }
  }
  return problems;
}
