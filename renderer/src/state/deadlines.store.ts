/**
 * The filters staff chose on the Deadlines page; the rows are read from main through the query layer
 * (api/queries.ts: deadlines), the same function as `claimdesk deadlines`. The dashboard tile reads its own window
 * (the next 30 days), so the page's filters never change the tile.
 */
import { create } from 'zustand';
import type { DeadlineFilter } from '../../../shared/deadlines/managed-deadlines';

export type DeadlineFilters = Pick<DeadlineFilter, 'customer' | 'state' | 'kind' | 'withinDays' | 'nextOnly'>;

const NO_FILTERS: DeadlineFilters = { customer: null, state: null, kind: null, withinDays: null, nextOnly: true };

type DeadlinesState = {
  filters: DeadlineFilters;
  setFilters: (patch: Partial<DeadlineFilters>) => void;
};

export const useDeadlinesStore = create<DeadlinesState>()((set, get) => ({
  filters: NO_FILTERS,
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
}));

/** The tile's window: open deadlines due within 30 days, overdue ones included. */
export const SOON_FILTER = { withinDays: 30 } as const;
