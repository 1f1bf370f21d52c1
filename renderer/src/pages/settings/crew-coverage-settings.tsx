/**
 * Field crews' coverage in Settings. It is kept on the server and acts at once, apart from the dialog's Save: a
 * manager or admin loads a crew member's coverage by username and saves it; a crew member sees their own.
 */
import { useEffect, useId, useState } from 'react';
import { formatCoverage, parseCoverage } from '../../../../shared/crews/coverage-text';
import { api } from '../../api/client';
import { useSessionStore } from '../../state/session.store';

export function CrewCoverageSettings() {
  const role = useSessionStore((state) => state.session?.role ?? null);
  const me = useSessionStore((state) => state.session?.username ?? null);
  const editor = role === 'manager' || role === 'admin';
  const [crew, setCrew] = useState('');
  const [text, setText] = useState('');
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();

  useEffect(() => {
    if (role !== 'crew' || me === null) return;
    void api.getCrewCoverage({}).then((result) => {
      if (result.ok) setText(formatCoverage(result.value.areas));
      else setMessage({ error: true, text: result.error.message });
    });
  }, [role, me]);

  if (!editor && role !== 'crew') return null;

  const load = async () => {
    const result = await api.getCrewCoverage({ crew: crew.trim() });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setText(formatCoverage(result.value.areas));
    setLoadedFor(result.value.crew);
    setMessage(null);
  };
  const save = async () => {
    const parsed = parseCoverage(text);
    if (!parsed.ok) return setMessage({ error: true, text: parsed.message });
    const result = await api.setCrewCoverage({ crew: loadedFor ?? crew.trim(), areas: parsed.areas });
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setText(formatCoverage(result.value.areas));
    setMessage({ error: false, text: `Saved on the server: ${result.value.crew} now covers ${result.value.areas.length} area${result.value.areas.length === 1 ? '' : 's'}.` });
  };

  return (
    <fieldset className="crew-coverage-settings" data-testid="crew-coverage-settings">
      <legend>Field crews’ coverage</legend>
      <p className="form-field__hint muted">
        One area a line: a state (“NV”) or a state and a county (“NV: Esmeralda”). A crew member is shown the staking-service orders
        inside their coverage. Kept on the server; {editor ? 'saved at once, apart from the Save below.' : 'a manager changes it.'}
      </p>
      {editor && (
        <div className="form-field">
          <label htmlFor={`${id}-crew`}>Crew member (username)</label>
          <input id={`${id}-crew`} value={crew} onChange={(e) => (setCrew(e.target.value), setLoadedFor(null))} />
          <button type="button" className="button" disabled={crew.trim() === ''} onClick={() => void load()}>
            Load
          </button>
        </div>
      )}
      {(role === 'crew' || loadedFor !== null) && (
        <div className="form-field">
          <label htmlFor={`${id}-areas`}>{role === 'crew' ? 'Your coverage' : `${loadedFor}’s coverage`}</label>
          <textarea id={`${id}-areas`} rows={4} value={text} readOnly={!editor} onChange={(e) => setText(e.target.value)} />
          {editor && (
            <button type="button" className="button" onClick={() => void save()}>
              Save coverage
            </button>
          )}
        </div>
      )}
      {message && (
        <p className={message.error ? 'form-field__error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
