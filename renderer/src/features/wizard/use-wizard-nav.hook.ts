/**
 * Moving between steps. Going back is always allowed; going forward checks every step on the way and stops at
 * the first one with problems (listed under the step, nothing moves). The step is saved on the job so the app
 * reopens where staff left it.
 */
import { useCallback } from 'react';
import { JOB_STEPS, type JobStep } from '../../../../shared/jobs/job.types';
import { useJobStore } from '../../stores/job.store';
import { claimantDraft, saveClaimantDraft } from '../claimant/claimant.store';
import { useClaimantStore } from '../claimant/claimant.store';
import { saveLandDraft, useDocumentsStore } from '../documents/documents.store';
import { useJobDerived } from '../jobs/use-job-derived.hook';
import { checkStep } from './step-check';
import { COMING_STEPS, LAST_ACTIVE_STEP, STEP_LABELS, shownStep, stepIndex } from './wizard-steps';
import { useWizardStore } from './wizard.store';

export function useWizardNav() {
  const job = useJobStore((state) => state.job);
  const patchJob = useJobStore((state) => state.patchJob);
  const { layout, validation, stateCode } = useJobDerived();
  const hasPackage = useDocumentsStore((state) => job !== null && state.jobId === job.id && state.pkg !== null);
  const { setBlocked, setDone, setMoving } = useWizardStore.getState();

  const goTo = useCallback(
    async (target: JobStep) => {
      if (!job || useWizardStore.getState().moving) return;
      const from = shownStep(job.step);
      const claimant = claimantDraft() ?? job.claimant;
      const context = { job, layout, validation, stateCode, claimant, hasPackage };
      if (stepIndex(target) > stepIndex(from)) {
        for (const step of JOB_STEPS.slice(stepIndex(from), stepIndex(target))) {
          const problems = checkStep(step, context);
          if (problems.length === 0) continue;
          if (step === 'claimant') useClaimantStore.getState().touchAll();
          if (step !== from) await patchJob({ step });
          setBlocked({ step, problems });
          return;
        }
      }
      if (COMING_STEPS.has(target)) {
        await saveClaimantDraft();
        await saveLandDraft();
        setDone(
          `${STEP_LABELS[LAST_ACTIVE_STEP]} is complete: this job is ready for ${STEP_LABELS[target]}, which is built in the next release.`,
        );
        return;
      }
      setMoving(true);
      // The claimant form saves itself on blur; this catches a field still focused when the step changes.
      if (from === 'claimant') await saveClaimantDraft();
      if (from === 'documents') await saveLandDraft();
      const ok = await patchJob({ step: target });
      setMoving(false);
      if (ok) setBlocked(null);
    },
    [job, layout, validation, stateCode, hasPackage, patchJob, setBlocked, setDone, setMoving],
  );

  return { goTo };
}
