/**
 * Where the land description came from: filled from the imported PLSS (which data, of what date), edited by
 * staff since, or typed by hand; the one-line legal description the notices and maps print; and a button to fill
 * (again) from the PLSS. Staff can always edit the fields: the note only says whose text it is.
 */
import { landDescriptionText, sameLand } from '../../../../../shared/plss/land-description';
import { provenanceText } from '../../../../../shared/plss/plss-source';
import { documentsFromDraft } from '../../../lib/land-description';
import { useDocumentsStore } from '../../../state/documents.store';
import { useJobStore } from '../../../state/job.store';

export function PlssLandNote() {
  const job = useJobStore((state) => state.job);
  const draft = useDocumentsStore((state) => state.draft);
  const message = useDocumentsStore((state) => state.plssMessage);
  const filling = useDocumentsStore((state) => state.filling);
  const fill = useDocumentsStore((state) => state.fillFromPlss);
  if (!job || !draft) return null;
  const current = documentsFromDraft(draft, job.documents);
  const source = job.documents.plssSource ?? null;
  const asFilled = source !== null && sameLand(current, source.filled);
  const legal = landDescriptionText(current.plss);
  const from = source ? provenanceText(source) : null;

  return (
    <div className="land-form__source" data-testid="land-plss-note" data-state={source ? (asFilled ? 'filled' : 'edited') : 'typed'}>
      {source && asFilled && (
        <p>
          <strong>From the PLSS:</strong> filled from {from}{source.coverage === 'partial' ? ' (some claims lie partly outside it)' : ''}. Edit any
          field where the survey on the ground differs.
        </p>
      )}
      {source && !asFilled && <p>Edited by staff after it was filled from {from}.</p>}
      {!source && message && <p className="muted">{message}</p>}
      {source && asFilled && source.notes.length > 0 && (
        <ul className="land-form__source-notes">
          {source.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {legal && (
        <p className="land-form__legal" data-testid="land-legal-text">
          Prints as: <span className="mono">{legal}</span>
        </p>
      )}
      <button type="button" className="button button--small" disabled={filling} onClick={() => void fill('replace')} data-testid="land-fill-plss">
        {filling ? 'Filling…' : source ? 'Fill again from the PLSS' : 'Fill from the PLSS'}
      </button>
    </div>
  );
}
