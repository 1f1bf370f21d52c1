/**
 * Which page the workspace shows when no job is open. An open job always wins (its view is derived from the
 * job store), so closing a job lands back on whichever page it was opened from.
 */
import { create } from 'zustand';

export type WorkspaceView = 'queue' | 'jobs' | 'outbox';

type AppViewState = {
  view: WorkspaceView;
  settingsOpen: boolean;
  show: (view: WorkspaceView) => void;
  setSettingsOpen: (open: boolean) => void;
};

export const useAppViewStore = create<AppViewState>()((set) => ({
  view: 'queue',
  settingsOpen: false,
  show: (view) => set({ view }),
  setSettingsOpen: (open) => set({ settingsOpen: open }),
}));
