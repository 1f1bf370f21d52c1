/**
 * The order queue: filters, sort, the rows fetched so far, selection and the opened order.
 *
 * Filtering and sorting happen in SQL in main; the renderer only asks for pages of PAGE_SIZE rows around what
 * the virtualized table shows. With 10,000 orders that keeps every IPC answer small (a search keystroke does
 * not ship megabytes of JSON) while scrolling stays smooth because neighbouring pages arrive ahead of time.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { OrderType } from '../../../shared/api/geodb.schemas';
import {
  orderKeyString,
  type OrderDetail,
  type OrderKey,
  type OrderQuery,
  type OrderSortColumn,
  type OrderSummary,
} from '../../../shared/domain/order.types';
import type { ErrorInfo } from '../../../shared/errors';
import type { DashboardFocus } from '../../../shared/workflow/workflow-focus';

export const PAGE_SIZE = 200;

export type OrderFilters = {
  search: string;
  orderType: OrderType | 'all';
  status: string;
  expedited: boolean;
  stakingService: boolean;
  awaitingCrew: boolean;
  hasProblems: boolean;
  includeGone: boolean;
  /** A dashboard count clicked through: exactly the orders it counted (shown as a removable chip). */
  focus: DashboardFocus | null;
};

export type OrderSort = { column: OrderSortColumn; direction: 'asc' | 'desc' };

export const DEFAULT_FILTERS: OrderFilters = {
  search: '',
  orderType: 'all',
  status: 'all',
  expedited: false,
  stakingService: false,
  awaitingCrew: false,
  hasProblems: false,
  includeGone: false,
  focus: null,
};

/** Oldest first: the queue is worked in the order customers paid. */
export const DEFAULT_SORT: OrderSort = { column: 'createdAt', direction: 'asc' };

type OrdersState = {
  filters: OrderFilters;
  sort: OrderSort;
  /** Bumped when filters or sort change (not on refresh): the table scrolls back to the top. */
  queryVersion: number;
  pages: Record<number, OrderSummary[]>;
  total: number;
  totalCached: number;
  statuses: string[];
  /** The first answer for the current query has arrived (until then `total` is from the previous query). */
  loaded: boolean;
  loading: boolean;
  error: ErrorInfo | null;
  selectedIndex: number | null;
  openedKey: OrderKey | null;
  detail: OrderDetail | null;
  detailLoading: boolean;
  detailError: ErrorInfo | null;

  setFilters: (patch: Partial<OrderFilters>) => void;
  clearFilters: () => void;
  /** The dashboard's click-through: only this focus, every other filter cleared, so the count and the list agree. */
  showFocus: (focus: DashboardFocus) => void;
  toggleSort: (column: OrderSortColumn) => void;
  refresh: () => Promise<void>;
  requestRange: (start: number, end: number) => void;
  select: (index: number | null) => void;
  moveSelection: (delta: number) => void;
  openIndex: (index: number) => void;
  openSelected: () => void;
  openOrder: (key: OrderKey) => Promise<void>;
  closeDetail: () => void;
};

/** Only set filters become query fields: `false` means "don't filter", not "only orders without the flag". */
export function toQuery(filters: OrderFilters, sort: OrderSort): OrderQuery {
  const query: OrderQuery = { sort, includeGone: filters.includeGone };
  const search = filters.search.trim();
  if (search) query.search = search.slice(0, 200);
  if (filters.orderType !== 'all') query.orderTypes = [filters.orderType];
  if (filters.status !== 'all') query.statuses = [filters.status];
  if (filters.expedited) query.expedited = true;
  if (filters.stakingService) query.stakingService = true;
  if (filters.awaitingCrew) query.awaitingCrew = true;
  if (filters.hasProblems) query.hasProblems = true;
  if (filters.focus) query.focus = filters.focus;
  return query;
}

export function rowAt(pages: Record<number, OrderSummary[]>, index: number | null): OrderSummary | undefined {
  if (index === null || index < 0) return undefined;
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

// Requests are tagged with the query generation; answers for an older generation are dropped, so a slow
// answer to "ab" can never overwrite the answer to "abc".
let generation = 0;
const inFlight = new Set<number>();
let visible = { start: 0, end: PAGE_SIZE - 1 };

function pagesFor(start: number, end: number): number[] {
  const first = Math.max(0, Math.floor(start / PAGE_SIZE));
  const last = Math.max(first, Math.floor(end / PAGE_SIZE));
  const pages: number[] = [];
  for (let page = first; page <= last; page += 1) pages.push(page);
  return pages;
}

export const useOrdersStore = create<OrdersState>()((set, get) => {
  const fetchPage = (page: number) =>
    api.queryOrders({ ...toQuery(get().filters, get().sort), limit: PAGE_SIZE, offset: page * PAGE_SIZE });

  /** Fetches the pages around what is visible and swaps them in at once: no flash of empty rows. */
  const reload = async () => {
    const gen = ++generation;
    inFlight.clear();
    const before = get();
    const selectedKey = rowAt(before.pages, before.selectedIndex);
    set({ loading: true });
    const wanted = pagesFor(visible.start, visible.end);
    const results = await Promise.all(wanted.map(fetchPage));
    if (gen !== generation) return;
    const pages: Record<number, OrderSummary[]> = {};
    let meta: Pick<OrdersState, 'total' | 'totalCached' | 'statuses'> = get();
    for (const [i, result] of results.entries()) {
      if (!result.ok) {
        set({ loading: false, loaded: true, error: result.error });
        return;
      }
      pages[wanted[i]!] = result.value.orders;
      meta = { total: result.value.total, totalCached: result.value.totalCached, statuses: result.value.statuses };
    }
    // Keep the selection on the same order if it is still in the loaded window.
    let selectedIndex: number | null = null;
    if (selectedKey) {
      const wantedKey = orderKeyString(selectedKey);
      for (const [page, rows] of Object.entries(pages)) {
        const at = rows.findIndex((row) => orderKeyString(row) === wantedKey);
        if (at >= 0) selectedIndex = Number(page) * PAGE_SIZE + at;
      }
    }
    set({ total: meta.total, totalCached: meta.totalCached, statuses: meta.statuses, pages, loading: false, loaded: true, error: null, selectedIndex });
  };

  const newQuery = (patch: Partial<Pick<OrdersState, 'filters' | 'sort'>>) => {
    visible = { start: 0, end: PAGE_SIZE - 1 };
    set((state) => ({ ...patch, queryVersion: state.queryVersion + 1, selectedIndex: null }));
    void reload();
  };

  return {
    filters: DEFAULT_FILTERS,
    sort: DEFAULT_SORT,
    queryVersion: 0,
    pages: {},
    total: 0,
    totalCached: 0,
    statuses: [],
    loaded: false,
    loading: false,
    error: null,
    selectedIndex: null,
    openedKey: null,
    detail: null,
    detailLoading: false,
    detailError: null,

    setFilters: (patch) => newQuery({ filters: { ...get().filters, ...patch } }),
    clearFilters: () => newQuery({ filters: DEFAULT_FILTERS }),
    showFocus: (focus) => newQuery({ filters: { ...DEFAULT_FILTERS, focus } }),
    toggleSort: (column) => {
      const { sort } = get();
      const direction = sort.column === column && sort.direction === 'asc' ? 'desc' : 'asc';
      newQuery({ sort: { column, direction } });
    },

    refresh: async () => {
      await reload();
      const { openedKey } = get();
      if (openedKey) await get().openOrder(openedKey);
    },

    requestRange: (start, end) => {
      visible = { start, end };
      const state = get();
      // While a reload is in flight the rows on screen belong to the previous query; it re-requests after.
      if (state.loading || !state.loaded || state.total === 0) return;
      const gen = generation;
      for (const page of pagesFor(start, Math.min(end, state.total - 1))) {
        if (state.pages[page] || inFlight.has(page)) continue;
        inFlight.add(page);
        void fetchPage(page).then((result) => {
          if (gen !== generation) return;
          inFlight.delete(page);
          if (!result.ok) {
            set({ error: result.error });
            return;
          }
          set((current) => ({ pages: { ...current.pages, [page]: result.value.orders }, total: result.value.total }));
        });
      }
    },

    select: (index) => set({ selectedIndex: index }),
    moveSelection: (delta) => {
      const { total, selectedIndex } = get();
      if (total === 0) return;
      const from = selectedIndex ?? (delta > 0 ? -1 : total);
      set({ selectedIndex: Math.min(total - 1, Math.max(0, from + delta)) });
    },
    openIndex: (index) => {
      set({ selectedIndex: index });
      const row = rowAt(get().pages, index);
      if (row) void get().openOrder({ orderType: row.orderType, id: row.id });
    },
    openSelected: () => {
      const { selectedIndex } = get();
      if (selectedIndex !== null) get().openIndex(selectedIndex);
    },

    openOrder: async (key) => {
      const sameOrder = get().openedKey && orderKeyString(get().openedKey!) === orderKeyString(key);
      // Re-opening the same order (a refresh) keeps the old details on screen until the new ones arrive.
      set({ openedKey: key, detailLoading: true, detailError: null, ...(sameOrder ? {} : { detail: null }) });
      const result = await api.getOrder(key);
      const current = get().openedKey;
      if (!current || orderKeyString(current) !== orderKeyString(key)) return;
      if (result.ok) set({ detail: result.value, detailLoading: false });
      else set({ detailError: result.error, detailLoading: false });
    },
    closeDetail: () => set({ openedKey: null, detail: null, detailError: null, detailLoading: false }),
  };
});
