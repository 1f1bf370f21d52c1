import { useEffect } from 'react';
import { Notice } from '../components/notice';
import { Spinner } from '../components/spinner';
import { OrdersPage } from '../features/orders/orders-page';
import { SignInScreen } from '../features/session/sign-in-screen';
import { StaffRequiredNotice } from '../features/session/staff-required-notice';
import { SyncBar } from '../features/sync/sync-bar';
import { useSessionStore } from '../stores/session.store';
import { useSyncStore } from '../stores/sync.store';
import { AppHeader } from './app-header';

function Workspace() {
  const isStaff = useSessionStore((state) => state.session?.isStaff ?? false);
  const startSync = useSyncStore((state) => state.start);
  useEffect(() => startSync(), [startSync]);

  return (
    <div className="app">
      <AppHeader />
      {isStaff ? (
        <>
          <SyncBar />
          <main className="app__main">
            <OrdersPage />
          </main>
        </>
      ) : (
        <main className="app__main">
          <StaffRequiredNotice />
        </main>
      )}
    </div>
  );
}

/** Session first: nothing but the sign-in form is shown until main says who is signed in. */
export function App() {
  const session = useSessionStore((state) => state.session);
  const loadError = useSessionStore((state) => state.loadError);
  const reauthReason = useSessionStore((state) => state.reauthReason);
  const load = useSessionStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) {
    return (
      <main className="sign-in">
        <div className="sign-in__card">
          <Notice tone="error" live="assertive" title="ClaimDesk could not start." testId="startup-error">
            {loadError.message}
          </Notice>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (!session) {
    return (
      <div className="splash" data-testid="splash">
        <Spinner /> Starting ClaimDesk…
      </div>
    );
  }
  if (!session.signedIn || reauthReason) return <SignInScreen />;
  return <Workspace />;
}
