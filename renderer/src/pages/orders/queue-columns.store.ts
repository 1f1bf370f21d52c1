/**
 * Which queue columns staff chose to see (the column chooser), remembered on this computer. The order number is
 * always shown; an unknown or missing saved value falls back to the defaults.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { ORDER_COLUMNS, type OrderColumn, type OrderColumnId } from './order-columns';

const KEY = 'claimdesk.queue-columns';
const DEFAULT_HIDDEN: readonly OrderColumnId[] = ORDER_COLUMNS.filter((c) => !c.shownByDefault).map((c) => c.id);

function remembered(): OrderColumnId[] {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) return ORDER_COLUMNS.filter((c) => saved.includes(c.id) && c.id !== 'orderNumber').map((c) => c.id);
  } catch {
    // Unreadable storage: the defaults.
  }
  return [...DEFAULT_HIDDEN];
}

type QueueColumnsState = {
  hidden: OrderColumnId[];
  setShown: (id: OrderColumnId, shown: boolean) => void;
  reset: () => void;
};

function save(hidden: OrderColumnId[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(hidden));
  } catch {
    // Not remembered after a restart; the choice still holds in this window.
  }
}

export const useQueueColumns = create<QueueColumnsState>()((set, get) => ({
  hidden: remembered(),
  setShown: (id, shown) => {
    if (id === 'orderNumber') return;
    const hidden = shown ? get().hidden.filter((h) => h !== id) : [...new Set([...get().hidden, id])];
    save(hidden);
    set({ hidden });
  },
  reset: () => {
    save([...DEFAULT_HIDDEN]);
    set({ hidden: [...DEFAULT_HIDDEN] });
  },
}));

/** The columns shown, in priority order. */
export function useShownColumns(): readonly OrderColumn[] {
  const hidden = useQueueColumns((state) => state.hidden);
  return useMemo(() => ORDER_COLUMNS.filter((column) => !hidden.includes(column.id)), [hidden]);
}
