/**
 * Which page the workspace shows when no job is open. An open job always wins (its view is derived from the
 * job store), so closing a job lands back on whichever page it was opened from.
 *
 * Starting the app and signing in land on the dashboard: what needs doing today comes first. A reload keeps the
 * page staff were on (remembered for this window only), as it keeps the open job.
 */
import { create } from 'zustand';

export type WorkspaceView = 'dashboard' | 'queue' | 'jobs' | 'outbox' | 'deadlines';

const VIEW_KEY = 'claimdesk.view';
const VIEWS: readonly WorkspaceView[] = ['dashboard', 'queue', 'jobs', 'outbox', 'deadlines'];

function rememberedView(): WorkspaceView {
  try {
    const value = window.sessionStorage.getItem(VIEW_KEY);
    return VIEWS.find((view) => view === value) ?? 'dashboard';
  } catch {
    return 'dashboard';
  }
}

function rememberView(view: WorkspaceView): void {
  try {
    window.sessionStorage.setItem(VIEW_KEY, view);
  } catch {
    // Storage may be unavailable; a reload then starts on the dashboard, which is fine.
  }
}

type AppViewState = {
  view: WorkspaceView;
  settingsOpen: boolean;
  show: (view: WorkspaceView) => void;
  setSettingsOpen: (open: boolean) => void;
};

export const useAppViewStore = create<AppViewState>()((set) => ({
  view: rememberedView(),
  settingsOpen: false,
  show: (view) => {
    rememberView(view);
    set({ view });
  },
  setSettingsOpen: (open) => set({ settingsOpen: open }),
}));
