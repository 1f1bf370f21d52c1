/** The wizard's steps, their labels, and which of them this release can do. */
import { JOB_STEPS, type JobStep } from '../../../../shared/jobs/job.types';

export const STEP_LABELS: Record<JobStep, string> = {
  import: 'Import',
  layout: 'Layout',
  monuments: 'Monuments',
  validate: 'Validate',
  claimant: 'Claimant',
  documents: 'Documents',
  upload: 'Upload',
};

/** Upload is built by the next issue: shown so staff see the whole path, never entered. */
export const COMING_STEPS: ReadonlySet<JobStep> = new Set<JobStep>(['upload']);
export const LAST_ACTIVE_STEP: JobStep = 'documents';

export function stepIndex(step: JobStep): number {
  return JOB_STEPS.indexOf(step);
}

export function nextStep(step: JobStep): JobStep | null {
  return JOB_STEPS[stepIndex(step) + 1] ?? null;
}

export function previousStep(step: JobStep): JobStep | null {
  return JOB_STEPS[stepIndex(step) - 1] ?? null;
}

/** A job saved at a step this release cannot show (e.g. by a newer ClaimDesk) opens at the last one it can. */
export function shownStep(step: JobStep): JobStep {
  return COMING_STEPS.has(step) ? LAST_ACTIVE_STEP : step;
}
