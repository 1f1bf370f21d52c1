import { useState, type ReactNode } from 'react';
import type { ErrorInfo } from '../../../../../shared/errors';
import type { EntryAnswer } from '../../../state/filings';

/** Saving one entry: main's refusal (or the form's own message) stays on the form, the warnings go to `onDone`. */
export function useEntrySave(onDone: (warnings: string[]) => void) {
  const [error, setError] = useState<ErrorInfo | string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (send: () => Promise<EntryAnswer>) => {
    setSaving(true);
    const answer = await send();
    setSaving(false);
    if (!answer.ok) return setError(answer.error);
    setError(null);
    onDone(answer.warnings);
  };
  return { error, saving, save, refuse: (message: string) => setError(message) };
}

/** The form around a recording or filing entry, with its save button and the refusal under it. */
export function FilingFormShell(props: {
  name: 'recording' | 'blm';
  saveLabel: string;
  error: ErrorInfo | string | null;
  saving: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { name, saveLabel, error, saving, onSubmit, children } = props;
  return (
    <form
      className="filing-form"
      data-testid={name === 'recording' ? 'county-recording-form' : 'blm-filing-form'}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit" className="button button--primary button--small" disabled={saving} data-testid={`${name}-save`}>
        {saveLabel}
      </button>
      {error && (
        <span className="form-field__error" role="alert" data-testid={`${name}-error`}>
          {typeof error === 'string' ? error : error.message}
        </span>
      )}
    </form>
  );
}
