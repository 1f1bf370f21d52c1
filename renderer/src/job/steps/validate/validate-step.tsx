import { useId, useState } from 'react';
import { alignCorners } from '../../../../../shared/claims/validate-layout';
import { Notice } from '../../../widgets/notice';
import { plural } from '../../../lib/format';
import { useJobStore } from '../../../state/job.store';
import { JobMap } from '../../job-map';
import { useJobDerived } from '../../use-job-derived.hook';
import { CapacityOverrideForm } from './capacity-override-form';
import { IssueList } from './issue-list';

const TOLERANCES_M = [0.5, 1, 2] as const;

/** Everything that would make a notice wrong, claim by claim, with the fixes this release can make. */
export function ValidateStep() {
  const job = useJobStore((state) => state.job);
  const applyLayout = useJobStore((state) => state.applyLayout);
  const derived = useJobDerived();
  const [toleranceM, setToleranceM] = useState<number>(1);
  const [alignResult, setAlignResult] = useState<string | null>(null);
  const toleranceId = useId();
  if (!job || !derived) return null;
  const { layout } = derived;
  const { problems, warnings } = derived.check.layout;
  const capacityIssue = [...problems, ...warnings].some((issue) => issue.code === 'capacity_exceeded' || issue.code === 'capacity_override');
  const nearMiss = [...problems, ...warnings].some((issue) => issue.code === 'near_miss_corners');

  const align = () => {
    const result = alignCorners(layout.claims, toleranceM);
    if (result.cornersMoved === 0) {
      setAlignResult(`No corners within ${toleranceM} m of each other needed aligning.`);
      return;
    }
    applyLayout({ ...layout, claims: result.claims }, 'Align corners');
    setAlignResult(
      `Aligned ${plural(result.clustersMerged, 'shared corner')}: ${plural(result.cornersMoved, 'corner')} moved, at most ${result.maxShiftM.toFixed(3)} m. Undo in Layout reverts it.`,
    );
  };

  return (
    <div className="step-split" data-testid="validate-step">
      <div className="step-split__side">
        <h3 className="step-page__title">Validate</h3>
        <p className="muted">
          {plural(layout.claims.length, 'claim')} checked against the BLM limits, each other and the order area.
        </p>
        {/* First: it is a decision for a person, not a list item to scroll past. */}
        {capacityIssue && <CapacityOverrideForm laidOut={layout.claims.length} purchased={job.order.claimsPurchased} />}
        <section className="validate-section" aria-labelledby={`${toleranceId}-p`}>
          <h4 id={`${toleranceId}-p`}>Problems · {problems.length}</h4>
          {problems.length === 0 ? (
            <p className="ok-line" data-testid="validation-problems">No problems: nothing blocks the next step.</p>
          ) : (
            <IssueList issues={problems} kind="problem" testId="validation-problems" />
          )}
        </section>
        <section className="validate-section" aria-labelledby={`${toleranceId}-w`}>
          <h4 id={`${toleranceId}-w`}>Warnings · {warnings.length}</h4>
          {warnings.length === 0 ? (
            <p className="muted" data-testid="validation-warnings">No warnings.</p>
          ) : (
            <IssueList issues={warnings} kind="warning" testId="validation-warnings" />
          )}
        </section>
        <section className="validate-section align-box" aria-label="Align corners">
          <h4>Shared corners</h4>
          <p className="muted">
            Corners of neighbouring claims that nearly meet are moved to one point (their average), measured in metres on
            the grid.
          </p>
          <div className="override__row">
            <label htmlFor={toleranceId}>Within</label>
            <select id={toleranceId} value={toleranceM} onChange={(event) => setToleranceM(Number(event.target.value))} data-testid="align-tolerance">
              {TOLERANCES_M.map((m) => (
                <option key={m} value={m}>
                  {m} m
                </option>
              ))}
            </select>
            <button type="button" className={`button button--small${nearMiss ? ' button--primary' : ''}`} data-testid="align-corners" onClick={align} disabled={layout.claims.length < 2}>
              Align corners
            </button>
          </div>
          {alignResult && (
            <Notice tone="info" testId="align-result">
              {alignResult}
            </Notice>
          )}
        </section>
      </div>
      <div className="step-split__map">
        <JobMap />
      </div>
    </div>
  );
}
