import type { CheckIssue } from '../../../../../shared/jobs/check-job';
import { useJobStore } from '../../../state/job.store';

/** Problems or warnings, each naming its claim; clicking one selects that claim on the map. */
export function IssueList({ issues, kind, testId }: { issues: CheckIssue[]; kind: 'problem' | 'warning'; testId: string }) {
  const setSelection = useJobStore((state) => state.setSelection);
  const setHover = useJobStore((state) => state.setHover);
  return (
    <ul className={`issues issues--${kind} issues--clickable`} data-testid={testId}>
      {issues.map((issue, i) => {
        const text = (
          <>
            {issue.claim && <strong className="issues__claim">{issue.claim}: </strong>}
            {issue.message}
            <span className="issues__code">{issue.code}</span>
          </>
        );
        return (
          <li key={`${issue.code}-${issue.claimId ?? ''}-${i}`} className="issues__item">
            {issue.claimId ? (
              <button
                type="button"
                className="issues__button"
                onClick={() => setSelection([issue.claimId!])}
                onMouseEnter={() => setHover(issue.claimId ?? null)}
                onMouseLeave={() => setHover(null)}
                title="Show this claim on the map"
              >
                {text}
              </button>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
