/** The wizard's own transient state: problems that stopped the last Next, and a message after a finished step. */
import { create } from 'zustand';
import type { JobStep } from '../../../shared/jobs/job.types';

type WizardState = {
  /**
   * Why the last Next stopped. `live`: the problems are the step's gate's own list, so the banner drops each one as
   * soon as the workflow view no longer lists it (fixed); else they are main's refusal, shown until the next move.
   */
  blocked: { step: JobStep; problems: string[]; live: boolean } | null;
  done: string | null;
  moving: boolean;
  setBlocked: (blocked: WizardState['blocked']) => void;
  setDone: (message: string | null) => void;
  setMoving: (moving: boolean) => void;
};

export const useWizardStore = create<WizardState>()((set) => ({
  blocked: null,
  done: null,
  moving: false,
  setBlocked: (blocked) => set({ blocked, done: null }),
  setDone: (done) => set({ done, blocked: null }),
  setMoving: (moving) => set({ moving }),
}));
