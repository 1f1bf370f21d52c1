/**
 * What each step needs before Next moves on. Pure, so the step bar, Next and tests agree; each problem is a
 * sentence for staff (naming the claim where there is one).
 */
import type { ClaimantForm, Job, JobStep } from '../../../shared/jobs/job.types';
import type { Layout } from '../../../shared/layout/layout.types';
import { claimantProblems } from '../../../shared/claims/claimant-check';
import { describeIssue, type JobCheck } from '../../../shared/jobs/check-job';

export type StepContext = {
  job: Job;
  layout: Layout;
  check: JobCheck;
  claimant: ClaimantForm;
  /** The job has a generated staking package (the Documents step's "done"). */
  hasPackage: boolean;
  /** An upload of the job reached the server (the Upload step's "done"). */
  uploadDelivered: boolean;
};

export function checkStep(step: JobStep, context: StepContext): string[] {
  switch (step) {
    case 'import':
      return context.layout.claims.length > 0
        ? []
        : ['Choose “Use the order’s claims as drawn” or “Lay out a grid instead” to continue.'];
    case 'layout':
      return context.layout.claims.length > 0 ? [] : ['Lay out at least one claim.'];
    case 'monuments':
      return context.check.blocking.monuments;
    case 'validate':
      return context.check.layout.problems.map(describeIssue);
    case 'claimant':
      return claimantProblems(context.claimant, context.check.stateCode).map((problem) => problem.message);
    case 'documents':
      return context.hasPackage ? [] : ['Generate the staking package (“Generate package”) to finish this step.'];
    case 'upload':
      return context.uploadDelivered ? [] : ['Queue the upload (“Queue upload”); the job is finished once the server has the package.'];
  }
}
