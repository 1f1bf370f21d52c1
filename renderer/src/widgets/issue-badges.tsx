import { DRAWN_OVER_LIMITS_LABEL } from '../../../shared/claims/drawn-limits';
import { plural } from '../lib/format';

type IssueBadgesProps = { problems: number; warnings: number; overLimits?: number };

/**
 * Problems block fulfilment and stand out (solid red); warnings only need a look (subtle amber). Claims over the
 * legal limits as drawn are their own class (outlined red, with its word): the order is fine, its drawing cannot be
 * staked, so staff lay out a grid.
 */
export function IssueBadges({ problems, warnings, overLimits = 0 }: IssueBadgesProps) {
  if (problems === 0 && warnings === 0 && overLimits === 0) return <span className="muted" aria-label="No problems">—</span>;
  const overTitle = `${plural(overLimits, 'claim')} ${DRAWN_OVER_LIMITS_LABEL}`;
  return (
    <span className="issue-badges">
      {overLimits > 0 && (
        <span className="badge badge--limits" title={overTitle} data-testid="over-limits-badge">
          <span aria-hidden="true">{overLimits} over limits</span>
          <span className="visually-hidden">{overTitle}</span>
        </span>
      )}
      {problems > 0 && (
        <span className="badge badge--problem" title={plural(problems, 'problem')} data-testid="problem-badge">
          <span aria-hidden="true">{problems}</span>
          <span className="visually-hidden">{plural(problems, 'problem')}</span>
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge--warning" title={plural(warnings, 'warning')} data-testid="warning-badge">
          <span aria-hidden="true">{warnings}</span>
          <span className="visually-hidden">{plural(warnings, 'warning')}</span>
        </span>
      )}
    </span>
  );
}
