/**
 * Problems or warnings, each naming its claim. Clicking one selects that claim, zooms the map to it and offers what
 * fixes it here: edit it on the Layout step (selected there), Align corners for corners that nearly meet, or undo
 * the last layout change. The reason code stays out of the sentence (data-code, for tests and support).
 */
import { useState } from 'react';
import type { CheckIssue } from '../../../../../shared/jobs/check-job';
import { undoLabel } from '../../../../../shared/layout/layout-history';
import { useJobStore } from '../../../state/job.store';
import { useWizardNav } from '../../use-wizard-nav.hook';

/** Codes Align corners fixes: corners of neighbours that nearly meet become one post. */
const ALIGNABLE = new Set(['near_miss_corners']);

function IssueFixes({ issue, onAlign }: { issue: CheckIssue; onAlign: () => void }) {
  const history = useJobStore((state) => state.history);
  const undo = useJobStore((state) => state.undo);
  const focusClaims = useJobStore((state) => state.focusClaims);
  const { goTo } = useWizardNav();
  const lastEdit = history ? undoLabel(history) : null;
  const editInLayout = async () => {
    await goTo('layout');
    // The Layout map mounts with the step: frame the claim there too, and keep it selected for the edit tools.
    if (issue.claimId) focusClaims([issue.claimId]);
  };
  return (
    <div className="issues__fixes" role="group" aria-label={`Fix ${issue.claim ?? 'this problem'}`} data-testid="issue-fixes">
      <button type="button" className="button button--small button--primary" data-testid="issue-fix-layout" onClick={() => void editInLayout()}>
        Edit {issue.claim ?? 'it'} in Layout
      </button>
      {ALIGNABLE.has(issue.code) && (
        <button type="button" className="button button--small" data-testid="issue-fix-align" onClick={onAlign}>
          Align corners
        </button>
      )}
      <button
        type="button"
        className="button button--small"
        data-testid="issue-fix-undo"
        disabled={!lastEdit}
        title={lastEdit ? `Undo ${lastEdit}` : 'Nothing to undo'}
        onClick={undo}
      >
        {lastEdit ? `Undo ${lastEdit}` : 'Undo'}
      </button>
    </div>
  );
}

export function IssueList({ issues, kind, testId, onAlign }: { issues: CheckIssue[]; kind: 'problem' | 'warning'; testId: string; onAlign: () => void }) {
  const focusClaims = useJobStore((state) => state.focusClaims);
  const setHover = useJobStore((state) => state.setHover);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className={`issues issues--${kind} issues--clickable`} data-testid={testId}>
      {issues.map((issue, i) => {
        const key = `${issue.code}-${issue.claimId ?? ''}-${i}`;
        const text = (
          <>
            {issue.claim && <strong className="issues__claim">{issue.claim}: </strong>}
            {issue.message}
          </>
        );
        return (
          <li key={key} className="issues__item" data-code={issue.code} data-claim-id={issue.claimId}>
            {issue.claimId ? (
              <>
                <button
                  type="button"
                  className="issues__button"
                  aria-expanded={open === key}
                  data-testid="issue-button"
                  onClick={() => {
                    focusClaims([issue.claimId!]);
                    setOpen(open === key ? null : key);
                  }}
                  onMouseEnter={() => setHover(issue.claimId ?? null)}
                  onMouseLeave={() => setHover(null)}
                  title="Show this claim on the map and how to fix it"
                >
                  {text}
                </button>
                {open === key && <IssueFixes issue={issue} onAlign={onAlign} />}
              </>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
