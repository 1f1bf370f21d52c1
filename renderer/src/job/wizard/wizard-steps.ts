/** The wizard's steps and their labels, in order. */
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

export function stepIndex(step: JobStep): number {
  return JOB_STEPS.indexOf(step);
}

export function nextStep(step: JobStep): JobStep | null {
  return JOB_STEPS[stepIndex(step) + 1] ?? null;
}

export function previousStep(step: JobStep): JobStep | null {
  return JOB_STEPS[stepIndex(step) - 1] ?? null;
}
