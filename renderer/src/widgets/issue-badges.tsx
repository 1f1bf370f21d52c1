import { plural } from '../lib/format';

type IssueBadgesProps = { problems: number; warnings: number };

/** Problems block fulfilment and stand out (solid red); warnings only need a look (subtle amber). */
export function IssueBadges({ problems, warnings }: IssueBadgesProps) {
  if (problems === 0 && warnings === 0) return <span className="muted" aria-label="No problems">—</span>;
  return (
    <span className="issue-badges">
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
