/**
 * The fulfilment workflow as a service: a job's workflow view and history, the dashboard, what a sync means for
 * jobs, and the scheduled stale-work check. The rules are the machine's (shared/workflow); a person's commands on a
 * job are core/jobs/job-commands.ts, which fires them through apply-transition.ts.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { orderKeyOfJobRow } from '../../shared/domain/order.types';
import { STALE_CANDIDATE_STATES } from '../../shared/workflow/stale-jobs';
import type { Dashboard, JobWorkflow, TransitionLogView } from '../../shared/workflow/workflow-view.types';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Actor } from '../../shared/workflow/workflow.types';
import type { Database } from '../db/schema';
import { listStaleJobRows, listTransitions } from '../repos/workflow.repo';
import { readJobFacts, readWorkflowState } from './workflow-context';
import { buildDashboard } from './dashboard';
import { deskDay } from '../../shared/domain/calendar-date';
import { focusContext } from './desk-calendar';
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
  /** The after-sync duplicate check; the app passes one that runs in a worker thread. Default: on this thread. */
  duplicateCheck?: DuplicateCheck;
}

export interface WorkflowService {
  view(jobId: number): Promise<JobWorkflow>;
  history(jobId: number): Promise<TransitionLogView[]>;
  dashboard(): Promise<Dashboard>;
  afterSync(outcome: SyncOutcome): Promise<void>;
  /** Flags (and announces) jobs untouched for the configured days; run on a timer while the app is open. */
  checkStale(): Promise<number[]>;
  requireActor(): Promise<Actor>;
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
      const [jobFacts, actor, settings] = await Promise.all([readJobFacts(db, jobId), deps.currentActor(), deps.getSettings()]);
      const now = deps.now();
      return workflowView(db, jobFacts, { role: actor?.role ?? null, ...(actor ? { username: actor.username } : {}), settings, now, today: deskDay(now) });
    },

    async history(jobId) {
      await readWorkflowState(db, jobId);
      return (await listTransitions(db, jobId)).map(toTransitionView);
    },

    async dashboard() {
      return buildDashboard(db, deps.now(), await deps.getSettings(), (await deps.currentActor())?.username);
    },

    async afterSync(outcome) {
      const changed = await afterSync({ db, now: deps.now, notifications: deps.notifications, getSettings: deps.getSettings, findDuplicates: deps.duplicateCheck, currentActor: deps.currentActor }, outcome);
      // Every sync may move target dates, payment or duplicate flags: the dashboard refreshes either way.
      deps.onChanged(changed);
    },

    async checkStale() {
      const settings = await deps.getSettings();
      const { staleBefore } = focusContext(deps.now(), settings.staleAfterDays);
      if (staleBefore === null) return [];
      const stale = await listStaleJobRows(db, STALE_CANDIDATE_STATES, staleBefore);
      for (const job of stale) {
        const number = job.order_number || `job ${job.id}`;
        await deps.notifications.notify({
          kind: 'stale_jobs',
          title: `Job ${number} has not been touched for ${settings.staleAfterDays}+ days`,
          body: `Last change ${job.last_touched.slice(0, 10)}. Open it to carry on, put it on hold with a reason, or cancel it.`,
          order: orderKeyOfJobRow(job),
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
