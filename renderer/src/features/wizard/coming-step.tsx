import type { JobStep } from '../../../../shared/jobs/job.types';
import { STEP_LABELS } from './wizard-steps';

/** Upload: visible so staff know what follows, not yet usable. */
export function ComingStep({ step }: { step: JobStep }) {
  return (
    <div className="empty-state" data-testid={`coming-${step}`}>
      <h2>{STEP_LABELS[step]}</h2>
      <p>This step is built in the next release.</p>
    </div>
  );
}
