import { NotificationBell } from '../widgets/notifications/notification-bell';
import { OutboxNavLink } from '../widgets/outbox/outbox-nav-link';
import { AccountMenu } from '../widgets/account-menu';
import { SettingsDialog } from '../pages/settings/settings-dialog';
import { useJobStore } from '../state/job.store';
import { useSessionStore } from '../state/session.store';
import { selectOffline, useSyncStore } from '../state/sync.store';
import { useAppViewStore, type WorkspaceView } from '../state/app-view.store';

const SECTIONS: Record<WorkspaceView, string> = { dashboard: 'Dashboard', queue: 'Order queue', jobs: 'Jobs', outbox: 'Outbox', deadlines: 'Claim deadlines' };

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
  const hasJob = useJobStore((state) => state.job !== null);
  const closeJob = useJobStore((state) => state.closeJob);
  const view = useAppViewStore((state) => state.view);
  const show = useAppViewStore((state) => state.show);
  const settingsOpen = useAppViewStore((state) => state.settingsOpen);
  const setSettingsOpen = useAppViewStore((state) => state.setSettingsOpen);
  const host = hostOf(session?.serverUrl ?? null);
  const isStaff = session?.isStaff ?? false;
  const offline = useSyncStore(selectOffline);
  const section = hasJob ? 'Fulfilment' : SECTIONS[view];
  const go = (target: WorkspaceView) => {
    show(target);
    if (hasJob) void closeJob();
  };

  return (
    <header className="app-header" data-testid="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true">CD</span>
        <span className="app-header__title">ClaimDesk</span>
        <span className="app-header__section">{section}</span>
        {isStaff && (
          <nav className="app-header__nav" aria-label="Workspace">
            <button
              type="button"
              className="app-header__link"
              aria-current={!hasJob && view === 'dashboard' ? 'page' : undefined}
              data-testid="nav-dashboard"
              onClick={() => go('dashboard')}
            >
              Dashboard
            </button>
            <button
              type="button"
              className="app-header__link"
              aria-current={!hasJob && view === 'queue' ? 'page' : undefined}
              data-testid="nav-queue"
              onClick={() => go('queue')}
            >
              Queue
            </button>
            <button
              type="button"
              className="app-header__link"
              aria-current={!hasJob && view === 'jobs' ? 'page' : undefined}
              data-testid="nav-jobs"
              onClick={() => go('jobs')}
            >
              Jobs
            </button>
            <button
              type="button"
              className="app-header__link"
              aria-current={!hasJob && view === 'deadlines' ? 'page' : undefined}
              data-testid="nav-deadlines"
              onClick={() => go('deadlines')}
            >
              Deadlines
            </button>
            <OutboxNavLink current={!hasJob && view === 'outbox'} onClick={() => go('outbox')} />
          </nav>
        )}
      </div>
      <div className="app-header__end">
        {isStaff && offline && (
          <span className="app-header__offline" title="The server cannot be reached: work is kept and sent when it can be" data-testid="header-offline">
            <span className="app-header__offline-dot" aria-hidden="true" />
            Offline
          </span>
        )}
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
        {isStaff && <NotificationBell />}
        {isStaff && (
          <button type="button" className="app-header__link" data-testid="open-settings" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        )}
        <AccountMenu />
      </div>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}
