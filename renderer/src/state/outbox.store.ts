/**
 * The outbox's counts per state (for the nav badge and the sync bar) and the actions on it. Main owns the queue and
 * pushes outboxChanged with the counts after every change; the views that list entries read them through the query
 * layer (api/queries.ts), which that same push makes stale.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { outboxMoved } from '../api/queries';
import type { ErrorInfo } from '../../../shared/errors';
import type { IpcResponse } from '../../../shared/ipc/contract';

export type SendReport = IpcResponse<'sendOutboxNow'>;
type EntryAction = 'retry' | 'discard';

type OutboxState = {
  counts: Record<string, number>;
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
};

export const useOutboxStore = create<OutboxState>()((set, get) => {
  const readCounts = async () => {
    const result = await api.listOutbox({});
    if (result.ok) set({ counts: result.value.counts });
  };

  /** A change made here: the answer is proof enough, whether or not the push follows. */
  const afterChange = async () => {
    outboxMoved();
    await readCounts();
  };

  const act = async (id: string, action: EntryAction) => {
    if (get().pending[id]) return;
    set((state) => ({ pending: { ...state.pending, [id]: action }, actionError: null }));
    const result = action === 'retry' ? await api.retryOutboxEntry({ id }) : await api.discardOutboxEntry({ id });
    set((state) => {
      const { [id]: _done, ...pending } = state.pending;
      return { pending, actionError: result.ok ? null : { id, error: result.error } };
    });
    await afterChange();
  };

  return {
    counts: {},
    pending: {},
    actionError: null,
    sending: false,
    lastSend: null,

    /** Subscribe first, then read, so a change between the two is not missed. */
    start: () => {
      const unsubscribe = api.onOutboxChanged(({ counts }) => set({ counts }));
      void readCounts();
      return unsubscribe;
    },

    retry: (id) => act(id, 'retry'),
    discard: (id) => act(id, 'discard'),

    sendNow: async () => {
      if (get().sending) return;
      set({ sending: true, actionError: null, lastSend: null });
      const result = await api.sendOutboxNow({});
      set(result.ok ? { sending: false, lastSend: result.value } : { sending: false, actionError: { id: null, error: result.error } });
      await afterChange();
    },
  };
});
