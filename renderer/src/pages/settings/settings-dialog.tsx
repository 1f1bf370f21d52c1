import { useEffect, useId, useRef, useState } from 'react';
import type { AppSettingsPatch } from '../../../../shared/jobs/job.types';
import { Notice } from '../../widgets/notice';
import { basemapOriginOf } from '../../../../shared/basemap/basemap-origin';
import { basemapUrlProblem, useSettingsStore } from '../../state/settings.store';
import { parseWorkflowDraft, workflowDraft, WorkflowSettingsFields, type WorkflowDraft } from './workflow-settings-fields';
import { mapDraft, mapPatch, MapSettingsFields, type MapDraft } from './map-settings-fields';
import { PlssSettings } from './plss-settings';
import { CrewCoverageSettings } from './crew-coverage-settings';
import { parseSyncDraft, syncDraft, SyncSettingsFields, type SyncDraft } from './sync-settings-fields';
import '../../styles/settings.css';

/**
 * App settings: the online basemap, the workflow's due dates and flags, maps and field files (the offline
 * basemap file, printed basemaps, waypoint names, KMZ), and the sync limits. Only the parts that changed
 * are sent (main keeps the rest as saved). A native <dialog> gives focus trapping, Escape and the backdrop.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettingsStore((state) => state.settings);
  const loadError = useSettingsStore((state) => state.loadError);
  const save = useSettingsStore((state) => state.save);
  const saving = useSettingsStore((state) => state.saving);
  const [url, setUrl] = useState(settings?.basemapUrl ?? '');
  const [draft, setDraft] = useState<WorkflowDraft>(() => workflowDraft(settings?.workflow));
  const [maps, setMaps] = useState<MapDraft>(() => mapDraft(settings?.maps));
  const basemap = useSettingsStore((state) => state.basemap);
  const [sync, setSync] = useState<SyncDraft>(() => syncDraft(settings?.sync));
  const [error, setError] = useState<string | null>(null);
  const [workflowError, setWorkflowError] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async () => {
    const problem = basemapUrlProblem(url);
    if (problem) {
      setError(problem);
      return;
    }
    const workflow = parseWorkflowDraft(draft);
    if ('problem' in workflow) {
      setWorkflowError(workflow.problem);
      return;
    }
    const mapChanges = mapPatch(maps, settings?.maps);
    if ('problem' in mapChanges) {
      setWorkflowError(mapChanges.problem);
      return;
    }
    const limits = parseSyncDraft(sync);
    if ('problem' in limits) {
      setWorkflowError(limits.problem);
      return;
    }
    const patch: AppSettingsPatch = {};
    const basemapUrl = url.trim() || null;
    if (basemapUrl !== (settings?.basemapUrl ?? null)) patch.basemapUrl = basemapUrl;
    if (JSON.stringify(workflow.settings) !== JSON.stringify(settings?.workflow)) patch.workflow = workflow.settings;
    if (Object.keys(mapChanges.patch).length > 0) patch.maps = mapChanges.patch;
    if (JSON.stringify(limits.limits) !== JSON.stringify(settings?.sync)) patch.sync = limits.limits;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const failed = await save(patch);
    if (failed) setWorkflowError(failed.message);
    // A basemap on another origin is let through by the page's policy only once the page is loaded again.
    else if (patch.basemapUrl !== undefined && basemapOriginOf(patch.basemapUrl) !== basemapOriginOf(settings?.basemapUrl)) window.location.reload();
    else onClose();
  };

  return (
    <dialog ref={ref} className="dialog settings-dialog" aria-labelledby={`${id}-title`} data-testid="settings-dialog" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>Settings</h2>
        {loadError && (
          <Notice tone="error" title="The saved settings could not be read.">
            {loadError.message}
          </Notice>
        )}
        <div className="form-field">
          <label htmlFor={id}>Online basemap (optional)</label>
          <input
            id={id}
            type="url"
            value={url}
            placeholder="https://tile.example.com/{z}/{x}/{y}.png"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint ${id}-error`}
            data-testid="settings-basemap-url"
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
            }}
          />
          <span id={`${id}-hint`} className="form-field__hint muted">
            A raster tile template with {'{z}/{x}/{y}'} or a style JSON URL, https only. Empty: none.
          </span>
          <span id={`${id}-error`} className="form-field__error" role={error ? 'alert' : undefined}>
            {error}
          </span>
        </div>
        <MapSettingsFields
          draft={maps}
          basemap={basemap}
          onChange={(patch) => {
            setMaps((current) => ({ ...current, ...patch }));
            setWorkflowError(null);
          }}
        />
        <WorkflowSettingsFields
          draft={draft}
          onChange={(patch) => {
            setDraft((current) => ({ ...current, ...patch }));
            setWorkflowError(null);
          }}
        />
        <SyncSettingsFields
          draft={sync}
          onChange={(patch) => {
            setSync((current) => ({ ...current, ...patch }));
            setWorkflowError(null);
          }}
        />
        <span className="form-field__error" role={workflowError ? 'alert' : undefined} data-testid="settings-error">
          {workflowError}
        </span>
        <PlssSettings />
        <CrewCoverageSettings />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid="settings-save">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
