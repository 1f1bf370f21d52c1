import { Notice } from '../notice';
import { plural } from '../../lib/format';
import { useSessionStore } from '../../state/session.store';
import { selectOffline, useSyncStore } from '../../state/sync.store';

const PAUSED_REASON = 'The server refused the sign-in while sending the outbox. Sign in again to continue sending.';

/**
 * Why nothing moves although work waits: the server cannot be reached (it goes out by itself when it can), or the
 * server refused the sign-in (nothing is sent until someone signs in again). Shared by the Upload step and the
 * outbox page so both say it the same way.
 */
export function OutboxNotices({ waiting, paused }: { waiting: number; paused: number }) {
  const offline = useSyncStore(selectOffline);
  const requireSignInAgain = useSessionStore((state) => state.requireSignInAgain);
  return (
    <>
      {paused > 0 && (
        <Notice
          tone="warning"
          live="assertive"
          testId="outbox-paused-notice"
          title="Sending is paused: the server refused the sign-in."
          actions={
            <button type="button" className="button button--small button--primary" onClick={() => void requireSignInAgain(PAUSED_REASON)} data-testid="outbox-sign-in-again">
              Sign in again
            </button>
          }
        >
          Sign in again to continue sending; {plural(paused, 'paused entry', 'paused entries')} then resume by themselves.
        </Notice>
      )}
      {offline && waiting > 0 && (
        <Notice tone="offline" testId="outbox-offline-notice" title="Offline: the server cannot be reached.">
          Queued — it will be sent when the server can be reached. Nothing is lost if ClaimDesk is closed meanwhile.
        </Notice>
      )}
    </>
  );
}
