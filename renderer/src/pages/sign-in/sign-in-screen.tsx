import { useId, useState, type FormEvent } from 'react';
import { signInRequestSchema } from '../../../../shared/domain/session.types';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { useAppViewStore } from '../../state/app-view.store';
import { useSessionStore, type SignInError } from '../../state/session.store';

type Field = 'serverUrl' | 'username' | 'password';

/** Checks the form with the same schema main validates with, so the messages match and nothing is re-invented. */
function validate(values: Record<Field, string>): Partial<Record<Field, string>> {
  const parsed = signInRequestSchema.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as Field;
    errors[field] ??= issue.message;
  }
  return errors;
}

export function SignInScreen() {
  const { signingIn, signInError, reauthReason, lastServerUrl, lastUsername, signIn, clearSignInError } = useSessionStore();
  const [serverUrl, setServerUrl] = useState(lastServerUrl || 'https://');
  const [username, setUsername] = useState(lastUsername);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const ids = { serverUrl: useId(), username: useId(), password: useId(), error: useId() };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate({ serverUrl, username, password });
    setFieldErrors(errors);
    clearSignInError(); // an old server answer must not sit next to new, unrelated field errors
    if (Object.keys(errors).length > 0) return;
    const signedIn = await signIn({ serverUrl: serverUrl.trim(), username: username.trim(), password });
    setPassword('');
    // A fresh sign-in starts on the dashboard; signing in again mid-work (session expired) goes back to that work.
    if (signedIn && !reauthReason) useAppViewStore.getState().show('dashboard');
    // No sync call here: main starts one after every staff sign-in, and its progress arrives as status events.
  };

  const serverError: SignInError | null = signInError;
  const describedBy = (field: Field) =>
    [fieldErrors[field] ? `${ids[field]}-msg` : null, serverError?.field === field ? ids.error : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (field: Field) => Boolean(fieldErrors[field] || serverError?.field === field);

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} noValidate data-testid="sign-in-form" aria-labelledby="sign-in-title">
        <div className="sign-in__brand">
          <span className="brand-mark" aria-hidden="true">CD</span>
          <div>
            <h1 id="sign-in-title">ClaimDesk</h1>
            <p className="muted">Sign in with your GeoDB staff account</p>
          </div>
        </div>

        {reauthReason && (
          <Notice tone="warning" testId="reauth-notice">
            {reauthReason}
          </Notice>
        )}

        <div className="field">
          <label htmlFor={ids.serverUrl}>Server URL</label>
          <input
            id={ids.serverUrl}
            name="serverUrl"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            aria-invalid={invalid('serverUrl')}
            aria-describedby={describedBy('serverUrl')}
            data-testid="sign-in-server-url"
          />
          {fieldErrors.serverUrl && <p id={`${ids.serverUrl}-msg`} className="field__error">{fieldErrors.serverUrl}</p>}
        </div>

        <div className="field">
          <label htmlFor={ids.username}>Username</label>
          <input
            id={ids.username}
            name="username"
            autoComplete="username"
            spellCheck={false}
            autoFocus={Boolean(lastServerUrl) && !lastUsername}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={invalid('username')}
            aria-describedby={describedBy('username')}
            data-testid="sign-in-username"
          />
          {fieldErrors.username && <p id={`${ids.username}-msg`} className="field__error">{fieldErrors.username}</p>}
        </div>

        <div className="field">
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus={Boolean(lastUsername)}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={invalid('password')}
            aria-describedby={describedBy('password')}
            data-testid="sign-in-password"
          />
          {fieldErrors.password && <p id={`${ids.password}-msg`} className="field__error">{fieldErrors.password}</p>}
        </div>

        {serverError && (
          <div id={ids.error} className="sign-in__error" role="alert" data-testid="sign-in-error">
            {serverError.message}
          </div>
        )}

        <button type="submit" className="button button--primary button--block" disabled={signingIn} data-testid="sign-in-submit">
          {signingIn ? (
            <>
              <Spinner small /> Signing in…
            </>
          ) : (
            'Sign in'
          )}
        </button>
      </form>
    </main>
  );
}
