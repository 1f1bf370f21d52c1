/**
 * One call for the whole comparison: the planned package (the same model its documents and GPX came from), the
 * crew's points matched to it, the as-staked layout, and that layout checked again by checkJob, the one check
 * main's validation and package generation use (a corner moved around a cliff that makes a claim 1,540 ft long or
 * pushes it into its neighbour is reported by claim, with the same words Validate uses). The app's Field step, the
 * accept command and `claimdesk as-staked` all use it, so they cannot disagree about a post.
 */
import { buildPackageModel, type PackageSource } from '../documents/package-model';
import type { PackageModel } from '../documents/package-model.types';
import { checkJob, type CheckedJob, type CheckIssue, type JobCheckContext } from '../jobs/check-job';
import { buildAsStakedLayout, monumentsOffProblems, type AsStakedLayout } from './as-staked';
import type { FieldProblem, FieldTolerances, StakedPoint, StakedPostReport, StakedReport } from './field.types';
import { matchStakedPoints } from './match-staked';
import { plannedPosts } from './planned-posts';

export interface AssessOptions {
  tolerances: FieldTolerances;
  waypointNameMax: number;
  /**
   * The job the planned package was made from (a stored job, an order's claims as drawn, or a layout file with its
   * details): the as-staked layout is checked as that job with its claims where the crew set them.
   */
  job: CheckedJob;
  context?: JobCheckContext;
}

export interface StakedAssessment {
  model: PackageModel;
  report: StakedReport;
  asStaked: AsStakedLayout;
  problems: FieldProblem[];
}

const asProblem = (issue: CheckIssue): FieldProblem => ({ code: issue.code, claim: issue.claim ?? null, message: issue.message });

export function assessStaked(source: PackageSource, points: readonly StakedPoint[], options: AssessOptions): StakedAssessment {
  // The model's date and generator do not touch a position: any values do here.
  const model = buildPackageModel(source, { preparedOn: '', generator: { name: 'ClaimDesk', version: '' } });
  const report = matchStakedPoints(plannedPosts(model, options.waypointNameMax), points, options.tolerances);
  const asStaked = buildAsStakedLayout({ claims: source.claims, epsg: source.epsg, model, report });
  // What would refuse the package as staked: the layout's legal limits and what the documents will say.
  const check = checkJob({ ...options.job, layout: { claims: asStaked.claims } }, options.context);
  const problems = [
    ...[...check.layout.problems, ...check.staking.problems].map(asProblem),
    ...monumentsOffProblems({ claims: asStaked.claims, epsg: source.epsg, stateCode: source.stateCode, monumentSettings: source.monumentSettings, report }),
  ];
  return { model, report, asStaked, problems };
}

/** 0 every post ok and the as-staked layout passes; 1 otherwise (the CLI's exit code, the app's summary). */
export function allStakedOk(posts: readonly Pick<StakedPostReport, 'status'>[], problems: readonly FieldProblem[]): boolean {
  return posts.every((p) => p.status === 'ok') && problems.length === 0;
}
