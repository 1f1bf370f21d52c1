/**
 * The one check of a fulfilment job: the layout rules (and the state-land shapes), the order's area, capacity, the
 * state whose monument rules apply, the claimant and every locator, what the documents will say (the staking
 * rules: locators, the state's minimum monument, a date the deadlines count from) and the land description, and
 * with an imported PLSS its township and aliquot lines. Pure, and the only thing that decides whether a job may
 * move on: main's workflow guards, package generation, the CLI and the renderer all call it with the job as it
 * stands, so a layout the renderer refuses is refused by main, by `claimdesk validate --order` and by document
 * generation with the same message.
 *
 * Problems block; warnings are shown and left to a person. Which problems block which decision is decided here too
 * (`blocking`), so no caller picks its own subset.
 */
import { claimantProblems, type ClaimantProblem } from '../claims/claimant-check';
import type { LayoutCheckMemo } from '../claims/layout-check-memo';
import { validateLayout, type LayoutIssue, type LayoutValidation } from '../claims/validate-layout';
import { locatorsOf } from '../documents/locators';
import { layoutRuleIssues, packageRuleIssues, type RuleIssues } from '../documents/staking-rules';
import type { OrderIssue } from '../domain/order.types';
import { stateByCode } from '../geo/us-states';
import type { Utm } from '../geo/utm';
import { outerRingsLonLat, ringToUtm } from '../layout/order-claims';
import type { PlssIndex } from '../plss/plss-index';
import { plssWarnings } from '../plss/plss-rules';
import type { JobCore } from './job.types';

/**
 * The parts of a job the check reads: a stored job, an order's claims as drawn made into an in-memory job, or a
 * layout file with its details (`claimdesk package`).
 */
export interface CheckedJob {
  order: Pick<JobCore['order'], 'claimsPurchased' | 'orderClaims'>;
  crs: Pick<JobCore['crs'], 'epsg'>;
  layout: Pick<JobCore['layout'], 'claims'>;
  claimant: JobCore['claimant'];
  location: Pick<JobCore['location'], 'stateOverride' | 'detectedState' | 'landStatus'>;
  documents: Pick<JobCore['documents'], 'plss' | 'tie'>;
  capacityOverride: JobCore['capacityOverride'];
}

export interface JobCheckContext {
  /**
   * The order's polygons as UTM rings in the job's CRS, when the caller already has them: the renderer reprojects
   * them once per zone rather than on every drag frame. Computed from the job's order snapshot otherwise.
   */
  orderAreaRings?: Utm[][];
  /** Problems of the cached order itself (unreadable polygons, missing names), for a job made from the order as drawn. */
  orderProblems?: readonly OrderIssue[];
  /** The imported PLSS around the claims, when there is one: its township and aliquot lines are checked (warnings). */
  plss?: PlssIndex;
  /**
   * Kept by a caller that checks the same layout again and again as it is edited (the renderer): the layout rules
   * then check only the claims that changed and their neighbours, with the same findings (layout-check-memo.ts).
   */
  memo?: LayoutCheckMemo;
}

export interface CheckIssue {
  code: string;
  message: string;
  claimId?: string;
  claim?: string;
}

export interface JobCheck {
  /** The state whose rules apply: staff's override, else the one detected from the claims' location. */
  stateCode: string | null;
  order: CheckIssue[];
  /** Layout rules (43 CFR 3832.22), state-land shapes, the order's area and the purchased capacity. */
  layout: LayoutValidation;
  monuments: CheckIssue[];
  claimant: ClaimantProblem[];
  /** What the documents will say (staking-rules.ts): problems refuse a package, warnings are printed. */
  staking: RuleIssues;
  /** Warnings only: a blank in the land description prints as a line to fill in. */
  land: CheckIssue[];
  /** What keeps each decision from going ahead (see blockers()). */
  blocking: { layout: string[]; monuments: string[]; claimant: string[]; documents: string[] };
}

/** What the layout part of the check reads: a job, or claims from a file that carries no order. */
export interface LayoutCheckInput extends Pick<CheckedJob, 'layout' | 'crs' | 'order' | 'capacityOverride' | 'location'> {
  /** Every locator counts towards a placer's acreage (20 acres each, 43 CFR 3832.22(b)). */
  claimant: Pick<CheckedJob['claimant'], 'claimantName' | 'address1' | 'address2' | 'address3' | 'coLocators'>;
}

/** The order's outer rings in the job's CRS: the area the layout must stay inside. */
export function orderAreaRings(order: Pick<CheckedJob['order'], 'orderClaims'>, epsg: number): Utm[][] {
  return order.orderClaims.flatMap((claim) => outerRingsLonLat(claim.geometry).map((ring) => ringToUtm(ring, epsg)));
}

export function jobStateCode(job: Pick<CheckedJob, 'location'>): string | null {
  return job.location.stateOverride ?? job.location.detectedState;
}

function stateIssues(stateCode: string | null): CheckIssue[] {
  if (!stateCode) return [{ code: 'state_unknown', message: 'The state is not known: choose it under “State” so its monument rules apply.' }];
  return stateByCode(stateCode) ? [] : [{ code: 'state_invalid', message: `“${stateCode}” is not a US state code.` }];
}

const PLSS_PARTS = [
  ['meridian', 'meridian'],
  ['township', 'township'],
  ['range', 'range'],
  ['sections', 'section'],
  ['aliquot', 'aliquot part'],
] as const;

function landIssues(documents: CheckedJob['documents']): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const missing = PLSS_PARTS.filter(([field]) => documents.plss[field].trim() === '').map(([, label]) => label);
  if (missing.length > 0) {
    issues.push({
      code: 'land_description_incomplete',
      message:
        `The land description has no ${joinWords(missing)} yet: the BLM record describes a claim by meridian, township, range, ` +
        'section and aliquot part (43 CFR 3832.12); the notices print a line to fill in.',
    });
  }
  if (documents.tie === null) {
    issues.push({
      code: 'tie_missing',
      message: 'No tie point yet: a location notice ties the claims to a natural object or permanent monument (30 U.S.C. 28); the notices print a line to fill in.',
    });
  }
  return issues;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * The layout part of checkJob: the rules of 43 CFR 3832.22, the shapes a State-land location must take, the order's
 * area and the purchased capacity.
 */
export function checkJobLayout(job: LayoutCheckInput, context: Pick<JobCheckContext, 'orderAreaRings' | 'plss' | 'memo'> = {}): LayoutValidation {
  const epsg = job.crs.epsg;
  const limits = validateLayout({
    claims: job.layout.claims,
    epsg,
    orderAreaRings: context.orderAreaRings ?? orderAreaRings(job.order, epsg),
    claimsPurchased: job.order.claimsPurchased,
    capacityOverride: job.capacityOverride,
    locatorCount: locatorsOf(job.claimant).length,
  }, context.memo);
  const shapes = layoutRuleIssues({ claims: job.layout.claims, epsg, stateCode: jobStateCode(job), landStatus: job.location.landStatus }, context.memo);
  // A claim across a township line or off the aliquot lines is legal, so the PLSS only warns (plss-rules.ts).
  const lines = context.plss ? plssWarnings(job.layout.claims, context.plss, context.memo) : [];
  return { problems: [...limits.problems, ...shapes.problems], warnings: [...limits.warnings, ...shapes.warnings, ...lines] };
}

function stakingCheck(job: CheckedJob, stateCode: string | null): RuleIssues {
  return packageRuleIssues({
    claims: job.layout.claims,
    epsg: job.crs.epsg,
    stateCode,
    landStatus: job.location.landStatus,
    monumentType: job.claimant.monumentType,
    locators: locatorsOf(job.claimant),
    dateOfLocation: job.claimant.dateOfLocation,
    dateOfDiscovery: job.claimant.dateOfDiscovery,
  });
}

export function checkJob(job: CheckedJob, context: JobCheckContext = {}): JobCheck {
  const stateCode = jobStateCode(job);
  const check: Omit<JobCheck, 'blocking'> = {
    stateCode,
    order: (context.orderProblems ?? []).map((issue) => ({ ...issue })),
    layout: checkJobLayout(job, context),
    monuments: stateIssues(stateCode),
    claimant: claimantProblems(job.claimant, stateCode),
    staking: stakingCheck(job, stateCode),
    land: landIssues(job.documents),
  };
  return { ...check, blocking: blockers(job, check) };
}

/** An issue as one sentence for a list: "P 3: …" unless the message already names its claim. */
export function describeIssue(issue: Pick<LayoutIssue, 'message' | 'claim'>): string {
  return issue.claim && !issue.message.includes(issue.claim) ? `${issue.claim}: ${issue.message}` : issue.message;
}

function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/**
 * What each decision waits for, as sentences for the person at the desk:
 *   layout     accepting the layout as validated. More claims than purchased is left out: that is the workflow's
 *              over-capacity guard, which a manager or admin may override with a reason.
 *   monuments  applying a state's monument rules
 *   claimant   confirming the claimant
 *   documents  making a staking package (the export report and generatePackage's refusal print these): documents
 *              are never made from a guess
 */
function blockers(job: CheckedJob, check: Omit<JobCheck, 'blocking'>): JobCheck['blocking'] {
  const claims = job.layout.claims.length;
  const documents = check.order.map((issue) => sentence(issue.message));
  if (claims === 0) documents.push('It has no claims laid out.');
  documents.push(...check.staking.problems.map((issue) => sentence(issue.message)));
  if (claims > 0) documents.push(...check.layout.problems.map((issue) => sentence(issue.message)));
  return {
    layout: check.layout.problems.filter((issue) => issue.code !== 'capacity_exceeded').map(describeIssue),
    monuments: check.monuments.map((issue) => issue.message),
    claimant: check.claimant.map((problem) => problem.message),
    documents,
  };
}
