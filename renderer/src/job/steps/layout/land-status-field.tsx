import { useId } from 'react';
import type { LandStatus } from '../../../../../shared/claims/state-land';
import type { Job } from '../../../../../shared/jobs/job.types';
import { useJobStore } from '../../../state/job.store';
import { jobStateCode } from '../../../../../shared/jobs/check-job';

/**
 * Federal or State land: Alaska lets miners locate on State land under DNR's rules, with other shapes (MTRSC
 * quarter or quarter-quarter sections, or traditional locations up to 1,320 ft a side, cardinal), deadlines and
 * fees. Shown in Alaska, or wherever a job was marked State land, so the mark can always be taken back.
 */
export function LandStatusField({ job }: { job: Job }) {
  const id = useId();
  const stateCode = useJobStore((state) => (state.job ? jobStateCode(state.job) : null));
  const patchJob = useJobStore((s) => s.patchJob);
  const value = job.location.landStatus;
  if (stateCode !== 'AK' && value === 'federal') return null;
  return (
    <div className="form-field" data-testid="land-status-field">
      <label htmlFor={id}>Land</label>
      <select id={id} data-testid="land-status" value={value} onChange={(e) => void patchJob({ landStatus: e.target.value as LandStatus })} aria-describedby={`${id}-hint`}>
        <option value="federal">Federal land (General Mining Law, BLM)</option>
        <option value="state">State of Alaska land (DNR locations)</option>
      </select>
      <span id={`${id}-hint`} className="form-field__hint muted">
        {value === 'state'
          ? 'State land: quarter or quarter-quarter sections, or up to 1,320 ft a side with lines north–south and east–west; a 1,500 × 600 ft lode is refused. Certificate and first rental within 45 days; no BLM filing.'
          : 'Federal land: lode 1,500 × 600 ft, placer 20 acres per locator; county (district) and BLM filings.'}
      </span>
    </div>
  );
}
