/**
 * The checks this module adds to a job beyond the layout's legal limits (validate-layout.ts), as plain rules a
 * single job check can call: claims on State land must have a state-land shape (state-land.ts), the monument must
 * meet the state's minimum (monument-spec.ts), every locator needs a name and a mailing address (locators.ts),
 * and a deadline counted from the date of discovery needs that date. Each returns issues in the layout
 * validation's shape, split into problems (the package is refused) and warnings (printed, not blocking).
 */
import { monumentIssues } from '../claims/monument-spec';
import type { LayoutCheckMemo } from '../claims/layout-check-memo';
import { stateLandIssues, type LandStatus } from '../claims/state-land';
import type { LayoutIssue } from '../claims/validate-layout';
import type { LayoutClaim } from '../layout/layout.types';
import { isoDateOrNull } from './calendar';
import { locatorIssues, type Locator } from './locators';
import { selectObligations } from './obligations/obligations';

export interface RuleIssues {
  problems: LayoutIssue[];
  warnings: LayoutIssue[];
}

export interface LayoutRuleInput {
  claims: readonly LayoutClaim[];
  epsg: number;
  stateCode: string | null;
  landStatus: LandStatus;
}

/** Rules about the geometry: part of validating a layout (with the caller's memo while a layout is edited). */
export function layoutRuleIssues(input: LayoutRuleInput, memo?: LayoutCheckMemo): RuleIssues {
  return { problems: stateLandIssues(input.claims, input, memo), warnings: [] };
}

export interface PackageRuleInput extends LayoutRuleInput {
  monumentType: string;
  locators: readonly Locator[];
  dateOfLocation: string;
  dateOfDiscovery: string;
}

/** Rules about what the documents will say: checked before a package is made. */
export function packageRuleIssues(input: PackageRuleInput): RuleIssues {
  const out: RuleIssues = { problems: [], warnings: [] };
  for (const issue of locatorIssues(input.locators)) {
    // The claimant's own name has always been reported in these words; the CLI and the app show them.
    out.problems.push(issue.code === 'locator_name_missing' && issue.message.startsWith('The claimant')
      ? { code: issue.code, message: 'It has no claimant name: enter the claimant before generating documents' }
      : issue);
  }
  for (const issue of monumentIssues(input.monumentType, input.stateCode, input.landStatus)) {
    (issue.severity === 'problem' ? out.problems : out.warnings).push({ code: issue.code, message: issue.message });
  }
  if (isoDateOrNull(input.dateOfDiscovery) === null) {
    const fromDiscovery = selectObligations({
      stateCode: input.stateCode,
      landStatus: input.landStatus,
      claims: input.claims.map((c) => ({ name: c.name, kind: c.kind, areaAcres: 0 })),
      dateOfLocation: isoDateOrNull(input.dateOfLocation),
      dateOfDiscovery: null,
      preparedOn: '9999-12-31',
      place: '',
    }).filter((o) => (o.due.kind === 'within-days' || o.due.kind === 'within-months') && o.due.from === 'discovery');
    if (fromDiscovery.length > 0) {
      out.warnings.push({
        code: 'discovery_date_missing',
        message: `The date of discovery is not entered: the recording deadline counts from it (${fromDiscovery.map((o) => o.citation).join('; ')}), so the deadline sheet leaves it to fill in`,
      });
    }
  }
  return out;
}

/** Both sets: what a package is checked against. */
export function stakingIssues(input: PackageRuleInput): RuleIssues {
  const layout = layoutRuleIssues(input);
  const pkg = packageRuleIssues(input);
  return { problems: [...layout.problems, ...pkg.problems], warnings: [...layout.warnings, ...pkg.warnings] };
}
