import { AccountMenu } from '../features/session/account-menu';
import { useSessionStore } from '../stores/session.store';

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function AppHeader() {
  const session = useSessionStore((state) => state.session);
  const host = hostOf(session?.serverUrl ?? null);
  return (
    <header className="app-header" data-testid="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">CD</span>
        <span className="app-header__title">ClaimDesk</span>
        <span className="app-header__section">Order queue</span>
      </div>
      <div className="app-header__end">
        {session?.demo && (
          <span className="chip chip--amber" title="Connected to the built-in demo server" data-testid="demo-badge">
            Demo data
          </span>
        )}
        {host && (
          <span className="app-header__server muted" title={session?.serverUrl ?? undefined}>
            {host}
          </span>
        )}
        <AccountMenu />
      </div>
    </header>
  );
}
