import { MAX_CO_LOCATORS, type CoLocator } from '../../../../../shared/jobs/job.types';
import { saveClaimantDraft, useClaimantStore } from '../../../state/claimant.store';

const EMPTY: CoLocator = { name: '', address1: '', address2: '', address3: '' };
const FIELDS: { key: keyof CoLocator; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'address1', label: 'Address line 1' },
  { key: 'address2', label: 'Address line 2' },
  { key: 'address3', label: 'Address line 3' },
];

/**
 * The other locators of an association placer (43 CFR 3832.22(b): up to eight locators, 20 acres each): each is
 * named with a mailing address on every notice and signs it, so each gets a name and address here, never a count.
 */
export function CoLocatorsEditor({ problems }: { problems: string[] }) {
  const coLocators = useClaimantStore((s) => s.draft?.coLocators ?? []);
  const setField = useClaimantStore((s) => s.setField);
  const update = (next: CoLocator[], save = false) => {
    setField('coLocators', next);
    if (save) void saveClaimantDraft();
  };
  return (
    <fieldset className="co-locators" data-testid="co-locators">
      <legend>Co-locators ({1 + coLocators.length} locator{coLocators.length === 0 ? '' : 's'} in all)</legend>
      <p className="form-field__hint muted">
        An association placer covers up to 20 acres per locator, 160 acres for eight. Every locator is named with a mailing address on the
        notices and signs them.
      </p>
      {coLocators.map((locator, k) => (
        <div className="co-locators__row" key={k} data-testid={`co-locator-${k + 2}`}>
          <strong>Locator {k + 2}</strong>
          {FIELDS.map(({ key, label }) => (
            <label key={key} className="form-field">
              <span>{label}</span>
              <input
                type="text"
                maxLength={200}
                value={locator[key]}
                data-testid={`co-locator-${k + 2}-${key}`}
                onChange={(e) => update(coLocators.map((c, n) => (n === k ? { ...c, [key]: e.target.value } : c)))}
                onBlur={() => void saveClaimantDraft()}
              />
            </label>
          ))}
          <button type="button" className="button button--small" data-testid={`co-locator-${k + 2}-remove`} onClick={() => update(coLocators.filter((_, n) => n !== k), true)}>
            Remove
          </button>
        </div>
      ))}
      {coLocators.length < MAX_CO_LOCATORS && (
        <button type="button" className="button button--small" data-testid="co-locator-add" onClick={() => update([...coLocators, { ...EMPTY }], true)}>
          Add a co-locator
        </button>
      )}
      {problems.map((p) => (
        <span key={p} className="form-field__error" role="alert">
          {p}
        </span>
      ))}
    </fieldset>
  );
}
