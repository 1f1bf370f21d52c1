import { DASHBOARD_FOCUS_LABELS, type DashboardFocus } from '../../../../shared/workflow/workflow-focus';
import type { Dashboard } from '../../../../shared/workflow/workflow-view.types';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { formatCalendarDate, formatCount, plural } from '../../lib/format';
import { useAppViewStore } from '../../state/app-view.store';
import { useOrdersStore } from '../../state/orders.store';
import { DashboardCard, type CardTone } from './dashboard-card';
import { useIpcQuery } from '../../api/use-ipc-query.hook';
import { DeadlinesTile } from '../deadlines/deadlines-tile';
import { beingWorkedBy } from '../../../../shared/assignment/assignment-text';
import '../../styles/dashboard.css';

type Group = { title: string; focuses: readonly DashboardFocus[] };

/** Grouped by what staff do about them: start work, beat a deadline, or unblock someone. */
const GROUPS: readonly Group[] = [
  { title: 'Deadlines', focuses: ['overdue', 'due_today', 'expedited'] },
  { title: 'In progress', focuses: ['active_jobs', 'awaiting_upload', 'stale'] },
  { title: 'Waiting on someone', focuses: ['awaiting_payment', 'claimant_needed', 'failed_uploads', 'needs_review', 'duplicates'] },
];

/** A count that needs a person now is red, one to keep an eye on amber; zero is always calm. */
const ATTENTION: Partial<Record<DashboardFocus, CardTone>> = {
  overdue: 'red',
  failed_uploads: 'red',
  needs_review: 'red',
  due_today: 'amber',
  awaiting_payment: 'amber',
  claimant_needed: 'amber',
  stale: 'amber',
  duplicates: 'amber',
};

function hint(focus: DashboardFocus, dashboard: Dashboard): string {
  switch (focus) {
    case 'active_jobs':
      return 'Pulled and not finished';
    case 'due_today':
      return 'Target date is today';
    case 'overdue':
      return 'Past the target date';
    case 'expedited':
      return 'Expedited and still open';
    case 'awaiting_payment':
      return 'Not pulled until paid';
    case 'claimant_needed':
      return 'No claimant to print on the notices';
    case 'awaiting_upload':
      return 'Documents ready or uploading';
    case 'failed_uploads':
      return 'Waiting for Retry or Discard';
    case 'needs_review':
      return 'A person must decide';
    case 'stale':
      return dashboard.staleAfterDays > 0 ? `Untouched for ${plural(dashboard.staleAfterDays, 'day')}` : 'Stale check is off (Settings)';
    case 'duplicates':
      return 'Overlapping another order';
  }
}

function OldestWaiting({ dashboard }: { dashboard: Dashboard }) {
  const oldest = dashboard.oldestWaiting;
  if (!oldest) {
    return (
      <div className="dashboard-fact" data-testid="dashboard-oldest">
        <span className="dashboard-fact__label">Oldest waiting order</span>
        <span className="muted">Nothing waits to be started.</span>
      </div>
    );
  }
  const open = () => {
    const orders = useOrdersStore.getState();
    orders.clearFilters();
    void orders.openOrder(oldest.key);
    useAppViewStore.getState().show('queue');
  };
  return (
    <button
      type="button"
      className="dashboard-fact dashboard-fact--button"
      onClick={open}
      aria-label={`Oldest waiting order: ${oldest.orderNumber}, waiting ${plural(oldest.ageDays, 'day')}. Open it.`}
      data-testid="dashboard-oldest"
      data-order-number={oldest.orderNumber}
    >
      <span className="dashboard-fact__label">Oldest waiting order</span>
      <span className="dashboard-fact__value mono">{oldest.orderNumber}</span>
      <span className="muted">
        waiting {plural(oldest.ageDays, 'day')}
        {oldest.targetDate ? ` · target ${formatCalendarDate(oldest.targetDate)}` : ''}
      </span>
    </button>
  );
}

/** Orders other staff members work (desk assignment), each with the one sentence every desk shows; a click opens it. */
function HeldElsewhere({ dashboard }: { dashboard: Dashboard }) {
  if (dashboard.heldElsewhere.length === 0) return null;
  const open = (key: Dashboard['heldElsewhere'][number]['key']) => {
    const orders = useOrdersStore.getState();
    orders.clearFilters();
    void orders.openOrder(key);
    useAppViewStore.getState().show('queue');
  };
  return (
    <div className="dashboard-fact" data-testid="dashboard-held-elsewhere">
      <span className="dashboard-fact__label">Being worked at other desks · {dashboard.heldElsewhere.length}</span>
      <ul className="dashboard-held">
        {dashboard.heldElsewhere.slice(0, 8).map((order) => (
          <li key={`${order.key.orderType}:${order.key.id}`}>
            <button type="button" className="link-button" onClick={() => open(order.key)} data-testid="dashboard-held-order">
              <span className="mono">{order.orderNumber}</span>: {beingWorkedBy(order)}
            </button>
          </li>
        ))}
      </ul>
      {dashboard.heldElsewhere.length > 8 && <span className="muted">and {dashboard.heldElsewhere.length - 8} more</span>}
    </div>
  );
}

/** The desk at a glance: every count opens the queue with exactly the orders it counted. */
export function DashboardPage() {
  // Read again after anything that can move a count, whoever caused it (api/queries.ts).
  const { data: dashboard, fetching: loading, error, refetch } = useIpcQuery('dashboard', undefined);

  const openFocus = (focus: DashboardFocus) => {
    useOrdersStore.getState().showFocus(focus);
    useAppViewStore.getState().show('queue');
  };

  return (
    <section className="dashboard" data-testid="dashboard" aria-labelledby="dashboard-title" aria-busy={loading}>
      <div className="dashboard__bar">
        <div className="dashboard__heading">
          <h2 id="dashboard-title">Dashboard</h2>
          {dashboard && (
            <span className="muted" data-testid="dashboard-caption">
              Counts for {formatCalendarDate(dashboard.today)} ·{' '}
              {dashboard.staleAfterDays > 0 ? `jobs are stale after ${plural(dashboard.staleAfterDays, 'day')} untouched` : 'the stale check is off'}
            </span>
          )}
        </div>
        <button type="button" className="button button--small" onClick={refetch} disabled={loading} data-testid="dashboard-refresh">
          {loading && <Spinner small />}
          Refresh
        </button>
      </div>
      {error && (
        <Notice tone="error" live="assertive" title="Could not read the dashboard." testId="dashboard-error">
          {error.message}
        </Notice>
      )}
      {!dashboard ? (
        !error && (
          <div className="empty-state">
            <Spinner /> Counting…
          </div>
        )
      ) : (
        <div className="dashboard__body">
          <div className="dashboard__groups">
            {GROUPS.map((group) => (
              <section key={group.title} className="dashboard-group" aria-label={group.title}>
                <h3 className="dashboard-group__title">{group.title}</h3>
                <div className="dashboard-group__cards">
                  {group.focuses.map((focus) => (
                    <DashboardCard
                      key={focus}
                      focus={focus}
                      label={DASHBOARD_FOCUS_LABELS[focus]}
                      hint={hint(focus, dashboard)}
                      count={dashboard.counts[focus] ?? 0}
                      tone={ATTENTION[focus] ?? 'blue'}
                      onOpen={openFocus}
                    />
                  ))}
                </div>
              </section>
            ))}
          </div>
          <aside className="dashboard__side" aria-label="This week">
            <OldestWaiting dashboard={dashboard} />
            <HeldElsewhere dashboard={dashboard} />
            <DeadlinesTile />
            <div className="dashboard-fact" data-testid="dashboard-delivered-week">
              <span className="dashboard-fact__label">Claims delivered this week</span>
              <span className="dashboard-fact__value" data-testid="dashboard-delivered-week-count">
                {formatCount(dashboard.claimsDeliveredThisWeek)}
              </span>
              <span className="muted">since Monday</span>
            </div>
          </aside>
        </div>
      )}
    </section>
  );
}
