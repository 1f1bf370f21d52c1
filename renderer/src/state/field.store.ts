/**
 * The Field step's state: the open job's staked posts as main compares them (main reads and matches the file;
 * the renderer only sends its text), the status filter and sort of the posts table, and an acceptance running.
 * Accepting replaces the job's layout and regenerates its package, so the job and documents stores reload after.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { FieldView, PostStatus } from '../../../shared/field/field.types';
import { useJobStore } from './job.store';
import { useDocumentsStore } from './documents.store';

export type FieldFilter = PostStatus | 'extra' | 'all';
export type FieldSort = { by: 'post' | 'offset'; descending: boolean };

type FieldState = {
  jobId: number | null;
  field: FieldView | null;
  loaded: boolean;
  busy: 'import' | 'accept' | null;
  error: ErrorInfo | null;
  /** After an acceptance: the package was regenerated (true) or the layout needs fixing first (false). */
  accepted: { regenerated: boolean } | null;
  filter: FieldFilter;
  sort: FieldSort;
  load: (jobId: number) => Promise<void>;
  importFile: (file: File) => Promise<void>;
  accept: () => Promise<void>;
  setFilter: (filter: FieldFilter) => void;
  sortBy: (by: FieldSort['by']) => void;
};

export const useFieldStore = create<FieldState>()((set, get) => ({
  jobId: null,
  field: null,
  loaded: false,
  busy: null,
  error: null,
  accepted: null,
  filter: 'all',
  sort: { by: 'offset', descending: true },

  load: async (jobId) => {
    if (get().jobId !== jobId) set({ jobId, field: null, loaded: false, busy: null, error: null, accepted: null, filter: 'all' });
    const result = await api.getField({ jobId });
    if (get().jobId !== jobId) return;
    set(result.ok ? { field: result.value.field, loaded: true } : { loaded: true, error: result.error });
  },

  importFile: async (file) => {
    const { jobId } = get();
    if (jobId === null || get().busy) return;
    set({ busy: 'import', error: null, accepted: null });
    const text = await file.text();
    const result = await api.importStaked({ jobId, fileName: file.name, text });
    if (get().jobId !== jobId) return;
    set(result.ok ? { busy: null, field: result.value, filter: 'all' } : { busy: null, error: result.error });
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
    set({ busy: null, field: result.value.field, accepted: { regenerated: result.value.package !== null } });
    // The layout and the package changed in main: show them.
    await useJobStore.getState().openJob(jobId);
    await useDocumentsStore.getState().load(jobId);
  },

  setFilter: (filter) => set({ filter }),
  sortBy: (by) => set(({ sort }) => ({ sort: { by, descending: sort.by === by ? !sort.descending : by === 'offset' } })),
}));
