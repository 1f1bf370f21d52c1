/**
 * Snap placer claims to aliquot parts (shared/plss/aliquot-snap.ts): the selection, or every placer when nothing
 * is selected, becomes the 10-, 20- or 40-acre unit of the quarter-quarter under its centre. Shown only where the
 * imported PLSS covers the job and the layout has placers. One undoable edit, like the others.
 */
import { useState } from 'react';
import type { LayoutClaim } from '../../../../../shared/layout/layout.types';
import { snapPlacersToAliquots, type AliquotUnit } from '../../../../../shared/plss/aliquot-snap';
import type { PlssIndex } from '../../../../../shared/plss/plss-index';

type Props = {
  claims: LayoutClaim[];
  selection: string[];
  index: PlssIndex | null;
  onApply(next: LayoutClaim[], label: string): void;
};

export function AliquotSnapControl({ claims, selection, index, onApply }: Props) {
  const [unit, setUnit] = useState<AliquotUnit>(20);
  const [message, setMessage] = useState<string | null>(null);
  const placers = claims.filter((c) => c.kind === 'placer' && (selection.length === 0 || selection.includes(c.id)));
  if (!index || !claims.some((c) => c.kind === 'placer')) return null;

  const snap = () => {
    const result = snapPlacersToAliquots(claims, index, unit, selection.length > 0 ? new Set(selection) : undefined);
    if (result.snapped > 0) onApply(result.claims, `Snap ${result.snapped} placer${result.snapped === 1 ? '' : 's'} to ${unit}-acre aliquot parts`);
    const done = `${result.snapped} placer claim${result.snapped === 1 ? '' : 's'} snapped to ${unit}-acre aliquot parts.`;
    setMessage(result.skipped.length > 0 ? `${done} Left as they were: ${result.skipped.join('; ')}.` : done);
  };

  return (
    <fieldset className="layout-fieldset layout-edit__group" data-testid="aliquot-snap">
      <legend>Snap to aliquot parts (PLSS)</legend>
      <div className="layout-row">
        <label className="layout-field">
          <span>Unit</span>
          <select value={unit} onChange={(e) => setUnit(Number(e.target.value) as AliquotUnit)} data-testid="aliquot-snap-unit">
            <option value={40}>40 acres (quarter-quarter)</option>
            <option value={20}>20 acres (half of one)</option>
            <option value={10}>10 acres (quarter of one)</option>
          </select>
        </label>
        <button type="button" className="button button--small" disabled={placers.length === 0} onClick={snap} data-testid="aliquot-snap-apply">
          Snap {selection.length > 0 ? 'selected' : 'all'} placers
        </button>
      </div>
      {message && (
        <p className="form-field__hint muted" role="status" data-testid="aliquot-snap-message">
          {message}
        </p>
      )}
    </fieldset>
  );
}
