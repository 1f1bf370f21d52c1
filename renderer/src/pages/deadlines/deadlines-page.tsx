/**
 * Claims under management: every claim ClaimDesk staked with its open deadlines, soonest first, overdue in red;
 * filters by customer, state and kind of filing. The rows come from main (the obligations table through each
 * package's manifest), so the page, the calendar file and the fees sheet print the same dates.
 */
import { DEADLINE_KINDS, type ManagedDeadline } from '../../../../shared/deadlines/managed-deadlines';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { formatCalendarDate } from '../../lib/format';
import { useDeadlinesStore } from '../../state/deadlines.store';
import { useIpcQuery } from '../../api/use-ipc-query.hook';
import '../../styles/deadlines.css';

export const KIND_LABELS: Readonly<Record<ManagedDeadline['kind'], string>> = {
  recording: 'County recording',
  monumenting: 'Monuments',
  'blm-filing': 'BLM filing',
  annual: 'Annual filing or fee',
};

const STATUS_LABELS: Readonly<Record<ManagedDeadline['status'], string>> = { overdue: 'Overdue', 'due-soon': 'Due soon', upcoming: 'Upcoming', done: 'Done' };

function Filters({ states }: { states: string[] }) {
  const filters = useDeadlinesStore((s) => s.filters);
  const setFilters = useDeadlinesStore((s) => s.setFilters);
  return (
    <div className="deadlines-filters" role="group" aria-label="Filters">
      <label>
        Customer
        <input type="search" value={filters.customer ?? ''} onChange={(e) => setFilters({ customer: e.target.value === '' ? null : e.target.value })} data-testid="deadlines-customer" />
      </label>
      <label>
        State
        <select value={filters.state ?? ''} onChange={(e) => setFilters({ state: e.target.value === '' ? null : e.target.value })} data-testid="deadlines-state">
          <option value="">All</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Filing
        <select
          value={filters.kind ?? ''}
          onChange={(e) => setFilters({ kind: (DEADLINE_KINDS as readonly string[]).includes(e.target.value) ? (e.target.value as ManagedDeadline['kind']) : null })}
          data-testid="deadlines-kind"
        >
          <option value="">All</option>
          {DEADLINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="deadlines-filters__check">
        <input type="checkbox" checked={filters.nextOnly} onChange={(e) => setFilters({ nextOnly: e.target.checked })} data-testid="deadlines-next-only" />
        Next deadline per claim only
      </label>
    </div>
  );
}

function Row({ d }: { d: ManagedDeadline }) {
  return (
    <tr className={`deadline-row deadline-row--${d.status}`} data-testid="deadline-row" data-status={d.status} data-claim={d.claim} data-due={d.due} data-kind={d.kind}>
      <td className="mono">{formatCalendarDate(d.due)}</td>
      <td>{STATUS_LABELS[d.status]}</td>
      <td className="mono">{d.order}</td>
      <td>{d.customer}</td>
      <td>{d.claim}</td>
      <td>{KIND_LABELS[d.kind]}</td>
      <td>
        {d.label}
        <span className="muted"> · {d.office} · {d.citation}</span>
      </td>
    </tr>
  );
}

export function DeadlinesPage() {
  const filters = useDeadlinesStore((s) => s.filters);
  const { data, fetching: loading, error } = useIpcQuery('deadlines', filters);
  const deadlines = data?.deadlines ?? [];
  const problems = data?.problems ?? [];
  const today = data?.today ?? null;
  const states = [...new Set(deadlines.map((d) => d.state).filter((s): s is string => s !== null))].sort();
  return (
    <section className="deadlines-page" data-testid="deadlines-page" aria-labelledby="deadlines-title" aria-busy={loading}>
      <div className="deadlines-page__bar">
        <h2 id="deadlines-title">Claim deadlines</h2>
        {today && <span className="muted">Open deadlines on {formatCalendarDate(today)}: county, BLM and state filings of every claim staked here</span>}
      </div>
      <Filters states={states} />
      {error && (
        <Notice tone="error" live="assertive" title="Could not list the deadlines.">
          {error.message}
        </Notice>
      )}
      {problems.map((p) => (
        <Notice key={p} tone="warning" title="A package could not be read.">
          {p}
        </Notice>
      ))}
      {loading && deadlines.length === 0 ? (
        <div className="empty-state">
          <Spinner /> Reading the packages…
        </div>
      ) : deadlines.length === 0 ? (
        <div className="empty-state" data-testid="deadlines-empty">
          <p>No open deadline matches. Deadlines appear once a package is made with its date of location.</p>
        </div>
      ) : (
        <table className="jobs-table deadlines-table">
          <thead>
            <tr>
              <th>Due</th>
              <th>Status</th>
              <th>Order</th>
              <th>Customer</th>
              <th>Claim</th>
              <th>Filing</th>
              <th>What to file, where, law</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <Row key={`${d.jobId}-${d.claim}-${d.obligationId}-${d.due}`} d={d} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
