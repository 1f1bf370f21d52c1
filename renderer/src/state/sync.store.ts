/**
 * Mirror of main's sync state. Main owns the truth and pushes every change through onSyncStatus; the store
 * only remembers the latest status (which carries the last sync's report, whoever started that sync).
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { SyncStatus } from '../../../shared/domain/sync.types';
import type { ErrorInfo } from '../../../shared/errors';

type SyncState = {
  status: SyncStatus | null;
  /** A failure of runSync itself that the status does not describe (e.g. the host went away). */
  runError: ErrorInfo | null;
  /** True between clicking "Sync now" and the answer, so the button reacts before the first status push. */
  requested: boolean;
  start: () => () => void;
  runSync: () => Promise<void>;
};

export const useSyncStore = create<SyncState>()((set) => ({
  status: null,
  runError: null,
  requested: false,

  /** Subscribe first, then read the current status, so no push that happens in between is lost. */
  start: () => {
    let latestPushAt = 0;
    const unsubscribe = api.onSyncStatus((status) => {
      latestPushAt = Date.now();
      // A new attempt or a success makes an older runSync failure obsolete.
      set((state) => ({
        status,
        // Main saying it is neither syncing nor in error (the server answered something else) clears it too.
        runError:
          status.state === 'syncing' || status.state === 'idle' || status.lastSuccessAt !== state.status?.lastSuccessAt ? null : state.runError,
      }));
    });
    const askedAt = Date.now();
    void api.getSyncStatus({}).then((result) => {
      // A push that arrived after we asked is newer than this answer: keep it.
      if (result.ok && latestPushAt < askedAt) set({ status: result.value });
    });
    return unsubscribe;
  },

  runSync: async () => {
    set({ requested: true, runError: null });
    const result = await api.runSync({});
    if (result.ok) {
      set({ requested: false });
    } else if (result.error.code === 'busy') {
      // A background sync is already running; its progress arrives through onSyncStatus.
      set({ requested: false });
    } else {
      set({ requested: false, runError: result.error });
    }
    // Do not wait for the push: the status after a failed or finished run is what the bar should show now.
    const status = await api.getSyncStatus({});
    if (status.ok) set({ status: status.value });
  },
}));

/** The error the sync bar should explain: the status's own error, else the failure of our last runSync. */
export function selectSyncError(state: SyncState): ErrorInfo | null {
  if (state.status?.state === 'syncing') return null;
  return state.status?.error ?? state.runError;
}

/** Offline as staff should see it: main says so, or the last try failed for want of the server (not while a new one runs). */
export function selectOffline(state: SyncState): boolean {
  const syncing = state.requested || state.status?.state === 'syncing';
  return state.status?.state === 'offline' || (!syncing && selectSyncError(state)?.code === 'offline');
}
