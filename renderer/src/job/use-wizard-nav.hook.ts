/**
 * Moving between steps. The step is only where the person is looking; how far the job is, is main's workflow. Going
 * back is always allowed; going forward first saves whatever was typed, then passes each step on the way as main's
 * workflow view says (shared/jobs/wizard-gates.ts): a step that waits for a command (accept the layout, confirm the
 * claimant) sends it, and main applies or refuses it; any other step waits for what the view names. The first step
 * that stays closed is shown with its problems (and saved as the job's step) and nothing moves. Finishing checks
 * the last step too, then says the job is done.
 *
 * A move that needs nothing from main is shown at once and saved after (the job store's setStep): any move back,
 * and a move forward when nothing typed is unsaved, no write is waiting for its answer and every step on the way is
 * already passed in main's last workflow view. Any other move forward waits for main as before: a closed gate still
 * stops it.
 */
import { useCallback } from 'react';
import type { JobStep } from '../../../shared/jobs/job.types';
import { useJobStore } from '../state/job.store';
import { saveClaimantDraft, unsavedClaimant, useClaimantStore } from '../state/claimant.store';
import { saveLandDraft, unsavedLand } from '../state/documents.store';
import { stepIndex, stepsToFinish, stepsToPass } from './wizard/wizard-steps';
import { useWizardStore } from '../state/wizard.store';

/** What was typed on any step reaches main before it decides (the forms also save on blur). */
async function saveEverything(): Promise<void> {
  await saveClaimantDraft();
  await saveLandDraft();
  await useJobStore.getState().flushSave();
}

/** True when moving from `from` to `target` can be shown before main answers anything (see above). */
function showsAtOnce(from: JobStep, target: JobStep): boolean {
  if (stepIndex(target) <= stepIndex(from)) return true;
  const store = useJobStore.getState();
  if (store.hasPendingWrites() || unsavedClaimant() || unsavedLand()) return false;
  const gates = store.job?.workflow.steps;
  return !!gates && stepsToPass(from, target).every((step) => gates[step].done);
}

/** Passes `steps` in order; answers the first that stays closed with why, or null when all are passed. */
async function firstClosed(steps: readonly JobStep[]): Promise<{ step: JobStep; problems: string[]; live: boolean } | null> {
  for (const step of steps) {
    const gate = useJobStore.getState().job?.workflow.steps[step];
    if (!gate || gate.done) continue;
    if (gate.command) {
      const refusal = await useJobStore.getState().runCommand(gate.command);
      if (!refusal) continue;
      // The check's own list when it has one (one line per claim), else main's sentence.
      const problems = useJobStore.getState().job?.workflow.steps[step].problems ?? [];
      return problems.length > 0 ? { step, problems, live: true } : { step, problems: [refusal.message], live: false };
    }
    return { step, problems: gate.problems, live: true };
  }
  return null;
}

export function useWizardNav() {
  const job = useJobStore((state) => state.job);
  const { setBlocked, setDone, setMoving } = useWizardStore.getState();

  /** Stops at the first closed step of `steps`: its problems are listed under it and the job is left there. */
  const stopAtClosed = useCallback(
    async (steps: readonly JobStep[], from: JobStep): Promise<boolean> => {
      const closed = await firstClosed(steps);
      if (!closed) return false;
      if (closed.step === 'claimant') useClaimantStore.getState().touchAll();
      if (closed.step !== from) await useJobStore.getState().setStep(closed.step);
      setBlocked(closed);
      return true;
    },
    [setBlocked],
  );

  const goTo = useCallback(
    async (target: JobStep) => {
      if (!job || useWizardStore.getState().moving) return;
      const from = useJobStore.getState().job?.step ?? job.step;
      if (showsAtOnce(from, target)) {
        setBlocked(null);
        // Shown first; what was typed on the step left is saved behind it, in order.
        const saved = useJobStore.getState().setStep(target);
        await saveEverything();
        await saved;
        return;
      }
      setMoving(true);
      let saved: Promise<unknown> | undefined;
      try {
        await saveEverything();
        if (stepIndex(target) > stepIndex(from) && (await stopAtClosed(stepsToPass(from, target), from))) return;
        setBlocked(null);
        // The gates are passed: the step shows now, and the next move need not wait for this save's answer.
        saved = useJobStore.getState().setStep(target);
      } finally {
        setMoving(false);
      }
      await saved;
    },
    [job, stopAtClosed, setBlocked, setMoving],
  );

  /** The last step's "Next": every step from here on must be passed, then the job is reported done. */
  const finish = useCallback(async () => {
    if (!job || useWizardStore.getState().moving) return;
    setMoving(true);
    try {
      await saveEverything();
      if (await stopAtClosed(stepsToFinish(job.step), job.step)) return;
      const server = useJobStore.getState().job?.serverPackage ?? job.serverPackage;
      const where = server ? ` (claim package ${server.number ?? `#${server.id}`})` : '';
      setDone(`${job.order.orderNumber} is fulfilled: its staking package was delivered to the server${where}.`);
      // Finished means done with the job: it closes, and the page it was opened from says what was finished.
      await useJobStore.getState().closeJob();
    } finally {
      setMoving(false);
    }
  }, [job, stopAtClosed, setDone, setMoving]);

  return { goTo, finish };
}
