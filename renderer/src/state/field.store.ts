/**
 * The Field step's own state: the status filter and sort of the posts table, an import or acceptance running, and
 * what the last one answered. The comparison itself is read through the query layer (QUERIES.field): main reads and
 * matches the file (the renderer only sends its text), and every change here marks it stale, so the step shows
 * main's answer and nothing else.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { changed } from '../api/queries';
import type { ErrorInfo } from '../../../shared/errors';
import type { PostStatus } from '../../../shared/field/field.types';
import { useJobStore } from './job.store';

export type FieldFilter = PostStatus | 'extra' | 'all';
export type FieldSort = { by: 'post' | 'offset'; descending: boolean };

type FieldState = {
  /** The job the rest belongs to; anything for another job is reset. */
  jobId: number | null;
  busy: 'import' | 'accept' | null;
  error: ErrorInfo | null;
  /** After an acceptance: the package was made again (true) or the layout needs fixing first (false). */
  accepted: { regenerated: boolean } | null;
  filter: FieldFilter;
  sort: FieldSort;
  open: (jobId: number) => void;
  importFile: (file: File) => Promise<void>;
  accept: () => Promise<void>;
  setFilter: (filter: FieldFilter) => void;
  sortBy: (by: FieldSort['by']) => void;
};

export const useFieldStore = create<FieldState>()((set, get) => ({
  jobId: null,
  busy: null,
  error: null,
  accepted: null,
  filter: 'all',
  sort: { by: 'offset', descending: true },

  open: (jobId) => {
    if (get().jobId !== jobId) set({ jobId, busy: null, error: null, accepted: null, filter: 'all' });
  },

  importFile: async (file) => {
    const { jobId } = get();
    if (jobId === null || get().busy) return;
    set({ busy: 'import', error: null, accepted: null });
    const text = await file.text();
    const result = await api.importStaked({ jobId, fileName: file.name, text });
    if (get().jobId !== jobId) return;
    set(result.ok ? { busy: null, filter: 'all' } : { busy: null, error: result.error });
    if (result.ok) changed('workflowChanged', { jobIds: [jobId] });
  },

  accept: async () => {
    const { jobId } = get();
    if (jobId === null || get().busy) return;
    set({ busy: 'accept', error: null });
    await useJobStore.getState().flushSave();
    const result = await api.acceptStaked({ jobId });
    if (get().jobId !== jobId) return;
    if (!result.ok) {
      set({ busy: null, error: result.error });
      return;
    }
    set({ busy: null, accepted: { regenerated: result.value.package !== null } });
    changed('workflowChanged', { jobIds: [jobId] });
    // The layout is now the posts as staked: the job being edited is read again whole (its live view never takes a layout).
    await useJobStore.getState().openJob(jobId);
  },

  setFilter: (filter) => set({ filter }),
  sortBy: (by) => set(({ sort }) => ({ sort: { by, descending: sort.by === by ? !sort.descending : by === 'offset' } })),
}));
