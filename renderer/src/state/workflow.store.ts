/**
 * Workflow changes pushed by main (a transition, a sync, the stale check): a version that moves on every push,
 * with the jobs it named, so the views showing a job's state (the job header, its history, the dashboard, the
 * queue's columns) re-read what they show. Main owns the workflow; this store only says "something changed".
 */
import { create } from 'zustand';
import { api } from '../api/client';

type WorkflowEventsState = {
  version: number;
  /** The jobs named by the latest push (empty: anything may have changed). */
  lastJobIds: number[];
  start: () => () => void;
  /** A change made from this window: the answer is proof enough, the push may come later (or be lost on reconnect). */
  bump: (jobIds: number[]) => void;
};

export const useWorkflowEvents = create<WorkflowEventsState>()((set) => ({
  version: 0,
  lastJobIds: [],
  start: () => api.onWorkflowChanged(({ jobIds }) => set((state) => ({ version: state.version + 1, lastJobIds: jobIds }))),
  bump: (jobIds) => set((state) => ({ version: state.version + 1, lastJobIds: jobIds })),
}));
