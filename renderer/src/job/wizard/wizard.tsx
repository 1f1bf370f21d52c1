import { useEffect, useMemo } from 'react';
import { finishedSteps } from '../../../../shared/jobs/wizard-gates';
import { JOB_STEPS, type JobStep } from '../../../../shared/jobs/job.types';
import { useJobStore } from '../../state/job.store';
import { ClaimantStep } from '../steps/claimant/claimant-step';
import { DocumentsStep } from '../steps/documents/documents-step';
import { LayoutStep } from '../steps/layout/layout-step';
import { MonumentsStep } from '../steps/monuments/monuments-step';
import { UploadStep } from '../steps/upload/upload-step';
import { ValidateStep } from '../steps/validate/validate-step';
import { ImportStep } from '../steps/import/import-step';
import { FieldStep } from '../steps/field/field-step';
import { useWizardNav } from '../use-wizard-nav.hook';
import { STEP_LABELS, nextStep, previousStep } from './wizard-steps';
import { useWizardStore } from '../../state/wizard.store';

/** A step is current, or done (✓) when finishedSteps derives it from the workflow view's gates, or still to do. */
function stepState(step: JobStep, current: JobStep, finished: boolean): 'current' | 'done' | 'todo' {
  if (step === current) return 'current';
  return finished ? 'done' : 'todo';
}

const RESULTS: Partial<Record<JobStep, string>> = { documents: 'package generated', upload: 'package delivered' };

function StepBar({ current, onGo }: { current: JobStep; onGo: (step: JobStep) => void }) {
  const gates = useJobStore((state) => state.job?.workflow.steps);
  const finished = useMemo(() => (gates ? finishedSteps(gates, JOB_STEPS) : null), [gates]);
  return (
    <nav className="wizard-steps" aria-label="Fulfilment steps">
      <ol data-testid="wizard-steps">
        {JOB_STEPS.map((step, index) => {
          const isFinished = finished?.[step] ?? false;
          const state = stepState(step, current, isFinished);
          return (
            <li key={step} className={`wizard-steps__item wizard-steps__item--${state}${isFinished ? ' wizard-steps__item--finished' : ''}`}>
              <button
                type="button"
                className="wizard-steps__button"
                data-testid={`wizard-step-${step}`}
                data-state={state}
                data-finished={isFinished}
                aria-current={step === current ? 'step' : undefined}
                onClick={() => onGo(step)}
              >
                <span className="wizard-steps__number" aria-hidden="true">{isFinished ? '✓' : index + 1}</span>
                {STEP_LABELS[step]}
                {isFinished && <span className="visually-hidden"> ({RESULTS[step] ?? 'finished'})</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function StepBody({ step }: { step: JobStep }) {
  switch (step) {
    case 'import':
      return <ImportStep />;
    case 'layout':
      return <LayoutStep />;
    case 'monuments':
      return <MonumentsStep />;
    case 'validate':
      return <ValidateStep />;
    case 'claimant':
      return <ClaimantStep />;
    case 'documents':
      return <DocumentsStep />;
    case 'upload':
      return <UploadStep />;
    case 'field':
      return <FieldStep />;
  }
}

/** Import → Layout → Monuments → Validate → Claimant → Documents → Upload, then Field once there is a package. */
export function Wizard() {
  const step = useJobStore((state) => state.job?.step ?? 'import');
  const jobId = useJobStore((state) => state.job?.id);
  const flushSave = useJobStore((state) => state.flushSave);
  const blocked = useWizardStore((state) => state.blocked);
  const moving = useWizardStore((state) => state.moving);
  const { goTo, finish } = useWizardNav();
  const gateProblems = useJobStore((state) => state.job?.workflow.steps[step].problems);
  // A fixed problem leaves the banner once main's workflow view no longer lists it (the forms save on blur).
  const stillBlocked = !blocked || blocked.step !== step ? [] : blocked.live ? blocked.problems.filter((p) => gateProblems?.includes(p)) : blocked.problems;
  const back = previousStep(step);
  const next = nextStep(step);

  // The layout edits of the last step are sent now rather than after the debounce.
  useEffect(() => {
    void flushSave();
  }, [step, flushSave]);

  // "Before moving on" and "is fulfilled" belong to the job they were said about.
  useEffect(() => {
    useWizardStore.getState().setBlocked(null);
  }, [jobId]);

  return (
    <div className="wizard" data-testid="wizard" data-step={step}>
      <StepBar current={step} onGo={(target) => void goTo(target)} />
      <div className="wizard__body">
        <StepBody step={step} />
      </div>
      <footer className="wizard__footer">
        <div className="wizard__messages">
          {stillBlocked.length > 0 && (
            <div className="step-problems" role="alert" data-testid="step-problems">
              <strong>Before moving on from {STEP_LABELS[step]}:</strong>
              <ul>
                {stillBlocked.slice(0, 8).map((problem, i) => (
                  <li key={i}>{problem}</li>
                ))}
                {stillBlocked.length > 8 && <li>…and {stillBlocked.length - 8} more.</li>}
              </ul>
            </div>
          )}
        </div>
        <div className="wizard__nav">
          <button type="button" className="button" data-testid="wizard-back" disabled={!back || moving} onClick={() => back && void goTo(back)}>
            ← Back
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="wizard-next"
            disabled={moving}
            onClick={() => void (next ? goTo(next) : finish())}
          >
            {next ? `Next: ${STEP_LABELS[next]} →` : 'Finish'}
          </button>
        </div>
      </footer>
    </div>
  );
}
