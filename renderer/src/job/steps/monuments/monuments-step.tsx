import { useId, useMemo, useState } from 'react';
import { staffWording } from '../../../../../shared/claims/verify-marks';
import { describeInset } from '../../../../../shared/claims/monuments';
import { stateRule } from '../../../../../shared/claims/state-rules';
import { stateName, US_STATES } from '../../../../../shared/geo/us-states';
import { CORNER_POSITIONS, type CornerPosition } from '../../../../../shared/layout/layout.types';
import { Notice } from '../../../widgets/notice';
import { useJobStore } from '../../../state/job.store';
import { JobMap } from '../../job-map';
import { useJobDerived, type JobDerived } from '../../use-job-derived.hook';
import type { Job } from '../../../../../shared/jobs/job.types';
import { MonumentsTable } from './monuments-table';
import { StateRuleSummary } from './state-rule-summary';

const STATE_OPTIONS = [...US_STATES].sort((a, b) => a.name.localeCompare(b.name)).map((state) => [state.code, state.name] as const);

/**
 * A field typed locally and saved on blur or Enter, so a half-typed value is never sent; it follows the saved
 * value when that changes from elsewhere (React's "adjust state when a prop changes" pattern, no effect).
 */
function useCommitted(saved: string): [string, (value: string) => void] {
  const [value, setValue] = useState(saved);
  const [lastSaved, setLastSaved] = useState(saved);
  if (lastSaved !== saved) {
    setLastSaved(saved);
    setValue(saved);
  }
  return [value, setValue];
}

/** Where the monuments go: the state whose rules apply, the inset and the corner numbering. */
export function MonumentsStep() {
  const job = useJobStore((state) => state.job);
  const derived = useJobDerived();
  return job && derived ? <MonumentsStepBody job={job} derived={derived} /> : null;
}

function MonumentsStepBody({ job, derived: { monuments: derived, stateCode } }: { job: Job; derived: JobDerived }) {
  const patchJob = useJobStore((state) => state.patchJob);
  const ids = { state: useId(), county: useId(), inset: useId(), corner1: useId(), lm: useId() };
  const [inset, setInset] = useCommitted(String(job.monuments.insetFt));
  const [county, setCounty] = useCommitted(job.location.countyOverride ?? '');
  const mapCorners = useMemo(
    () => derived.corners.map((c) => ({ claimId: c.claimId, number: c.number, lonLat: c.lonLat, position: c.position ?? undefined })),
    [derived.corners],
  );
  const { location, monuments: settings } = job;
  const rule = stateRule(stateCode);
  const insetNumber = Number(inset);
  const insetInvalid = inset.trim() === '' || !Number.isFinite(insetNumber) || insetNumber < 0 || insetNumber > 1500;

  const commitInset = () => {
    if (!insetInvalid && insetNumber !== settings.insetFt) void patchJob({ monuments: { ...settings, insetFt: insetNumber } });
  };
  const commitCounty = () => {
    const next = county.trim() || null;
    if (next !== location.countyOverride) void patchJob({ countyOverride: next });
  };
  const detected = location.detectedState ? stateName(location.detectedState) : 'not detected';

  return (
    <div className="step-split" data-testid="monuments-step">
      <div className="step-split__side">
        <h3 className="step-page__title">Monuments</h3>
        {!stateCode && (
          <Notice tone="warning" title="State unknown." testId="state-unknown">
            The claims’ location did not match a state: choose it so its monument rules apply.
          </Notice>
        )}
        <div className="form-grid">
          <label htmlFor={ids.state}>State</label>
          <div>
            <select
              id={ids.state}
              data-testid="state-override"
              value={location.stateOverride ?? ''}
              onChange={(event) => void patchJob({ stateOverride: event.target.value || null })}
            >
              <option value="">Detected: {detected}</option>
              {STATE_OPTIONS.map(([code, name]) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </select>
          </div>
          <label htmlFor={ids.county}>County</label>
          <div>
            <input
              id={ids.county}
              type="text"
              maxLength={100}
              data-testid="county-override"
              placeholder={location.detectedCounty ? `Detected: ${location.detectedCounty}` : 'Not detected'}
              value={county}
              onChange={(event) => setCounty(event.target.value)}
              onBlur={commitCounty}
              onKeyDown={(event) => event.key === 'Enter' && commitCounty()}
            />
            <span className="form-field__hint muted">Empty keeps the detected county.</span>
          </div>
          {rule.lm === 'centerline' ? (
            <>
              <label htmlFor={ids.inset}>Discovery inset (ft)</label>
              <div>
                <input
                  id={ids.inset}
                  type="number"
                  min={0}
                  max={1500}
                  step={1}
                  data-testid="inset-ft"
                  aria-invalid={insetInvalid || undefined}
                  aria-describedby={`${ids.inset}-hint`}
                  value={inset}
                  onChange={(event) => setInset(event.target.value)}
                  onBlur={commitInset}
                  onKeyDown={(event) => event.key === 'Enter' && commitInset()}
                />
                <span id={`${ids.inset}-hint`} className="form-field__hint muted" data-testid="inset-description">
                  {insetInvalid ? 'Enter 0 to 1,500 ft.' : describeInset({ ...settings, insetFt: insetNumber }, stateCode)}
                </span>
              </div>
            </>
          ) : (
            <>
              <label htmlFor={ids.lm}>Location monument at</label>
              <div>
                <select
                  id={ids.lm}
                  data-testid="lm-corner"
                  value={settings.lmCorner}
                  onChange={(event) => void patchJob({ monuments: { ...settings, lmCorner: Number(event.target.value) } })}
                >
                  {[1, 2, 3, 4].map((n) => (
                    <option key={n} value={n}>
                      Corner {n}
                    </option>
                  ))}
                </select>
                <span className="form-field__hint muted">{describeInset(settings, stateCode)}</span>
              </div>
            </>
          )}
          <label htmlFor={ids.corner1}>Corner 1</label>
          <div>
            <select
              id={ids.corner1}
              data-testid="corner1"
              disabled={rule.corner1Fixed !== null}
              aria-describedby={`${ids.corner1}-hint`}
              value={rule.corner1Fixed ?? settings.corner1}
              onChange={(event) => void patchJob({ monuments: { ...settings, corner1: event.target.value as CornerPosition } })}
            >
              {CORNER_POSITIONS.map((position) => (
                <option key={position} value={position}>
                  {position}
                </option>
              ))}
            </select>
            <span id={`${ids.corner1}-hint`} className="form-field__hint muted">
              {rule.corner1Fixed
                ? `${rule.name} fixes Corner 1 at ${rule.corner1Fixed}; numbering runs clockwise.`
                : 'Numbering runs clockwise from Corner 1 (in each claim’s own frame: NE is the end-right corner).'}
            </span>
          </div>
        </div>
        <StateRuleSummary rule={rule} />
        {derived.notes.length > 0 && (
          <ul className="derived-notes" data-testid="monument-notes">
            {derived.notes.map((note) => (
              <li key={note}>{staffWording(note)}</li>
            ))}
          </ul>
        )}
        <h4 className="step-page__subtitle">Monuments · {derived.monuments.length}</h4>
        <MonumentsTable monuments={derived.monuments} />
      </div>
      <div className="step-split__map">
        <JobMap corners={mapCorners} monuments={derived.monuments} />
      </div>
    </div>
  );
}
