/**
 * Claims under management as main lists them (the same function as `claimdesk deadlines`): the filters staff
 * chose and the rows for them. Answers that overtake each other are ordered; the dashboard tile reads its own
 * window (the next 30 days) so the page's filters never change the tile.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { DeadlineFilter, ManagedDeadline } from '../../../shared/deadlines/managed-deadlines';

export type DeadlineFilters = Pick<DeadlineFilter, 'customer' | 'state' | 'kind' | 'withinDays' | 'nextOnly'>;

const NO_FILTERS: DeadlineFilters = { customer: null, state: null, kind: null, withinDays: null, nextOnly: true };

type DeadlinesState = {
  filters: DeadlineFilters;
  today: string | null;
  deadlines: ManagedDeadline[];
  problems: string[];
  loading: boolean;
  error: ErrorInfo | null;
  /** The dashboard tile: open deadlines due within 30 days (overdue included). */
  soon: ManagedDeadline[] | null;
  setFilters: (patch: Partial<DeadlineFilters>) => void;
  load: () => Promise<void>;
  loadSoon: () => Promise<void>;
};

let reads = 0;

export const useDeadlinesStore = create<DeadlinesState>()((set, get) => ({
  filters: NO_FILTERS,
  today: null,
  deadlines: [],
  problems: [],
  loading: false,
  error: null,
  soon: null,
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch } });
    void get().load();
  },
  load: async () => {
    const read = ++reads;
    set({ loading: true });
    const result = await api.listDeadlines(get().filters);
    if (read !== reads) return;
    if (result.ok) set({ today: result.value.today, deadlines: result.value.deadlines, problems: result.value.problems, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
  loadSoon: async () => {
    const result = await api.listDeadlines({ withinDays: 30 });
    if (result.ok) set({ soon: result.value.deadlines });
  },
}));
