/**
 * Orders ticked in the queue for a batch export. Kept by order key, not row index: a sync or a new sort moves
 * rows around, and a ticked order must stay ticked (and an order scrolled out of the virtual window too).
 */
import { create } from 'zustand';
import { orderKeyString, type OrderKey, type OrderSummary } from '../../../shared/domain/order.types';

export type SelectedOrder = OrderKey & { orderNumber: string };

type SelectionState = {
  /** Insertion-ordered, so the export runs in the order staff ticked. */
  selected: Record<string, SelectedOrder>;
  /** Row index of the last plain click: the start of a shift-click range. */
  anchor: number | null;
  /** Ticks or unticks one row; with shift, every loaded row from the anchor to it takes the clicked row's new state. */
  toggle: (index: number, order: OrderSummary, range: boolean, rowAt: (index: number) => OrderSummary | undefined) => void;
  setMany: (orders: OrderSummary[], on: boolean) => void;
  clear: () => void;
};

function entry(order: OrderSummary): SelectedOrder {
  return { orderType: order.orderType, id: order.id, orderNumber: order.orderNumber };
}

export const useOrderSelection = create<SelectionState>()((set, get) => ({
  selected: {},
  anchor: null,

  toggle: (index, order, range, rowAt) => {
    const { selected, anchor } = get();
    const on = !selected[orderKeyString(order)];
    const next = { ...selected };
    const apply = (row: OrderSummary) => {
      if (on) next[orderKeyString(row)] = entry(row);
      else delete next[orderKeyString(row)];
    };
    if (range && anchor !== null) {
      for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i += 1) {
        const row = rowAt(i);
        if (row) apply(row);
      }
    } else {
      apply(order);
    }
    set({ selected: next, anchor: index });
  },

  setMany: (orders, on) => {
    const next = { ...get().selected };
    for (const order of orders) {
      if (on) next[orderKeyString(order)] = entry(order);
      else delete next[orderKeyString(order)];
    }
    set({ selected: next });
  },

  clear: () => set({ selected: {}, anchor: null }),
}));

export function selectedList(selected: Record<string, SelectedOrder>): SelectedOrder[] {
  return Object.values(selected);
}
