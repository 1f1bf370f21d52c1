/**
 * One call for the whole comparison: the planned package (the same model its documents and GPX came from), the
 * crew's points matched to it, the as-staked layout, and that layout checked again. The app's Field step, the
 * accept action and `claimdesk as-staked` all use it, so they cannot disagree about a post.
 */
import { buildPackageModel, type PackageSource } from '../documents/package-model';
import type { PackageModel } from '../documents/package-model.types';
import { locatorsOf } from '../documents/locators';
import { buildAsStakedLayout, recheckAsStaked, type AsStakedLayout } from './as-staked';
import type { FieldProblem, FieldTolerances, StakedPoint, StakedPostReport, StakedReport } from './field.types';
import { matchStakedPoints } from './match-staked';
import { plannedPosts } from './planned-posts';

export interface AssessOptions {
  tolerances: FieldTolerances;
  waypointNameMax: number;
  /** The order's purchase, for the capacity check (absent for a layout file). */
  claimsPurchased?: number;
  capacityOverride?: { reason: string } | null;
}

export interface StakedAssessment {
  model: PackageModel;
  report: StakedReport;
  asStaked: AsStakedLayout;
  problems: FieldProblem[];
}

export function assessStaked(source: PackageSource, points: readonly StakedPoint[], options: AssessOptions): StakedAssessment {
  // The model's date and generator do not touch a position: any values do here.
  const model = buildPackageModel(source, { preparedOn: '', generator: { name: 'ClaimDesk', version: '' } });
  const report = matchStakedPoints(plannedPosts(model, options.waypointNameMax), points, options.tolerances);
  const asStaked = buildAsStakedLayout({ claims: source.claims, epsg: source.epsg, model, report });
  const problems = recheckAsStaked({
    claims: asStaked.claims,
    epsg: source.epsg,
    stateCode: source.stateCode,
    landStatus: source.landStatus ?? 'federal',
    monumentSettings: source.monumentSettings,
    locatorCount: locatorsOf(source.claimant).length,
    ...(options.claimsPurchased !== undefined ? { claimsPurchased: options.claimsPurchased, capacityOverride: options.capacityOverride ?? null } : {}),
    report,
  });
  return { model, report, asStaked, problems };
}

/** 0 every post ok and the as-staked layout passes; 1 otherwise (the CLI's exit code, the app's summary). */
export function allStakedOk(posts: readonly Pick<StakedPostReport, 'status'>[], problems: readonly FieldProblem[]): boolean {
  return posts.every((p) => p.status === 'ok') && problems.length === 0;
}
