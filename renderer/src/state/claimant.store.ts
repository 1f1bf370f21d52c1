/**
 * The claimant form as typed, kept outside the component so nothing is lost when the step changes before a
 * blur: the wizard saves the draft on Next/Back, and the form saves it on blur.
 */
import { create } from 'zustand';
import type { ClaimantForm } from '../../../shared/jobs/job.types';
import { useJobStore } from './job.store';
import { prefillClaimant } from '../lib/claimant-prefill';

type ClaimantDraftState = {
  jobId: number | null;
  draft: ClaimantForm | null;
  /** Fields the user has left at least once: their messages show before Next is pressed. */
  touched: Partial<Record<keyof ClaimantForm, boolean>>;
  setField: <K extends keyof ClaimantForm>(field: K, value: ClaimantForm[K]) => void;
  touch: (field: keyof ClaimantForm) => void;
  touchAll: () => void;
};

export const useClaimantStore = create<ClaimantDraftState>()((set) => ({
  jobId: null,
  draft: null,
  touched: {},
  setField: (field, value) => set((state) => (state.draft ? { draft: { ...state.draft, [field]: value } } : state)),
  touch: (field) => set((state) => ({ touched: { ...state.touched, [field]: true } })),
  touchAll: () =>
    set((state) => ({
      touched: Object.fromEntries(Object.keys(state.draft ?? {}).map((key) => [key, true])) as ClaimantDraftState['touched'],
    })),
}));

/** The draft for the open job, started from the job's saved form pre-filled with the order's claimant info. */
export function claimantDraft(): ClaimantForm | null {
  const job = useJobStore.getState().job;
  if (!job) return null;
  const state = useClaimantStore.getState();
  if (state.jobId === job.id && state.draft) return state.draft;
  const draft = prefillClaimant(job.claimant, job.order.claimant);
  useClaimantStore.setState({ jobId: job.id, draft, touched: {} });
  return draft;
}

/** The typed claimant form when it differs from the job's saved one, else null. */
export function unsavedClaimant(): ClaimantForm | null {
  const job = useJobStore.getState().job;
  const { draft, jobId } = useClaimantStore.getState();
  if (!job || !draft || jobId !== job.id) return null;
  // Field by field: the draft (pre-filled here) and main's answer need not list their fields in the same order.
  const fields = new Set([...Object.keys(draft), ...Object.keys(job.claimant)]) as Set<keyof ClaimantForm>;
  const same = [...fields].every((field) => JSON.stringify(draft[field]) === JSON.stringify(job.claimant[field]));
  return same ? null : draft;
}

/** Saves the draft when it differs from the job's form; true when nothing needed saving or it saved. */
export async function saveClaimantDraft(): Promise<boolean> {
  const claimant = unsavedClaimant();
  return claimant ? useJobStore.getState().patchJob({ claimant }) : true;
}
