/**
 * What each step needs before Next moves on. Pure, so the step bar, Next and tests agree; each problem is a
 * sentence for staff (naming the claim where there is one).
 */
import type { ClaimantForm, Job, JobStep } from '../../../shared/jobs/job.types';
import type { Layout } from '../../../shared/layout/layout.types';
import { stateByCode } from '../../../shared/geo/us-states';
import { claimantProblems } from '../../../shared/claims/claimant-check';

export type ValidationIssue = { code: string; message: string; claimId?: string; claim?: string };

export type StepContext = {
  job: Job;
  layout: Layout;
  validation: { problems: ValidationIssue[]; warnings: ValidationIssue[] };
  stateCode: string | null;
  claimant: ClaimantForm;
  /** The job has a generated staking package (the Documents step's "done"). */
  hasPackage: boolean;
  /** An upload of the job reached the server (the Upload step's "done"). */
  uploadDelivered: boolean;
};

/** A recorded override turns "more claims than purchased" from a blocker into a decision on the record. */
export function blockingProblems(context: Pick<StepContext, 'job' | 'validation'>): ValidationIssue[] {
  const overridden = context.job.capacityOverride !== null;
  return context.validation.problems.filter((issue) => !(overridden && issue.code === 'capacity_exceeded'));
}

function issueText(issue: ValidationIssue): string {
  return issue.claim && !issue.message.includes(issue.claim) ? `${issue.claim}: ${issue.message}` : issue.message;
}

export function checkStep(step: JobStep, context: StepContext): string[] {
  switch (step) {
    case 'import':
      return context.layout.claims.length > 0
        ? []
        : ['Choose “Use the order’s claims as drawn” or “Lay out a grid instead” to continue.'];
    case 'layout':
      return context.layout.claims.length > 0 ? [] : ['Lay out at least one claim.'];
    case 'monuments':
      if (!context.stateCode) return ['The state is not known: choose it under “State” so its monument rules apply.'];
      return stateByCode(context.stateCode) ? [] : [`“${context.stateCode}” is not a US state code.`];
    case 'validate':
      return blockingProblems(context).map(issueText);
    case 'claimant':
      return claimantProblems(context.claimant, context.stateCode).map((problem) => problem.message);
    case 'documents':
      return context.hasPackage ? [] : ['Generate the staking package (“Generate package”) to finish this step.'];
    case 'upload':
      return context.uploadDelivered ? [] : ['Queue the upload (“Queue upload”); the job is finished once the server has the package.'];
  }
}
