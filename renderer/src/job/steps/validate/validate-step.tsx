import { useId, useState } from 'react';
import { alignCorners } from '../../../../../shared/claims/validate-layout';
import { FOOT_M } from '../../../../../shared/geo/utm';
import { Notice } from '../../../widgets/notice';
import { plural } from '../../../lib/format';
import { useJobStore } from '../../../state/job.store';
import { JobMap } from '../../job-map';
import { useJobDerived } from '../../use-job-derived.hook';
import { CapacityOverrideForm } from './capacity-override-form';
import { IssueList } from './issue-list';

/** Align corners' reach, in feet as staff measure on the ground; the check flags near misses up to 2 m (6.6 ft). */
const TOLERANCES_FT = [1, 3, 6] as const;

/** Everything that would make a notice wrong, claim by claim, with the fixes this release can make. */
export function ValidateStep() {
  const job = useJobStore((state) => state.job);
  const applyLayout = useJobStore((state) => state.applyLayout);
  const derived = useJobDerived();
  const [toleranceFt, setToleranceFt] = useState<number>(3);
  const [alignResult, setAlignResult] = useState<string | null>(null);
  const toleranceId = useId();
  if (!job || !derived) return null;
  const { layout } = derived;
  const { problems, warnings } = derived.check.layout;
  const capacityIssue = [...problems, ...warnings].some((issue) => issue.code === 'capacity_exceeded' || issue.code === 'capacity_override');
  const nearMiss = [...problems, ...warnings].some((issue) => issue.code === 'near_miss_corners');

  const align = () => {
    const result = alignCorners(layout.claims, toleranceFt * FOOT_M);
    if (result.cornersMoved === 0) {
      setAlignResult(`No corners within ${toleranceFt} ft of each other needed aligning.`);
      return;
    }
    applyLayout({ ...layout, claims: result.claims }, 'Align corners');
    setAlignResult(
      `Aligned ${plural(result.clustersMerged, 'shared corner')}: ${plural(result.cornersMoved, 'corner')} moved, at most ${(result.maxShiftM / FOOT_M).toFixed(2)} ft. Undo reverts it.`,
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
            <IssueList issues={problems} kind="problem" testId="validation-problems" onAlign={align} />
          )}
        </section>
        <section className="validate-section" aria-labelledby={`${toleranceId}-w`}>
          <h4 id={`${toleranceId}-w`}>Warnings · {warnings.length}</h4>
          {warnings.length === 0 ? (
            <p className="muted" data-testid="validation-warnings">No warnings.</p>
          ) : (
            <IssueList issues={warnings} kind="warning" testId="validation-warnings" onAlign={align} />
          )}
        </section>
        <section className="validate-section align-box" aria-label="Align corners">
          <h4>Shared corners</h4>
          <p className="muted">
            Corners of neighbouring claims that nearly meet are moved to one point (their average), so they share one post
            on the ground.
          </p>
          <div className="override__row">
            <label htmlFor={toleranceId}>Within</label>
            <select id={toleranceId} value={toleranceFt} onChange={(event) => setToleranceFt(Number(event.target.value))} data-testid="align-tolerance">
              {TOLERANCES_FT.map((ft) => (
                <option key={ft} value={ft}>
                  {ft} ft
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
