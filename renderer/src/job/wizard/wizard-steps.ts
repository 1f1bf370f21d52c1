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
  field: 'Field',
};

/**
 * The steps Next walks through. Field is not one of them: it is where the crew's posts come back, after the
 * package went out (or whenever a job has one), so Upload still finishes the job and Field is opened from the bar.
 */
const FLOW: readonly JobStep[] = JOB_STEPS.filter((step) => step !== 'field');

export function stepIndex(step: JobStep): number {
  return JOB_STEPS.indexOf(step);
}

export function nextStep(step: JobStep): JobStep | null {
  return step === 'field' ? null : (FLOW[FLOW.indexOf(step) + 1] ?? null);
}

export function previousStep(step: JobStep): JobStep | null {
  return step === 'field' ? 'upload' : (FLOW[FLOW.indexOf(step) - 1] ?? null);
}

/**
 * The steps a move forward from `from` to `target` must pass. Field opens on any job with a package: the steps up
 * to Documents, not the upload (the posts may come back before the package goes out).
 */
export function stepsToPass(from: JobStep, target: JobStep): JobStep[] {
  const until = target === 'field' ? stepIndex('upload') : stepIndex(target);
  return JOB_STEPS.slice(stepIndex(from), until);
}

/**
 * What finishing from `step` must pass: from Field (after Upload) still the delivered upload. Field work itself is
 * never required to finish: the crew may stake weeks later, and its step is done only once their posts are accepted.
 */
export function stepsToFinish(step: JobStep): JobStep[] {
  return JOB_STEPS.slice(stepIndex(step === 'field' ? 'upload' : step), stepIndex('field'));
}
