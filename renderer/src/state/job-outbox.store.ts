/**
 * Queueing the open job's package, and what the job's outbox entries say (its uploads, the one still owed, a status
 * change not yet delivered). The entries themselves are read through the query layer (api/queries.ts: jobOutbox).
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { outboxMoved } from '../api/queries';
import { useIpcQuery } from '../api/use-ipc-query.hook';
import type { ErrorInfo } from '../../../shared/errors';
import type { OutboxEntryView } from '../../../shared/outbox/outbox.types';
import { isOpen } from './outbox-states';

type JobOutboxState = {
  /** The job the queueing state belongs to. */
  jobId: number | null;
  queueing: boolean;
  queueError: ErrorInfo | null;
  queueUpload: (jobId: number) => Promise<void>;
};

export const useJobOutboxStore = create<JobOutboxState>()((set, get) => ({
  jobId: null,
  queueing: false,
  queueError: null,

  queueUpload: async (jobId) => {
    if (get().queueing && get().jobId === jobId) return;
    set({ jobId, queueing: true, queueError: null });
    const result = await api.queueUpload({ jobId });
    if (get().jobId !== jobId) return;
    set({ queueing: false, queueError: result.ok ? null : result.error });
    if (result.ok) outboxMoved();
  },
}));

export function uploadsOf(entries: OutboxEntryView[]): OutboxEntryView[] {
  return entries.filter((entry) => entry.kind === 'upload');
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

/** The job's entries, newest first (none until the first answer, or without a job). */
export function useJobEntries(jobId: number | undefined): { entries: OutboxEntryView[]; loaded: boolean; error: ErrorInfo | null } {
  const { data, loaded, error } = useIpcQuery('jobOutbox', jobId ?? null);
  return { entries: data?.entries ?? NO_ENTRIES, loaded, error };
}

/** The job's current package generation has not been queued yet. */
export function usePackageNotQueued(jobId: number | undefined): boolean {
  const { data } = useIpcQuery('readyToUpload', undefined);
  return jobId !== undefined && (data?.jobIds.includes(jobId) ?? false);
}
