/**
 * Mirror of main's outbox: entries per state (for the nav badge and the sync bar) and a version that moves on
 * every change, so each view re-reads the entries it shows. Main owns the queue and pushes outboxChanged after
 * every change; the actions here only ask main and let that push (or the local bump) refresh the views.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { IpcResponse } from '../../../shared/ipc/contract';

export type SendReport = IpcResponse<'sendOutboxNow'>;
const POLL_MS = 1_000;
/** Entries waiting for a retry or a sign-in change more slowly: every 5 s is soon enough. */
const WAITING_POLL_TICKS = 5;
type EntryAction = 'retry' | 'discard';

type OutboxState = {
  counts: Record<string, number>;
  /** Bumped on every change; views that list entries re-read when it moves. */
  version: number;
  /** Entries with an action waiting for main's answer, so their buttons cannot be pressed twice. */
  pending: Record<string, EntryAction>;
  /** The last refused action and the entry it was about. */
  actionError: { id: string | null; error: ErrorInfo } | null;
  sending: boolean;
  lastSend: SendReport | null;
  start: () => () => void;
  retry: (id: string) => Promise<void>;
  discard: (id: string) => Promise<void>;
  sendNow: () => Promise<void>;
  /** Re-read the counts and let every view re-read its entries (after a change made elsewhere, e.g. a conflict choice). */
  refresh: () => Promise<void>;
};

export const useOutboxStore = create<OutboxState>()((set, get) => {
  const readCounts = async () => {
    const result = await api.listOutbox({});
    if (result.ok) set((state) => ({ counts: result.value.counts, version: state.version + 1 }));
  };

  const act = async (id: string, action: EntryAction) => {
    if (get().pending[id]) return;
    set((state) => ({ pending: { ...state.pending, [id]: action }, actionError: null }));
    const result = action === 'retry' ? await api.retryOutboxEntry({ id }) : await api.discardOutboxEntry({ id });
    set((state) => {
      const { [id]: _done, ...pending } = state.pending;
      return { pending, actionError: result.ok ? null : { id, error: result.error } };
    });
    // The push may be lost while the event stream reconnects; the answer itself is proof something changed.
    await readCounts();
  };

  return {
    counts: {},
    version: 0,
    pending: {},
    actionError: null,
    sending: false,
    lastSend: null,

    /** Subscribe first, then read, so a change between the two is not missed. */
    start: () => {
      const unsubscribe = api.onOutboxChanged(({ counts }) => set((state) => ({ counts, version: state.version + 1 })));
      void readCounts();
      // Pushes are not caught up after the event stream reconnects, and the sender's own progress (sending →
      // delivered, failed, waiting) is not pushed by every back-end: while something moves, look for ourselves.
      let tick = 0;
      const timer = window.setInterval(() => {
        tick += 1;
        const { counts } = get();
        const moving = (counts['queued'] ?? 0) + (counts['sending'] ?? 0) > 0;
        const waiting = (counts['retry'] ?? 0) + (counts['paused'] ?? 0) > 0;
        if (moving || (waiting && tick % WAITING_POLL_TICKS === 0)) void readCounts();
      }, POLL_MS);
      return () => {
        window.clearInterval(timer);
        unsubscribe();
      };
    },

    retry: (id) => act(id, 'retry'),
    discard: (id) => act(id, 'discard'),

    sendNow: async () => {
      if (get().sending) return;
      set({ sending: true, actionError: null, lastSend: null });
      const result = await api.sendOutboxNow({});
      set(result.ok ? { sending: false, lastSend: result.value } : { sending: false, actionError: { id: null, error: result.error } });
      await readCounts();
    },

    refresh: readCounts,
  };
});
