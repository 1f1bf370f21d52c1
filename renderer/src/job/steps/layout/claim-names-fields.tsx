/**
 * The layout's one naming rule: a prefix and a first number. Generate, Fit, Add, Rename and Renumber all use it,
 * so changing it in one place changes it everywhere and no action quietly renames with an older prefix. The
 * suggestion says where it came from: claim names print on the notices and the posts, so staff confirm it.
 */
import type { PrefixSuggestion } from '../../../../../shared/layout/claim-prefix';

const SOURCE: Record<PrefixSuggestion['source'], string> = {
  'order-names': "the order's own claim names",
  'project-name': 'the project name',
  'order-number': 'the order number',
};

type Props = {
  prefix: string;
  firstNumber: string;
  suggestion: PrefixSuggestion;
  onChange(patch: { prefix?: string; firstNumber?: string }): void;
};

export function ClaimNamesFields({ prefix, firstNumber, suggestion, onChange }: Props) {
  const suggested = prefix.trim() === suggestion.prefix;
  return (
    <fieldset className="layout-fieldset" data-testid="claim-names">
      <legend>Claim names</legend>
      <div className="layout-row">
        <label className="layout-field layout-field--grow">
          <span>Prefix</span>
          <input type="text" data-testid="layout-prefix" value={prefix} maxLength={40} onChange={(e) => onChange({ prefix: e.target.value })} />
        </label>
        <label className="layout-field">
          <span>First number</span>
          <input
            type="number"
            data-testid="layout-first-number"
            min={1}
            step={1}
            value={firstNumber}
            style={{ width: 72 }}
            onChange={(e) => onChange({ firstNumber: e.target.value })}
          />
        </label>
      </div>
      <p className="muted layout-hint" data-testid="layout-prefix-hint">
        {suggested
          ? `Suggested from ${SOURCE[suggestion.source]}. Names print on the notices and the posts: check it before laying out.`
          : 'Used for every grid, fit, added claim, rename and renumber.'}
      </p>
    </fieldset>
  );
}
