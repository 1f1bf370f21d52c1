import { useEffect, useState } from 'react';
import { Notice } from '../widgets/notice';
import { Spinner } from '../widgets/spinner';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { JobPage } from '../job/job-page';
import { JobsPage } from '../pages/jobs/jobs-page';
import { OrdersPage } from '../pages/orders/orders-page';
import { OutboxPage } from '../pages/outbox/outbox-page';
import { DeadlinesPage } from '../pages/deadlines/deadlines-page';
import { useNotificationsStore } from '../state/notifications.store';
import { useOutboxStore } from '../state/outbox.store';
import { SignInScreen } from '../pages/sign-in/sign-in-screen';
import { StaffRequiredNotice } from '../pages/sign-in/staff-required-notice';
import { SyncBar } from '../widgets/sync-bar';
import { followPushEvents } from '../api/queries';
import { useJobStore } from '../state/job.store';
import { rememberedJobId, rememberJob } from '../state/job/remembered-job';
import { useSessionStore } from '../state/session.store';
import { useSettingsStore } from '../state/settings.store';
import { useSyncStore } from '../state/sync.store';
import { AppHeader } from './app-header';
import { useAppViewStore, type WorkspaceView } from '../state/app-view.store';
import { useWizardStore } from '../state/wizard.store';
import '../styles/wizard.css';
import '../styles/outbox.css';
import '../styles/workflow.css';

/** The remembered job is not open in this window yet (a reload or a new start, not a sign-in in the same window). */
function needsResume(): boolean {
  const jobId = rememberedJobId();
  return jobId !== null && useJobStore.getState().job?.id !== jobId;
}

/**
 * Reopens the job that was open when the window was closed or reloaded; true until that answer is in. A job still
 * open in this window (someone signed out and another signed in) is kept as it is, with its undo history.
 */
function useResumeOpenJob(): boolean {
  const openJob = useJobStore((state) => state.openJob);
  const [resuming, setResuming] = useState(needsResume);
  useEffect(() => {
    const jobId = rememberedJobId();
    if (jobId === null || !needsResume()) return;
    void openJob(jobId).finally(() => {
      // A job that cannot be opened any more (e.g. a fresh data folder) must not be retried on every start.
      if (!useJobStore.getState().job) rememberJob(null);
      setResuming(false);
    });
  }, [openJob]);
  return resuming;
}

function WorkspaceMain() {
  const hasJob = useJobStore((state) => state.job !== null);
  const view = useAppViewStore((state) => state.view);
  const resuming = useResumeOpenJob();
  if (resuming) {
    return (
      <div className="empty-state" data-testid="job-resuming">
        <Spinner /> Reopening the job…
      </div>
    );
  }
  if (hasJob) return <JobPage />;
  return (
    <>
      <FinishedNotice />
      <WorkspacePage view={view} />
    </>
  );
}

function WorkspacePage({ view }: { view: WorkspaceView }) {
  switch (view) {
    case 'dashboard':
      return <DashboardPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'jobs':
      return <JobsPage />;
    case 'queue':
      return <OrdersPage />;
    case 'deadlines':
      return <DeadlinesPage />;
  }
}

/** "Finish" closes the job and lands back where it was opened from: what was finished is said there, once. */
function FinishedNotice() {
  const done = useWizardStore((state) => state.done);
  if (!done) return null;
  return (
    <div className="workspace-notice">
      <Notice
        tone="info"
        testId="step-done"
        actions={
          <button type="button" className="button button--small" data-testid="step-done-dismiss" onClick={() => useWizardStore.getState().setDone(null)}>
            Dismiss
          </button>
        }
      >
        {done}
      </Notice>
    </div>
  );
}

function Workspace() {
  const isStaff = useSessionStore((state) => state.session?.isStaff ?? false);
  const startSync = useSyncStore((state) => state.start);
  const startOutbox = useOutboxStore((state) => state.start);
  const startNotifications = useNotificationsStore((state) => state.start);
  const loadSettings = useSettingsStore((state) => state.load);
  useEffect(() => startSync(), [startSync]);
  useEffect(() => startOutbox(), [startOutbox]);
  // Every push from main makes what it changed stale, so the views showing it read it again.
  useEffect(() => followPushEvents(), []);
  // Staff only: the list is about the queue and jobs a customer account cannot see.
  useEffect(() => (isStaff ? startNotifications() : undefined), [isStaff, startNotifications]);
  useEffect(() => {
    if (isStaff) void loadSettings();
  }, [isStaff, loadSettings]);

  return (
    <div className="app">
      <AppHeader />
      {isStaff ? (
        <>
          {/* The sync bar stays while fulfilling: staff must see when they are working offline. */}
          <SyncBar />
          <main className="app__main">
            <WorkspaceMain />
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
