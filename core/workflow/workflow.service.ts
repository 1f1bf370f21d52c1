/**
 * The fulfilment workflow as a service (issue 6): staff actions on a job (hold, resume, cancel, reopen), its history,
 * its workflow view, the dashboard, what a sync means for jobs, and the scheduled stale-work check. The rules are
 * the machine's (shared/workflow); this decides who the actor is, what reaches the server with each action, and
 * who is told.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { CLOSED_ORDER_STATUSES } from '../../shared/outbox/job-conflict';
import type { OrderStatusChange } from '../../shared/outbox/outbox.types';
import { STALE_CANDIDATE_STATES } from '../../shared/workflow/stale-jobs';
import type { Dashboard, JobWorkflow, StaffAction, TransitionLogView } from '../../shared/workflow/workflow-view.types';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Actor } from '../../shared/workflow/workflow.types';
import type { Database } from '../db/schema';
import { rowToJob } from '../jobs/job-row.mapper';
import { getJobRow, setConflictAck } from '../repos/jobs.repo';
import { listStaleJobRows, listTransitions } from '../repos/workflow.repo';
import { writeStatusChange } from '../outbox/outbox-queue';
import { applyTransition, readFacts } from './apply-transition';
import { buildDashboard } from './dashboard';
import { deskToday, focusContext } from './desk-calendar';
import type { NotificationsService } from './notifications.service';
import { toTransitionView } from './transition-view';
import { workflowView } from './workflow-view';
import type { DuplicateCheck } from './duplicate-check';
import { afterSync, type SyncOutcome } from './workflow-sync';

export interface WorkflowServiceDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** The signed-in user as the server last confirmed them (role from sign-in and /me); null when signed out. */
  currentActor: () => Promise<Actor | null>;
  getSettings: () => Promise<WorkflowSettings>;
  notifications: NotificationsService;
  /** Told which jobs' workflow changed, so the views refresh. */
  onChanged: (jobIds: number[]) => void;
  /** Something was queued for the server: send it. */
  kickOutbox: () => void;
  /** The after-sync duplicate check; the app passes one that runs in a worker thread. Default: on this thread. */
  duplicateCheck?: DuplicateCheck;
}

export interface WorkflowService {
  view(jobId: number): Promise<JobWorkflow>;
  fire(jobId: number, action: StaffAction, reason: string | null, override?: { reason: string }): Promise<void>;
  history(jobId: number): Promise<TransitionLogView[]>;
  dashboard(): Promise<Dashboard>;
  afterSync(outcome: SyncOutcome): Promise<void>;
  /** Flags (and announces) jobs untouched for the configured days; run on a timer while the app is open. */
  checkStale(): Promise<number[]>;
  requireActor(): Promise<Actor>;
}


/** What the server is told with each action: nothing when the order is already closed or gone there. */
function serverStatusFor(action: StaffAction, from: string, orderOpen: boolean): OrderStatusChange | null {
  if (!orderOpen) return null;
  if (action === 'HOLD') return 'on_hold';
  if (action === 'CANCEL') return 'cancelled';
  if (action === 'RESUME' && from === 'on_hold') return 'in_progress';
  return null;
}

export function createWorkflowService(deps: WorkflowServiceDeps): WorkflowService {
  const { db } = deps;

  async function requireActor(): Promise<Actor> {
    const actor = await deps.currentActor();
    if (!actor) throw new AppError('auth-required', 'Sign in to change a fulfilment job: the workflow records who did what.');
    return actor;
  }

  return {
    requireActor,
    async view(jobId) {
      const [facts, actor, settings] = await Promise.all([readFacts(db, jobId), deps.currentActor(), deps.getSettings()]);
      const now = deps.now();
      return workflowView(db, facts, { role: actor?.role ?? null, settings, now, today: deskToday(now) });
    },

    async fire(jobId, action, reason, override) {
      const actor = await requireActor();
      const at = deps.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const facts = await readFacts(trx, jobId);
        const applied = await applyTransition(trx, jobId, action, actor, { at, ...(reason ? { reason } : {}), ...(override ? { override } : {}) });
        const orderOpen = facts.order_status !== null && !(CLOSED_ORDER_STATUSES as readonly string[]).includes(facts.order_status);
        const status = serverStatusFor(action, applied.from, orderOpen);
        const row = await getJobRow(trx, jobId);
        if (status && row) await writeStatusChange(trx, rowToJob(row), status, reason, at, actor);
        // Keeping the work after a server change is the "keep locally" decision: the flag stays down until it changes again.
        if (action === 'RESUME' && applied.from === 'needs_review' && facts.order_status) await setConflictAck(trx, jobId, facts.order_status);
      });
      deps.onChanged([jobId]);
      deps.kickOutbox();
    },

    async history(jobId) {
      await readFacts(db, jobId);
      return (await listTransitions(db, jobId)).map(toTransitionView);
    },

    async dashboard() {
      return buildDashboard(db, deps.now(), await deps.getSettings());
    },

    async afterSync(outcome) {
      const changed = await afterSync({ db, now: deps.now, notifications: deps.notifications, getSettings: deps.getSettings, findDuplicates: deps.duplicateCheck }, outcome);
      // Every sync may move target dates, payment or duplicate flags: the dashboard refreshes either way.
      deps.onChanged(changed);
    },

    async checkStale() {
      const settings = await deps.getSettings();
      const { staleBefore } = focusContext(deps.now(), settings.staleAfterDays);
      if (staleBefore === null) return [];
      const stale = await listStaleJobRows(db, STALE_CANDIDATE_STATES, staleBefore);
      for (const job of stale) {
        const number = job.order_number ?? `job ${job.id}`;
        await deps.notifications.notify({
          kind: 'stale_jobs',
          title: `Job ${number} has not been touched for ${settings.staleAfterDays}+ days`,
          body: `Last change ${job.last_touched.slice(0, 10)}. Open it to carry on, put it on hold with a reason, or cancel it.`,
          order: { orderType: job.order_type, id: job.order_id },
          jobId: job.id,
          // Once per idle spell: touching the job and letting it go stale again announces it again.
          dedupeKey: `stale:${job.id}:${job.last_touched}`,
        });
      }
      const ids = stale.map((job) => job.id);
      if (ids.length > 0) deps.onChanged(ids);
      return ids;
    },
  };
}
