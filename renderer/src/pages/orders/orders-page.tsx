import { useEffect } from 'react';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { useOrdersStore } from '../../state/orders.store';
import { useOnStale } from '../../api/use-ipc-query.hook';
import { selectSyncError, useSyncStore } from '../../state/sync.store';
import { StaffRequiredNotice } from '../sign-in/staff-required-notice';
import { OrderDetailsPanel } from './order-details-panel';
import { OrderTable } from './order-table';
import { OrderToolbar } from './order-toolbar';
import { SelectionBar } from './selection-bar';

function QueueBody() {
  const loaded = useOrdersStore((state) => state.loaded);
  const total = useOrdersStore((state) => state.total);
  const totalCached = useOrdersStore((state) => state.totalCached);
  const error = useOrdersStore((state) => state.error);
  const clearFilters = useOrdersStore((state) => state.clearFilters);
  const syncing = useSyncStore((state) => state.status?.state === 'syncing' || state.requested);

  if (!loaded) {
    return (
      <div className="empty-state" data-testid="orders-loading">
        <Spinner /> Loading the order cache…
      </div>
    );
  }
  return (
    <>
      {error && (
        <Notice tone="error" live="assertive" title="Could not read the order cache." testId="orders-error">
          {error.message}
        </Notice>
      )}
      {total === 0 ? (
        <div className="empty-state" data-testid="orders-empty">
          {totalCached === 0 ? (
            <>
              <h2>No orders cached yet</h2>
              <p className="muted">{syncing ? 'The first sync is running…' : 'Press “Sync now” to fetch the pending orders.'}</p>
            </>
          ) : (
            <>
              <h2>No orders match</h2>
              <p className="muted">Nothing in the cache matches the search and filters.</p>
              <button type="button" className="button" onClick={clearFilters}>
                Clear filters
              </button>
            </>
          )}
        </div>
      ) : (
        <>
          <OrderTable />
          <div className="queue__footer muted" aria-hidden="true">
            <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> open details · <kbd>Esc</kbd> close details · <kbd>x</kbd> tick for
            export (<kbd>Shift</kbd>-click ticks a range) · <kbd>Tab</kbd> to a column heading and <kbd>Enter</kbd> sorts by it
          </div>
        </>
      )}
    </>
  );
}

export function OrdersPage() {
  const refresh = useOrdersStore((state) => state.refresh);
  const staffRefused = useSyncStore((state) => selectSyncError(state)?.code === 'staff-required');
  const hasDetails = useOrdersStore((state) => state.openedKey !== null);
  // Read again after each sync and workflow change, whoever caused it (api/queries.ts).
  useOnStale('orderQueue', refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A 403 on sync means this account may not see the queue at all; an empty table would look like "no work".
  if (staffRefused) {
    return (
      <div className="queue queue--single">
        <StaffRequiredNotice />
      </div>
    );
  }

  return (
    // The details panel takes room only while an order is open, so the full table fits on a laptop screen.
    <div className={hasDetails ? 'queue queue--with-details' : 'queue'}>
      <section className="queue__main" aria-label="Order queue">
        <OrderToolbar />
        <SelectionBar />
        <QueueBody />
      </section>
      {hasDetails && <OrderDetailsPanel />}
    </div>
  );
}
