import { useId } from 'react';
import { isCalendarDate } from '../../../../../shared/domain/calendar-date';
import { useClaimantStore } from '../../../state/claimant.store';
import { formatCalendarDate } from '../../../lib/format';
import { saveLandDraft, useDocumentsStore } from '../../../state/documents.store';
import { landProblems, PLSS_FIELDS, type LandField } from '../../../lib/land-description';
import { ALASKA_RECORDING_DISTRICTS, suggestRecordingDistricts } from '../../../../../shared/geo/alaska-recording-districts';
import { useJobStore } from '../../../state/job.store';
import { jobStateCode } from '../../../../../shared/jobs/check-job';
import { PlssLandNote } from './plss-land-note';

type InputSpec = { field: LandField; label: string; placeholder?: string; maxLength: number; hint?: string; inputMode?: 'decimal' };

function LandInput({ field, label, placeholder, maxLength, hint, inputMode }: InputSpec) {
  const id = useId();
  const value = useDocumentsStore((state) => state.draft?.[field] ?? '');
  const touched = useDocumentsStore((state) => state.touched[field] ?? false);
  const draft = useDocumentsStore((state) => state.draft);
  const { setField, touch } = useDocumentsStore.getState();
  const problem = touched && draft ? landProblems(draft).find((p) => p.field === field) : undefined;
  return (
    <div className={`form-field land-form__${field}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        inputMode={inputMode}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        data-testid={`land-${field}`}
        onChange={(event) => setField(field, event.target.value)}
        onBlur={() => {
          touch(field);
          void saveLandDraft();
        }}
      />
      <span id={`${id}-hint`} className="form-field__hint muted">{hint}</span>
      <span id={`${id}-error`} className="form-field__error" role={problem ? 'alert' : undefined}>
        {problem?.message}
      </span>
    </div>
  );
}

/**
 * The date of location is asked in one place, the Claimant step; it is printed on every notice, so it is shown here
 * (read only) with the way back to change it.
 */
function DateOfLocation({ onEditClaimant }: { onEditClaimant: () => void }) {
  const draft = useClaimantStore((state) => state.draft);
  if (!draft) return null;
  const value = draft.dateOfLocation;
  return (
    <div className="land-form__claimant">
      <div className="land-form__claimant-name">
        <span className="muted">Date of location</span>
        <strong data-testid="documents-dateOfLocation" data-date={value}>
          {value && isCalendarDate(value) ? formatCalendarDate(value) : <span className="muted">blank line, written by hand when staking</span>}
        </strong>
      </div>
      <div className="land-form__claimant-name">
        <span className="muted">Claimant</span>
        <strong data-testid="documents-claimant">{draft.claimantName || <span className="muted">not entered</span>}</strong>
        <button type="button" className="button button--link" onClick={onEditClaimant} data-testid="documents-edit-claimant">
          Edit claimant and date
        </button>
      </div>
    </div>
  );
}

/**
 * Alaska records by recording district, never by county (AS 27.10.050): staff pick the district; the borough the
 * claims lie in suggests the likeliest ones (district lines do not follow borough lines, so it stays a suggestion).
 */
function RecordingDistrict() {
  const id = useId();
  const stateCode = useJobStore((state) => (state.job ? jobStateCode(state.job) : null));
  const location = useJobStore((state) => state.job?.location ?? null);
  const value = useDocumentsStore((state) => state.draft?.recordingDistrict ?? '');
  const { setField } = useDocumentsStore.getState();
  if (stateCode !== 'AK' || !location) return null;
  const borough = location.countyOverride ?? location.detectedCounty;
  const suggested = suggestRecordingDistricts(borough);
  const others = ALASKA_RECORDING_DISTRICTS.filter((d) => !suggested.includes(d));
  return (
    <fieldset className="land-form__group">
      <legend>Recording district</legend>
      <div className="form-field">
        <label htmlFor={id}>District</label>
        <select
          id={id}
          value={value}
          data-testid="land-recordingDistrict"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setField('recordingDistrict', event.target.value);
            void saveLandDraft();
          }}
        >
          <option value="">Not chosen (a line to fill in)</option>
          {suggested.length > 0 && (
            <optgroup label={`Suggested for ${borough}`}>
              {suggested.map((d) => <option key={d} value={d}>{d}</option>)}
            </optgroup>
          )}
          <optgroup label="All districts">
            {others.map((d) => <option key={d} value={d}>{d}</option>)}
          </optgroup>
        </select>
        <span id={`${id}-hint`} className="form-field__hint muted" data-testid="recording-district-hint">
          {suggested.length > 0
            ? `The claims lie in ${borough}: ${suggested.join(' or ')}. Check DNR's recording district map; districts do not follow borough lines.`
            : 'Alaska documents name the recording district, never a county. Check DNR’s recording district map.'}
        </span>
      </div>
    </fieldset>
  );
}

/** What the notices print about where the claims are: PLSS description, a tie point, and the date of location. */
export function LandDescriptionForm({ onEditClaimant }: { onEditClaimant: () => void }) {
  return (
    <form className="land-form" aria-label="Land description" onSubmit={(event) => event.preventDefault()}>
      <DateOfLocation onEditClaimant={onEditClaimant} />
      <RecordingDistrict />
      <fieldset className="land-form__group">
        <legend>Public Land Survey System</legend>
        <p className="form-field__hint muted land-form__note">Optional: blank fields print as lines to fill in by hand.</p>
        <PlssLandNote />
        <div className="land-form__plss">
          {PLSS_FIELDS.map((spec) => (
            <LandInput key={spec.field} {...spec} />
          ))}
        </div>
      </fieldset>
      <fieldset className="land-form__group">
        <legend>Tie point</legend>
        <p className="form-field__hint muted land-form__note">
          A section corner or natural object the notices tie the claims to by bearing and distance. Optional.
        </p>
        <div className="land-form__tie">
          <LandInput field="tieDescription" label="Description" placeholder="e.g. SW corner, Section 14" maxLength={300} />
          <LandInput field="tieLat" label="Latitude" placeholder="40.9266" maxLength={20} inputMode="decimal" />
          <LandInput field="tieLon" label="Longitude" placeholder="-116.3418" maxLength={20} inputMode="decimal" />
        </div>
      </fieldset>
    </form>
  );
}
