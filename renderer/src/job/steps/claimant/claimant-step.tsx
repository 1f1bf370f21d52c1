import { useEffect, useId } from 'react';
import { stateRule } from '../../../../../shared/claims/state-rules';
import { Notice } from '../../../widgets/notice';
import { useJobStore } from '../../../state/job.store';
import { claimantProblems, type ClaimantField } from '../../../../../shared/claims/claimant-check';
import { jobStateCode } from '../../../../../shared/jobs/check-job';
import { orderHasClaimant } from '../../../lib/claimant-prefill';
import { claimantDraft, saveClaimantDraft, useClaimantStore } from '../../../state/claimant.store';
import { CoLocatorsEditor } from './co-locators-editor';

type TextField = Exclude<ClaimantField, 'coLocators'>;

const FIELDS: { field: TextField; label: string; hint?: string; wide?: boolean; multiline?: boolean; date?: boolean }[] = [
  { field: 'claimantName', label: 'Claimant name', wide: true },
  { field: 'address1', label: 'Address line 1', wide: true },
  { field: 'address2', label: 'Address line 2', wide: true },
  { field: 'address3', label: 'Address line 3', wide: true },
  { field: 'district', label: 'Mining district', hint: 'Optional; written on the notice when known.' },
  { field: 'monumentType', label: 'Monument type', hint: 'e.g. “2-in PVC post, 4 ft above ground, in a stone mound”' },
  { field: 'agentName', label: 'Agent' },
  { field: 'agentAddress', label: 'Agent address', multiline: true },
  {
    field: 'dateOfLocation',
    label: 'Date of location',
    date: true,
    hint: 'The day the claims are staked (the notice posted). Not known yet? Leave it empty: the notices print a blank line for the locator to write the date by hand when staking.',
  },
  { field: 'dateOfDiscovery', label: 'Date of discovery', date: true, hint: 'Optional. CO and WY count the recording deadline from it; AK and MT print it.' },
];

const REQUIRED: ReadonlySet<ClaimantField> = new Set<ClaimantField>(['claimantName', 'address1']);

function Field({ field, label, hint, multiline, date, required }: (typeof FIELDS)[number] & { required: boolean }) {
  const id = useId();
  const value = useClaimantStore((state) => state.draft?.[field] ?? '');
  const touched = useClaimantStore((state) => state.touched[field] ?? false);
  const setField = useClaimantStore((state) => state.setField);
  const touch = useClaimantStore((state) => state.touch);
  const stateCode = useJobStore((state) => (state.job ? jobStateCode(state.job) : null));
  const draft = useClaimantStore((state) => state.draft);
  const problem = touched && draft ? claimantProblems(draft, stateCode).find((p) => p.field === field) : undefined;
  const onBlur = () => {
    touch(field);
    void saveClaimantDraft();
  };
  const common = {
    id,
    value: typeof value === 'string' ? value : '',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': `${id}-hint ${id}-error`,
    'aria-required': required || undefined,
    'data-testid': `claimant-${field}`,
    onBlur,
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="form-field__required" aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea rows={2} maxLength={400} {...common} onChange={(event) => setField(field, event.target.value)} />
      ) : (
        // A date picker: the stored value is always YYYY-MM-DD, whatever order the desk's locale shows the day in.
        <input type={date ? 'date' : 'text'} maxLength={date ? undefined : 200} {...common} onChange={(event) => setField(field, event.target.value)} />
      )}
      <span id={`${id}-hint`} className="form-field__hint muted">{hint}</span>
      <span id={`${id}-error`} className="form-field__error" role={problem ? 'alert' : undefined}>
        {problem?.message}
      </span>
    </div>
  );
}

/** Who is locating the claims: printed on every notice, so it is checked before documents. */
export function ClaimantStep() {
  const job = useJobStore((state) => state.job);
  const draft = useClaimantStore((state) => (state.jobId === job?.id ? state.draft : null));
  const stateCode = useJobStore((state) => (state.job ? jobStateCode(state.job) : null));
  const touchedCoLocators = useClaimantStore((state) => (state.draft?.coLocators ?? []).length > 0);

  useEffect(() => {
    claimantDraft();
    // Leaving the step unmounts the form: whatever was typed is saved even if no field was blurred.
    return () => void saveClaimantDraft();
  }, [job?.id]);

  if (!job || !draft) return null;
  const rule = stateRule(stateCode);
  const monumentRequired = rule.monumentDescriptionRequired;

  return (
    <div className="step-page step-page--narrow" data-testid="claimant-step">
      <h3 className="step-page__title">Claimant</h3>
      {!orderHasClaimant(job.order.claimant) && (
        <div className="claimant-needed" role="note" data-testid="claimant-needed">
          <strong>Claimant info needed</strong>
          <span>The order came without claimant details. Ask the customer, then enter them here.</span>
        </div>
      )}
      {monumentRequired && (
        <Notice tone="info">
          {rule.name}: the {rule.certificateName} must describe the monuments used, so the monument type is required.
        </Notice>
      )}
      <form className="claimant-form" onSubmit={(event) => event.preventDefault()} aria-label="Claimant details">
        {FIELDS.map((spec) => (
          <Field key={spec.field} {...spec} required={REQUIRED.has(spec.field) || (spec.field === 'monumentType' && monumentRequired)} />
        ))}
        <CoLocatorsEditor problems={touchedCoLocators ? claimantProblems(draft, stateCode).filter((p) => p.field === 'coLocators').map((p) => p.message) : []} />
      </form>
    </div>
  );
}
