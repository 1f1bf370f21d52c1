/**
 * The PLSS part of Settings: which states' BLM CadNSDI data is imported (layers, features, the data's date), an
 * import with progress, and removing a state. Acts at once, apart from the dialog's Save. On the desktop files are
 * chosen in the OS dialog; the browser host (development and tests) has none and takes typed paths instead.
 */
import { useEffect, useId, useState } from 'react';
import { usePlssStore } from '../../state/plss.store';
import { ProgressBar } from '../../widgets/progress-bar';

const LAYER_NAMES = { township: 'Townships', section: 'Sections', second: 'Aliquot parts and lots' } as const;

function ImportProgress() {
  const status = usePlssStore((state) => state.status);
  const progress = status?.progress;
  if (!status?.running) return null;
  const counted = progress?.total ? `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}` : (progress?.done ?? 0).toLocaleString('en-US');
  return (
    <div className="plss-settings__progress" role="status" data-testid="plss-progress">
      <ProgressBar done={progress?.done ?? 0} total={progress?.total ?? 0} label="PLSS import" wide />
      <span className="muted">
        {progress ? `${progress.layer}: ${counted} features (${progress.stored.toLocaleString('en-US')} stored)` : 'Starting the import…'}
      </span>
    </div>
  );
}

function Outcome() {
  const status = usePlssStore((state) => state.status);
  if (!status || status.running) return null;
  if (status.error) {
    return (
      <p className="form-field__error" role="alert" data-testid="plss-error">
        The import failed and nothing was changed: {status.error.message}
      </p>
    );
  }
  if (!status.report) return null;
  const layers = status.report.layers.map((l) => `${l.state} ${LAYER_NAMES[l.layer].toLowerCase()} (${l.features.toLocaleString('en-US')})`);
  return (
    <p className="muted" role="status" data-testid="plss-report">
      Imported {layers.join(', ')} from {status.report.files.join(', ')}.{status.report.skipped > 0 ? ` ${status.report.skipped} unreadable features were skipped.` : ''}
    </p>
  );
}

export function PlssSettings() {
  const status = usePlssStore((state) => state.status);
  const actionError = usePlssStore((state) => state.actionError);
  const { loadStatus, follow, choose, startImport, remove } = usePlssStore.getState();
  const [typing, setTyping] = useState(false);
  const [paths, setPaths] = useState('');
  const id = useId();

  useEffect(() => {
    void loadStatus();
    return follow();
  }, [loadStatus, follow]);

  const pick = async () => {
    const chosen = await choose();
    if (!chosen) return;
    if (!chosen.dialog) setTyping(true);
    else if (chosen.paths.length > 0) await startImport(chosen.paths);
  };
  const importTyped = async () => {
    const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
    if (list.length > 0 && (await startImport(list))) setPaths('');
  };
  const states = [...new Set((status?.layers ?? []).map((l) => l.state))];

  return (
    <fieldset className="plss-settings" data-testid="plss-settings">
      <legend>Public Land Survey System (BLM CadNSDI)</legend>
      <p className="form-field__hint muted">
        Import the states you work in once: the Documents step then fills township, range, section, aliquot part and the tie
        to a section corner, offline. GeoJSON, zipped shapefiles or GeoPackage, in BLM’s CadNSDI fields (see the README).
      </p>
      {states.length > 0 ? (
        <table className="plss-settings__table" data-testid="plss-layers">
          <thead>
            <tr>
              <th>State</th>
              <th>Layer</th>
              <th>Features</th>
              <th>Data of</th>
              <th>Imported</th>
            </tr>
          </thead>
          <tbody>
            {status!.layers.map((l) => (
              <tr key={`${l.state}-${l.layer}`}>
                <td>{l.state}</td>
                <td>{LAYER_NAMES[l.layer]}</td>
                <td>{l.features.toLocaleString('en-US')}</td>
                <td>{l.dataDate ?? '—'}</td>
                <td>{l.importedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted" data-testid="plss-none">No PLSS imported yet.</p>
      )}
      <div className="plss-settings__actions">
        <button type="button" className="button" disabled={status?.running} onClick={() => void pick()} data-testid="plss-choose">
          Choose files…
        </button>
        {states.map((state) => (
          <button key={state} type="button" className="button button--small" disabled={status?.running} onClick={() => void remove(state)} data-testid={`plss-remove-${state}`}>
            Remove {state}
          </button>
        ))}
      </div>
      {typing && (
        <div className="form-field">
          <label htmlFor={id}>Files to import, one path per line (this window has no file dialog)</label>
          <textarea id={id} rows={3} value={paths} onChange={(e) => setPaths(e.target.value)} data-testid="plss-paths" />
          <button type="button" className="button button--small" disabled={status?.running || paths.trim() === ''} onClick={() => void importTyped()} data-testid="plss-import">
            Import
          </button>
        </div>
      )}
      <ImportProgress />
      <Outcome />
      {actionError && (
        <p className="form-field__error" role="alert">
          {actionError.message}
        </p>
      )}
    </fieldset>
  );
}
