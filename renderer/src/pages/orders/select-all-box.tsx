import { useEffect, useRef } from 'react';
import { orderKeyString, type OrderSummary } from '../../../../shared/domain/order.types';
import { useOrdersStore } from '../../state/orders.store';
import { useOrderSelection } from '../../state/order-selection.store';

/**
 * Ticks every order the queue has loaded for the current search and filters (the pages around what is in view;
 * all of them for a queue of normal size). Half-ticked when only some are.
 */
export function SelectAllBox() {
  const pages = useOrdersStore((state) => state.pages);
  const selected = useOrderSelection((state) => state.selected);
  const setMany = useOrderSelection((state) => state.setMany);
  const ref = useRef<HTMLInputElement>(null);
  const rows: OrderSummary[] = Object.values(pages).flat();
  const ticked = rows.filter((row) => selected[orderKeyString(row)] !== undefined).length;
  const all = rows.length > 0 && ticked === rows.length;

  useEffect(() => {
    if (ref.current) ref.current.indeterminate = ticked > 0 && !all;
  }, [ticked, all]);

  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      checked={all}
      disabled={rows.length === 0}
      aria-label={all ? 'Untick all shown orders' : `Tick all ${rows.length} shown orders`}
      title={all ? 'Untick all shown orders' : `Tick all ${rows.length} shown orders for export`}
      data-testid="select-all-orders"
      onChange={() => setMany(rows, !all)}
    />
  );
}
