import { useEffect, useState } from 'react';
import { Notice } from '../components/notice';
import { Spinner } from '../components/spinner';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { JobPage } from '../features/jobs/job-page';
import { JobsPage } from '../features/jobs/jobs-page';
import { OrdersPage } from '../features/orders/orders-page';
import { OutboxPage } from '../features/outbox/outbox-page';
import { useNotificationsStore } from '../features/notifications/notifications.store';
import { useOutboxStore } from '../features/outbox/outbox.store';
import { SignInScreen } from '../features/session/sign-in-screen';
import { StaffRequiredNotice } from '../features/session/staff-required-notice';
import { SyncBar } from '../features/sync/sync-bar';
import { useWorkflowEvents } from '../features/workflow/workflow.store';
import { rememberedJobId, rememberJob, useJobStore } from '../stores/job.store';
import { useSessionStore } from '../stores/session.store';
import { useSettingsStore } from '../stores/settings.store';
import { useSyncStore } from '../stores/sync.store';
import { AppHeader } from './app-header';
import { useAppViewStore } from './app-view.store';
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
  switch (view) {
    case 'dashboard':
      return <DashboardPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'jobs':
      return <JobsPage />;
    case 'queue':
      return <OrdersPage />;
  }
}

function Workspace() {
  const isStaff = useSessionStore((state) => state.session?.isStaff ?? false);
  const startSync = useSyncStore((state) => state.start);
  const startOutbox = useOutboxStore((state) => state.start);
  const startWorkflowEvents = useWorkflowEvents((state) => state.start);
  const startNotifications = useNotificationsStore((state) => state.start);
  const loadSettings = useSettingsStore((state) => state.load);
  useEffect(() => startSync(), [startSync]);
  useEffect(() => startOutbox(), [startOutbox]);
  useEffect(() => startWorkflowEvents(), [startWorkflowEvents]);
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
