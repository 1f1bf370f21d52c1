import type { DashboardFocus } from '../../../../shared/workflow/workflow-focus';
import { formatCount, plural } from '../../lib/format';

export type CardTone = 'blue' | 'amber' | 'red';

type DashboardCardProps = {
  focus: DashboardFocus;
  label: string;
  hint: string;
  count: number;
  /** The colour when the count is above zero; zero is always calm. */
  tone: CardTone;
  onOpen: (focus: DashboardFocus) => void;
};

/** One count as a button: the number is what is read first, the label and why under it. */
export function DashboardCard({ focus, label, hint, count, tone, onOpen }: DashboardCardProps) {
  const classes = ['dashboard-card', count > 0 ? `dashboard-card--${tone}` : 'dashboard-card--zero'].join(' ');
  return (
    <button
      type="button"
      className={classes}
      onClick={() => onOpen(focus)}
      aria-label={`${label}: ${plural(count, 'order')}. Show them in the queue.`}
      data-testid={`dashboard-count-${focus}`}
      data-count={count}
    >
      <span className="dashboard-card__count" aria-hidden="true">
        {formatCount(count)}
      </span>
      <span className="dashboard-card__label">{label}</span>
      <span className="dashboard-card__hint">{hint}</span>
    </button>
  );
}
