import { useEffect, useId, useRef, useState } from 'react';
import { basemapUrlProblem, useSettingsStore } from '../../stores/settings.store';

/**
 * App settings: today the optional online basemap. A native <dialog> gives focus trapping, Escape and the
 * backdrop for free.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettingsStore((state) => state.settings);
  const save = useSettingsStore((state) => state.save);
  const saving = useSettingsStore((state) => state.saving);
  const [url, setUrl] = useState(settings?.basemapUrl ?? '');
  const [error, setError] = useState<string | null>(null);
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
    const failed = await save({ basemapUrl: url.trim() || null });
    if (failed) setError(failed.message);
    else onClose();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} data-testid="settings-dialog" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`}>Settings</h2>
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
            A raster tile template with {'{z}/{x}/{y}'} or a style JSON URL, https only. Empty uses the offline map.
          </span>
          <span id={`${id}-error`} className="form-field__error" role={error ? 'alert' : undefined}>
            {error}
          </span>
        </div>
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
