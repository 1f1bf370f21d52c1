/**
 * The open job's outbox entries (closed ones included: the delivered upload is what finishes the Upload step) and
 * whether its current package still has to be queued. Read again after every outbox change by useJobLive.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { OutboxEntryView } from '../../../shared/outbox/outbox.types';
import { isOpen } from './outbox-states';

type JobOutboxState = {
  /** The job the rest belongs to; anything for another job is stale. */
  jobId: number | null;
  entries: OutboxEntryView[];
  /** The current package (its generation) has not been queued yet. */
  packageNotQueued: boolean;
  loaded: boolean;
  error: ErrorInfo | null;
  queueing: boolean;
  queueError: ErrorInfo | null;
  load: (jobId: number) => Promise<void>;
  queueUpload: () => Promise<void>;
};

// Answers can overtake each other when changes come quickly: only the latest read is taken.
let reads = 0;

export const useJobOutboxStore = create<JobOutboxState>()((set, get) => ({
  jobId: null,
  entries: [],
  packageNotQueued: false,
  loaded: false,
  error: null,
  queueing: false,
  queueError: null,

  load: async (jobId) => {
    if (get().jobId !== jobId) set({ jobId, entries: [], packageNotQueued: false, loaded: false, error: null, queueing: false, queueError: null });
    const read = ++reads;
    const [list, ready] = await Promise.all([api.listOutbox({ jobId, includeClosed: true }), api.listReadyToUpload({})]);
    if (read !== reads || get().jobId !== jobId) return;
    if (!list.ok) {
      set({ loaded: true, error: list.error });
      return;
    }
    set({ loaded: true, error: null, entries: list.value.entries, packageNotQueued: ready.ok && ready.value.jobIds.includes(jobId) });
  },

  queueUpload: async () => {
    const { jobId, queueing } = get();
    if (jobId === null || queueing) return;
    set({ queueing: true, queueError: null });
    const result = await api.queueUpload({ jobId });
    if (get().jobId !== jobId) return;
    if (!result.ok) {
      set({ queueing: false, queueError: result.error });
      return;
    }
    // Shown at once as main answered it; the re-read that follows brings how far sending got meanwhile.
    const entry = result.value;
    set((state) => ({ queueing: false, entries: [entry, ...state.entries.filter((other) => other.id !== entry.id)] }));
    await get().load(jobId);
  },
}));

export function uploadsOf(entries: OutboxEntryView[]): OutboxEntryView[] {
  return entries.filter((entry) => entry.kind === 'upload');
}

/** The Upload step is done once any upload of this job reached the server. */
export function hasDelivered(entries: OutboxEntryView[]): boolean {
  return entries.some((entry) => entry.kind === 'upload' && entry.state === 'done');
}

/** An upload still owed to the server: queueing again would only hand back this one. */
export function openUpload(entries: OutboxEntryView[]): OutboxEntryView | undefined {
  return entries.find((entry) => entry.kind === 'upload' && isOpen(entry.state));
}

/** A status change not yet delivered: the job header shows it as pending. */
export function pendingStatusChange(entries: OutboxEntryView[]): OutboxEntryView | undefined {
  return entries.find((entry) => entry.kind === 'status' && isOpen(entry.state));
}

const NO_ENTRIES: OutboxEntryView[] = [];

/** The open job's entries; none while the store still holds another job's (a stable array, so no re-render loop). */
export function useJobEntries(jobId: number | undefined): OutboxEntryView[] {
  return useJobOutboxStore((state) => (jobId !== undefined && state.jobId === jobId ? state.entries : NO_ENTRIES));
}
