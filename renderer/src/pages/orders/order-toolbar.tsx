import { useEffect, useId, useState } from 'react';
import { ORDER_TYPE_LABELS } from '../../../../shared/domain/order.types';
import type { OrderType } from '../../../../shared/api/geodb.schemas';
import { DASHBOARD_FOCUS_LABELS, type DashboardFocus } from '../../../../shared/workflow/workflow-focus';
import { statusLabel } from '../../widgets/status-chip';
import { formatCount } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value.hook';
import { DEFAULT_FILTERS, useOrdersStore, type OrderFilters } from '../../state/orders.store';
import { ColumnChooser } from './column-chooser';

const SEARCH_DEBOUNCE_MS = 250;

type FlagKey = 'expedited' | 'stakingService' | 'awaitingCrew' | 'hasProblems' | 'includeGone';
const FLAG_FILTERS: { key: FlagKey; label: string; testId: string }[] = [
  { key: 'expedited', label: 'Expedited', testId: 'filter-expedited' },
  { key: 'stakingService', label: 'Staking service', testId: 'filter-staking' },
  // For crew members: the staking-service orders in their coverage that no crew is assigned to yet.
  { key: 'awaitingCrew', label: 'Awaiting crew', testId: 'filter-awaiting-crew' },
  { key: 'hasProblems', label: 'Has problems', testId: 'filter-problems' },
  { key: 'includeGone', label: 'Show gone orders', testId: 'filter-gone' },
];

function isDefault(filters: OrderFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof OrderFilters)[]).every((key) => filters[key] === DEFAULT_FILTERS[key]);
}

/** The search box keeps its own text and hands it to the store only after typing pauses. */
function SearchBox() {
  const storeSearch = useOrdersStore((state) => state.filters.search);
  const setFilters = useOrdersStore((state) => state.setFilters);
  const [text, setText] = useState(storeSearch);
  const debounced = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const id = useId();

  useEffect(() => {
    if (debounced !== useOrdersStore.getState().filters.search) setFilters({ search: debounced });
  }, [debounced, setFilters]);

  // "Clear filters" resets the store; mirror that into the box. Adjusting state during render (instead of in
  // an effect) is React's recommended way to follow a prop without an extra render pass.
  const [seenStoreSearch, setSeenStoreSearch] = useState(storeSearch);
  if (storeSearch !== seenStoreSearch) {
    setSeenStoreSearch(storeSearch);
    if (storeSearch === '') setText('');
  }

  return (
    <div className="search">
      <label htmlFor={id} className="visually-hidden">
        Search orders
      </label>
      <span className="search__icon" aria-hidden="true">⌕</span>
      <input
        id={id}
        type="search"
        className="search__input"
        placeholder="Search order #, customer, company, project"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.stopPropagation();
            setText('');
          }
        }}
        maxLength={200}
        spellCheck={false}
        data-testid="search-box"
      />
    </div>
  );
}

/** The dashboard count this list was opened from: removable, like any other filter. */
function FocusChip({ focus, onRemove }: { focus: DashboardFocus; onRemove: () => void }) {
  const label = DASHBOARD_FOCUS_LABELS[focus];
  return (
    <span className="focus-chip" data-testid="focus-chip" data-focus={focus}>
      <span className="focus-chip__label">
        <span className="muted">Dashboard:</span> {label}
      </span>
      <button type="button" className="focus-chip__remove" aria-label={`Remove the “${label}” filter`} title="Show every order" onClick={onRemove} data-testid="focus-chip-remove">
        ×
      </button>
    </span>
  );
}

export function OrderToolbar() {
  const filters = useOrdersStore((state) => state.filters);
  const statuses = useOrdersStore((state) => state.statuses);
  const total = useOrdersStore((state) => state.total);
  const totalCached = useOrdersStore((state) => state.totalCached);
  const loaded = useOrdersStore((state) => state.loaded);
  const setFilters = useOrdersStore((state) => state.setFilters);
  const clearFilters = useOrdersStore((state) => state.clearFilters);
  // A new key remounts the search box on "Clear filters", which also drops a search typed in the last
  // debounce window; mirroring the store alone would let that pending text come back after the clear.
  const [searchEpoch, setSearchEpoch] = useState(0);
  const clearAll = () => {
    clearFilters();
    setSearchEpoch((epoch) => epoch + 1);
  };
  const typeId = useId();
  const statusId = useId();

  // Keep a chosen status selectable even if the latest sync removed its last order.
  const statusOptions = filters.status !== 'all' && !statuses.includes(filters.status) ? [...statuses, filters.status] : statuses;

  return (
    <div className="toolbar" role="search" aria-label="Filter orders" data-testid="order-filters">
      <SearchBox key={searchEpoch} />

      <div className="toolbar__field">
        <label htmlFor={typeId}>Type</label>
        <select
          id={typeId}
          value={filters.orderType}
          onChange={(event) => setFilters({ orderType: event.target.value as OrderType | 'all' })}
          data-testid="filter-type"
        >
          <option value="all">All types</option>
          {(Object.entries(ORDER_TYPE_LABELS) as [OrderType, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>

      <div className="toolbar__field">
        <label htmlFor={statusId}>Status</label>
        <select id={statusId} value={filters.status} onChange={(event) => setFilters({ status: event.target.value })} data-testid="filter-status">
          <option value="all">All statuses</option>
          {statusOptions.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="toolbar__flags">
        <legend className="visually-hidden">Only show</legend>
        {FLAG_FILTERS.map(({ key, label, testId }) => (
          <label key={key} className={filters[key] ? 'toggle toggle--on' : 'toggle'}>
            <input type="checkbox" checked={filters[key]} onChange={(event) => setFilters({ [key]: event.target.checked })} data-testid={testId} />
            {label}
          </label>
        ))}
      </fieldset>

      {filters.focus && <FocusChip focus={filters.focus} onRemove={() => setFilters({ focus: null })} />}

      <div className="toolbar__end">
        {!isDefault(filters) && (
          <button type="button" className="button button--link" onClick={clearAll} data-testid="clear-filters">
            Clear filters
          </button>
        )}
        <ColumnChooser />
        <span className="toolbar__count muted" data-testid="order-count" aria-live="polite">
          {loaded ? `${formatCount(total)} ${total === 1 ? 'order' : 'orders'} · ${formatCount(totalCached)} in cache` : 'Loading…'}
        </span>
      </div>
    </div>
  );
}
