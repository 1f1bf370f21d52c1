import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { orderKeyString } from '../../../../shared/domain/order.types';
import { rowAt, useOrdersStore } from '../../state/orders.store';
import { gridTemplate, HEADER_HEIGHT, ROW_HEIGHT, type OrderColumn } from './order-columns';
import { useShownColumns } from './queue-columns.store';
import { OrderRow, rowDomId } from './order-row';
import { useOrderSelection } from '../../state/order-selection.store';
import { SelectAllBox } from './select-all-box';

/** Rows fetched beyond the visible window, so normal scrolling rarely shows a placeholder. */
const PREFETCH_ROWS = 100;

function SortHeader({ columns }: { columns: readonly OrderColumn[] }) {
  const sort = useOrdersStore((state) => state.sort);
  const toggleSort = useOrdersStore((state) => state.toggleSort);
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row grid-row--head">
        {columns.map((column) => {
          const active = column.sort !== undefined && sort.column === column.sort;
          const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={ariaSort}
              className={column.align === 'end' ? 'head-cell head-cell--end' : 'head-cell'}
              data-testid={`column-${column.id}`}
            >
              {column.id === 'orderNumber' && <SelectAllBox />}
              {column.sort ? (
                <button
                  type="button"
                  className={active ? 'sort-button sort-button--active' : 'sort-button'}
                  onClick={() => toggleSort(column.sort!)}
                  title={`Sort by ${column.label.toLowerCase()}`}
                >
                  {column.label}
                  <span className="sort-button__arrow" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                <span className="head-cell__label">{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The virtualized queue. Only the rows in view (plus overscan) exist in the DOM; rows are a fixed height so the
 * virtualizer never has to measure. Focus stays on the grid and the selected row is announced through
 * aria-activedescendant, the usual pattern for large keyboard-driven lists.
 */
export function OrderTable() {
  const pages = useOrdersStore((state) => state.pages);
  const total = useOrdersStore((state) => state.total);
  const loaded = useOrdersStore((state) => state.loaded);
  const loading = useOrdersStore((state) => state.loading);
  const queryVersion = useOrdersStore((state) => state.queryVersion);
  const selectedIndex = useOrdersStore((state) => state.selectedIndex);
  const openedKey = useOrdersStore((state) => state.openedKey);
  const checked = useOrderSelection((state) => state.selected);
  const { requestRange, openIndex, select, moveSelection, openSelected, closeDetail } = useOrdersStore.getState();
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useShownColumns();
  const template = gridTemplate(columns);
  const gridStyle = { '--order-columns': template.columns, '--order-grid-min': `${template.minWidthPx}px` } as CSSProperties;

  // The header is sticky inside the scroll element: rows start below it and must not hide under it.
  // (This app does not use the React Compiler, so its "cannot memoize" warning does not apply.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    requestRange(Math.max(0, first - PREFETCH_ROWS), last + PREFETCH_ROWS);
  }, [first, last, pages, total, loaded, loading, requestRange]);

  // A new filter or sort is a new list: start at its top. A sync refresh keeps the scroll position.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryVersion]);

  const onOpen = useCallback((index: number) => openIndex(index), [openIndex]);
  const onCheck = useCallback((index: number, range: boolean) => {
    const rowAtIndex = (i: number) => rowAt(useOrdersStore.getState().pages, i);
    const row = rowAtIndex(index);
    if (row) useOrderSelection.getState().toggle(index, row, range, rowAtIndex);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The header's sort buttons and select-all are tab stops of their own: their Enter and Space are theirs.
    if (event.target !== event.currentTarget) return;
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: pageRows,
      PageUp: -pageRows,
      Home: -Infinity,
      End: Infinity,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      if (Number.isFinite(move)) moveSelection(move);
      else if (total > 0) select(move > 0 ? total - 1 : 0);
      const index = useOrdersStore.getState().selectedIndex;
      if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openSelected();
    } else if (event.key === 'Escape') {
      closeDetail();
    } else if (event.key === 'x' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const index = useOrdersStore.getState().selectedIndex;
      if (index !== null) {
        event.preventDefault();
        onCheck(index, event.shiftKey);
      }
    }
  };

  const openedKeyString = openedKey ? orderKeyString(openedKey) : null;
  const selectedRow = rowAt(pages, selectedIndex);

  return (
    <div
      ref={scrollRef}
      className="order-grid"
      role="grid"
      aria-label="Pending orders"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      style={gridStyle}
      aria-busy={loading}
      aria-activedescendant={selectedIndex !== null && selectedRow ? rowDomId(selectedIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // Keyboard users land on a row at once instead of on "nothing selected" (not when a header control took focus).
        if (event.target === event.currentTarget && selectedIndex === null && total > 0) select(Math.max(0, first));
      }}
      data-testid="order-table"
    >
      <SortHeader columns={columns} />
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const order = rowAt(pages, item.index);
          return (
            <OrderRow
              key={item.key}
              index={item.index}
              order={order}
              selected={item.index === selectedIndex}
              opened={order !== undefined && openedKeyString === orderKeyString(order)}
              checked={order !== undefined && checked[orderKeyString(order)] !== undefined}
              top={item.start - HEADER_HEIGHT}
              onOpen={onOpen}
              onCheck={onCheck}
              columns={columns}
            />
          );
        })}
      </div>
    </div>
  );
}
