/**
 * Moving between steps. Going back is always allowed; going forward checks every step on the way and stops at
 * the first one with problems (listed under the step, nothing moves). The step is saved on the job so the app
 * reopens where staff left it. Finishing checks the last step too, then says the job is done.
 */
import { useCallback } from 'react';
import { JOB_STEPS, type JobStep } from '../../../shared/jobs/job.types';
import { useJobStore } from '../state/job.store';
import { claimantDraft, saveClaimantDraft } from '../state/claimant.store';
import { useClaimantStore } from '../state/claimant.store';
import { saveLandDraft, useDocumentsStore } from '../state/documents.store';
import { useJobDerived } from './use-job-derived.hook';
import { hasDelivered, useJobOutboxStore } from '../state/job-outbox.store';
import { checkStep, type StepContext } from './step-check';
import { stepIndex } from './wizard/wizard-steps';
import { useWizardStore } from '../state/wizard.store';

export function useWizardNav() {
  const job = useJobStore((state) => state.job);
  const patchJob = useJobStore((state) => state.patchJob);
  const derived = useJobDerived();
  const hasPackage = useDocumentsStore((state) => job !== null && state.jobId === job.id && state.pkg !== null);
  const uploadDelivered = useJobOutboxStore((state) => job !== null && state.jobId === job.id && hasDelivered(state.entries));
  const { setBlocked, setDone, setMoving } = useWizardStore.getState();

  /** Checks `steps` in order; the first with problems is shown (and saved as the job's step) and stops the move. */
  const firstBlocked = useCallback(
    async (steps: readonly JobStep[], from: JobStep): Promise<boolean> => {
      if (!job || !derived) return true;
      const context: StepContext = { job, layout: derived.layout, check: derived.check, claimant: claimantDraft() ?? job.claimant, hasPackage, uploadDelivered };
      for (const step of steps) {
        const problems = checkStep(step, context);
        if (problems.length === 0) continue;
        if (step === 'claimant') useClaimantStore.getState().touchAll();
        if (step !== from) await patchJob({ step });
        setBlocked({ step, problems });
        return true;
      }
      return false;
    },
    [job, derived, hasPackage, uploadDelivered, patchJob, setBlocked],
  );

  const goTo = useCallback(
    async (target: JobStep) => {
      if (!job || useWizardStore.getState().moving) return;
      const from = job.step;
      if (stepIndex(target) > stepIndex(from) && (await firstBlocked(JOB_STEPS.slice(stepIndex(from), stepIndex(target)), from))) return;
      setMoving(true);
      // The claimant form saves itself on blur; this catches a field still focused when the step changes.
      if (from === 'claimant') await saveClaimantDraft();
      if (from === 'documents') await saveLandDraft();
      const ok = await patchJob({ step: target });
      setMoving(false);
      if (ok) setBlocked(null);
    },
    [job, firstBlocked, patchJob, setBlocked, setMoving],
  );

  /** The last step's "Next": every step from here on must be met, then the job is reported done. */
  const finish = useCallback(async () => {
    if (!job || useWizardStore.getState().moving) return;
    if (await firstBlocked(JOB_STEPS.slice(stepIndex(job.step)), job.step)) return;
    const server = job.serverPackage;
    const where = server ? ` (claim package ${server.number ?? `#${server.id}`})` : '';
    setDone(`${job.order.orderNumber} is fulfilled: its staking package was delivered to the server${where}.`);
  }, [job, firstBlocked, setDone]);

  return { goTo, finish };
}
