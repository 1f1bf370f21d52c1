/** The workflow over IPC (issue 6): staff actions, history, the dashboard, notifications, and settings. */
import { syncLimitsSchema } from '../../shared/sync/sync-limits';
import { AppError } from '../../shared/errors';
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { OrderStatusChange } from '../../shared/outbox/outbox.types';
import type { StaffAction } from '../../shared/workflow/workflow-view.types';
import type { AppSettings } from '../../shared/jobs/job.types';
import { workflowSettingsSchema } from '../../shared/workflow/workflow-settings';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkBasemapUrl } from '../geo/basemap-url';
import type { JobsService } from '../jobs/jobs.service';
import type { OutboxService } from '../outbox/outbox.service';
import { getAppSettings, saveAppSettings } from '../repos/settings.repo';
import { refreshTargetDates } from '../repos/orders.repo';
import type { NotificationsService } from '../workflow/notifications.service';
import type { WorkflowService } from '../workflow/workflow.service';

type WorkflowHandlerNames =
  | 'fireWorkflowEvent'
  | 'getJobHistory'
  | 'getDashboard'
  | 'listNotifications'
  | 'markNotificationsRead'
  | 'changeOrderStatus'
  | 'getSettings'
  | 'saveSettings';

export interface WorkflowHandlerDeps {
  db: Kysely<Database>;
  workflow: WorkflowService;
  notifications: NotificationsService;
  jobs: JobsService;
  outbox: OutboxService;
  /** Settings changed what the dashboard counts (service levels, stale days). */
  onSettingsChanged: () => void;
  /** Map settings as saved: a basemap file is opened before it is accepted. */
  checkMaps: (maps: AppSettings['maps']) => Promise<AppSettings['maps']>;
}

/** The order status menu predates the workflow: each status is the workflow action that sets it. */
const STATUS_ACTIONS: Readonly<Record<OrderStatusChange, StaffAction>> = { on_hold: 'HOLD', cancelled: 'CANCEL', in_progress: 'RESUME' };

export function createWorkflowHandlers(deps: WorkflowHandlerDeps): Pick<IpcHandlers, WorkflowHandlerNames> {
  return {
    async fireWorkflowEvent({ jobId, action, reason, override }) {
      await deps.workflow.fire(jobId, action, reason, override);
      return deps.jobs.getJob(jobId);
    },
    getJobHistory: async ({ jobId }) => ({ entries: await deps.workflow.history(jobId) }),
    getDashboard: () => deps.workflow.dashboard(),
    listNotifications: ({ limit }) => deps.notifications.list(limit),
    markNotificationsRead: ({ ids }) => deps.notifications.markRead(ids),
    async changeOrderStatus({ jobId, status, reason }) {
      const before = new Set((await deps.outbox.list({ jobId, includeClosed: true })).map((entry) => entry.id));
      await deps.workflow.fire(jobId, STATUS_ACTIONS[status], reason);
      const created = (await deps.outbox.list({ jobId, includeClosed: true })).find((entry) => entry.kind === 'status' && !before.has(entry.id));
      if (!created) throw new AppError('invalid-request', 'The job changed, but the server already has this order closed, so no status is sent.');
      return created;
    },
    getSettings: () => getAppSettings(deps.db),
    async saveSettings(patch) {
      const current = await getAppSettings(deps.db);
      const workflow = patch.workflow ? workflowSettingsSchema.parse(patch.workflow) : current.workflow;
      const basemapUrl = patch.basemapUrl !== undefined ? checkBasemapUrl(patch.basemapUrl) : current.basemapUrl;
      const maps = patch.maps ? await deps.checkMaps({ ...current.maps, ...patch.maps }) : current.maps;
      const sync = patch.sync ? syncLimitsSchema.parse(patch.sync) : current.sync;
      await saveAppSettings(deps.db, { basemapUrl, workflow, maps, sync });
      // Target dates follow the service levels: every cached order is dated again under the new ones.
      if (patch.workflow && JSON.stringify(workflow) !== JSON.stringify(current.workflow)) {
        await refreshTargetDates(deps.db, workflow);
        deps.onSettingsChanged();
      }
      return getAppSettings(deps.db);
    },
  };
}
