import { useEffect } from 'react';
import { JOB_STEPS, type JobStep } from '../../../../shared/jobs/job.types';
import { Notice } from '../../components/notice';
import { useJobStore } from '../../stores/job.store';
import { ClaimantStep } from '../claimant/claimant-step';
import { DocumentsStep } from '../documents/documents-step';
import { useDocumentsStore } from '../documents/documents.store';
import { LayoutStep } from '../layout/layout-step';
import { MonumentsStep } from '../monuments/monuments-step';
import { ValidateStep } from '../validate/validate-step';
import { ComingStep } from './coming-step';
import { ImportStep } from './import-step';
import { useWizardNav } from './use-wizard-nav.hook';
import { COMING_STEPS, LAST_ACTIVE_STEP, STEP_LABELS, nextStep, previousStep, shownStep, stepIndex } from './wizard-steps';
import { useWizardStore } from './wizard.store';

/** Steps before the current one are done by definition; Documents is done once a package exists. */
function stepState(step: JobStep, current: JobStep, hasPackage: boolean): 'current' | 'done' | 'todo' {
  if (step === current) return 'current';
  if (step === 'documents') return hasPackage ? 'done' : 'todo';
  return stepIndex(step) < stepIndex(current) ? 'done' : 'todo';
}

function StepBar({ current, onGo }: { current: JobStep; onGo: (step: JobStep) => void }) {
  const jobId = useJobStore((state) => state.job?.id);
  const hasPackage = useDocumentsStore((state) => state.jobId === jobId && state.pkg !== null);
  return (
    <nav className="wizard-steps" aria-label="Fulfilment steps">
      <ol data-testid="wizard-steps">
        {JOB_STEPS.map((step, index) => {
          const coming = COMING_STEPS.has(step);
          const state = stepState(step, current, hasPackage);
          const packaged = step === 'documents' && hasPackage;
          return (
            <li key={step} className={`wizard-steps__item wizard-steps__item--${coming ? 'coming' : state}${packaged ? ' wizard-steps__item--packaged' : ''}`}>
              <button
                type="button"
                className="wizard-steps__button"
                data-testid={`wizard-step-${step}`}
                data-state={coming ? 'coming' : state}
                aria-current={step === current ? 'step' : undefined}
                disabled={coming}
                title={coming ? 'Built in the next release' : undefined}
                onClick={() => onGo(step)}
              >
                <span className="wizard-steps__number" aria-hidden="true">{packaged ? '✓' : index + 1}</span>
                {STEP_LABELS[step]}
                {packaged && <span className="visually-hidden"> (package generated)</span>}
                {coming && <span className="wizard-steps__coming">coming</span>}
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
      return <ComingStep step={step} />;
  }
}

/** Import → Layout → Monuments → Validate → Claimant → Documents, then the coming Upload. */
export function Wizard() {
  const savedStep = useJobStore((state) => state.job?.step ?? 'import');
  const jobId = useJobStore((state) => state.job?.id);
  const flushSave = useJobStore((state) => state.flushSave);
  const blocked = useWizardStore((state) => state.blocked);
  const done = useWizardStore((state) => state.done);
  const moving = useWizardStore((state) => state.moving);
  const { goTo } = useWizardNav();
  const step = shownStep(savedStep);
  const back = previousStep(step);
  const next = nextStep(step);

  // The layout edits of the last step are sent now rather than after the debounce.
  useEffect(() => {
    void flushSave();
  }, [step, flushSave]);

  // Whether the job already has a package decides the Documents step's mark in the step bar, on every step.
  useEffect(() => {
    if (jobId !== undefined) void useDocumentsStore.getState().load(jobId);
  }, [jobId]);

  return (
    <div className="wizard" data-testid="wizard" data-step={step}>
      <StepBar current={step} onGo={(target) => void goTo(target)} />
      <div className="wizard__body">
        <StepBody step={step} />
      </div>
      <footer className="wizard__footer">
        <div className="wizard__messages">
          {blocked && blocked.step === step && (
            <div className="step-problems" role="alert" data-testid="step-problems">
              <strong>Before moving on from {STEP_LABELS[step]}:</strong>
              <ul>
                {blocked.problems.slice(0, 8).map((problem, i) => (
                  <li key={i}>{problem}</li>
                ))}
                {blocked.problems.length > 8 && <li>…and {blocked.problems.length - 8} more.</li>}
              </ul>
            </div>
          )}
          {done && step === LAST_ACTIVE_STEP && (
            <Notice tone="info" testId="step-done">
              {done}
            </Notice>
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
            disabled={!next || moving}
            onClick={() => next && void goTo(next)}
          >
            {step === LAST_ACTIVE_STEP ? `Finish ${STEP_LABELS[step].toLowerCase()}` : `Next: ${next ? STEP_LABELS[next] : ''} →`}
          </button>
        </div>
      </footer>
    </div>
  );
}
