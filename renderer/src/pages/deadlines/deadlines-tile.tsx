/** The dashboard's claim-deadlines tile: what falls due in the next 30 days (overdue included); opens the Deadlines page. */
import { formatCalendarDate, formatCount } from '../../lib/format';
import { useAppViewStore } from '../../state/app-view.store';
import { SOON_FILTER } from '../../state/deadlines.store';
import { useIpcQuery } from '../../api/use-ipc-query.hook';
import '../../styles/deadlines.css';

export function DeadlinesTile() {
  const soon = useIpcQuery('deadlines', SOON_FILTER).data?.deadlines ?? null;
  const overdue = soon?.filter((d) => d.status === 'overdue').length ?? 0;
  const next = soon?.find((d) => d.status !== 'overdue' && d.status !== 'done');
  return (
    <button
      type="button"
      className={`dashboard-fact dashboard-fact--button${overdue > 0 ? ' dashboard-fact--alert' : ''}`}
      onClick={() => useAppViewStore.getState().show('deadlines')}
      data-testid="dashboard-deadlines"
      data-overdue={overdue}
      aria-label={`Claim deadlines: ${overdue} overdue, ${soon?.length ?? 0} within 30 days. Open the deadlines.`}
    >
      <span className="dashboard-fact__label">Claim deadlines, next 30 days</span>
      <span className="dashboard-fact__value" data-testid="dashboard-deadlines-count">
        {soon === null ? '…' : formatCount(soon.length)}
      </span>
      <span className={overdue > 0 ? 'deadline-alert' : 'muted'}>
        {overdue > 0 ? `${formatCount(overdue)} overdue` : next ? `next ${formatCalendarDate(next.due)} · ${next.claim}` : 'nothing due'}
      </span>
    </button>
  );
}
