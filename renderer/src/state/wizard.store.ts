/** The wizard's own transient state: problems that stopped the last Next, and a message after a finished step. */
import { create } from 'zustand';
import type { JobStep } from '../../../shared/jobs/job.types';

type WizardState = {
  blocked: { step: JobStep; problems: string[] } | null;
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
