import { Notice } from './notice';
import { RelativeTime } from './relative-time';
import { Spinner } from './spinner';
import { formatCount, formatDateTime, plural } from '../lib/format';
import { useAppViewStore } from '../state/app-view.store';
import { useJobStore } from '../state/job.store';
import { useSessionStore } from '../state/session.store';
import { OutboxWaiting } from './outbox/outbox-waiting';
import { selectOffline, selectSyncError, useSyncStore } from '../state/sync.store';
import type { SyncProgress } from '../../../shared/domain/sync.types';

const STAGE_LABELS: Record<SyncProgress['stage'], string> = {
  connecting: 'Connecting',
  downloading: 'Downloading orders',
  validating: 'Checking orders',
  saving: 'Saving to cache',
  'waiting-to-retry': 'Waiting to retry',
};

function ProgressReadout({ progress }: { progress: SyncProgress | null }) {
  if (!progress) {
    return (
      <span className="sync-bar__progress" data-testid="sync-progress">
        <Spinner small /> Syncing…
      </span>
    );
  }
  const known = progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : undefined;
  return (
    <span className="sync-bar__progress" data-testid="sync-progress" title={progress.message}>
      <Spinner small />
      <span className="sync-bar__stage">{STAGE_LABELS[progress.stage]}</span>
      {known && (
        <span className="sync-bar__count">
          {formatCount(progress.done)} / {formatCount(progress.total)}
        </span>
      )}
      <span
        className="progress"
        role="progressbar"
        aria-label={STAGE_LABELS[progress.stage]}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className={known ? 'progress__fill' : 'progress__fill progress__fill--indeterminate'} style={{ width: known ? `${percent}%` : undefined }} />
      </span>
      {progress.message && <span className="sync-bar__message muted">{progress.message}</span>}
    </span>
  );
}

/** The sync button, what the sync is doing, when the cache was last refreshed, and what went wrong. */
export function SyncBar() {
  const status = useSyncStore((state) => state.status);
  const requested = useSyncStore((state) => state.requested);
  const lastReport = useSyncStore((state) => state.status?.lastReport ?? null);
  const error = useSyncStore(selectSyncError);
  const offline = useSyncStore(selectOffline);
  const runSync = useSyncStore((state) => state.runSync);
  const requireSignInAgain = useSessionStore((state) => state.requireSignInAgain);
  const openOutbox = () => {
    useAppViewStore.getState().show('outbox');
    if (useJobStore.getState().job) void useJobStore.getState().closeJob();
  };

  const syncing = requested || status?.state === 'syncing';

  return (
    <div className="sync-area">
      <div className="sync-bar" data-testid="sync-bar" data-state={syncing ? 'syncing' : (status?.state ?? 'unknown')}>
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => void runSync()}
          disabled={syncing}
          data-testid="sync-button"
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <div className="sync-bar__status" aria-live="polite">
          {syncing ? (
            <ProgressReadout progress={status?.progress ?? null} />
          ) : (
            <span data-testid="last-synced">
              Last synced <RelativeTime iso={status?.lastSuccessAt ?? null} />
              {lastReport && lastReport.outcome === 'updated' && (
                <span className="muted">
                  {' '}
                  · {plural(lastReport.added, 'new order')}, {formatCount(lastReport.updated)} updated
                  {lastReport.gone > 0 ? `, ${formatCount(lastReport.gone)} gone` : ''}
                </span>
              )}
              {lastReport && lastReport.outcome === 'unchanged' && <span className="muted"> · no changes</span>}
            </span>
          )}
        </div>
        <OutboxWaiting onOpen={openOutbox} />
        {status && (
          <span className="sync-bar__cached muted" data-testid="cached-count">
            {plural(status.cachedOrders, 'order')} cached
          </span>
        )}
      </div>

      {offline && (
        <Notice
          tone="offline"
          testId="offline-banner"
          title={
            status?.lastSuccessAt
              ? `Offline — showing the cache from ${formatDateTime(status.lastSuccessAt)}`
              : 'Offline — the server cannot be reached and nothing has been synced yet'
          }
          actions={
            <button type="button" className="button button--small" onClick={() => void runSync()} disabled={syncing}>
              Retry now
            </button>
          }
        >
          {status?.nextAttemptAt ? `Next automatic try ${formatDateTime(status.nextAttemptAt)}.` : error?.message}
        </Notice>
      )}

      {!offline && error?.code === 'auth-required' && (
        <Notice
          tone="error"
          live="assertive"
          testId="sync-auth-required"
          title="Your session has expired or was revoked."
          actions={
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => void requireSignInAgain('The server no longer accepts your session. Sign in again to keep syncing.')}
              data-testid="sign-in-again"
            >
              Sign in again
            </button>
          }
        >
          The orders below come from the cache until you sign in again.
        </Notice>
      )}

      {!offline && error?.code === 'staff-required' && (
        <Notice tone="error" live="assertive" testId="sync-staff-required" title="Sync refused.">
          The server does not let this account list pending orders (it is not a staff account).
        </Notice>
      )}

      {!offline && error && !['auth-required', 'staff-required', 'offline'].includes(error.code) && (
        <Notice tone="error" live="assertive" testId="sync-error" title="Sync failed.">
          {error.message}
        </Notice>
      )}
    </div>
  );
}
