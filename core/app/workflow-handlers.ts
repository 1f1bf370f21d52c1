/** The workflow over IPC: staff decisions, history, the dashboard, notifications, and settings. */
import { syncLimitsSchema } from '../../shared/sync/sync-limits';
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { AppSettings } from '../../shared/jobs/job.types';
import { workflowSettingsSchema } from '../../shared/workflow/workflow-settings';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { checkBasemapUrl } from '../geo/basemap-url';
import type { JobCommands } from '../jobs/job-commands';
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
  | 'getSettings'
  | 'saveSettings';

export interface WorkflowHandlerDeps {
  db: Kysely<Database>;
  workflow: WorkflowService;
  notifications: NotificationsService;
  commands: JobCommands;
  /** Settings changed what the dashboard counts (service levels, stale days). */
  onSettingsChanged: () => void;
  /** Map settings as saved: a basemap file is opened before it is accepted. */
  checkMaps: (maps: AppSettings['maps']) => Promise<AppSettings['maps']>;
}

export function createWorkflowHandlers(deps: WorkflowHandlerDeps): Pick<IpcHandlers, WorkflowHandlerNames> {
  return {
    fireWorkflowEvent: ({ jobId, action, reason, override }) => deps.commands.fire(jobId, action, reason, override),
    getJobHistory: async ({ jobId }) => ({ entries: await deps.workflow.history(jobId) }),
    getDashboard: () => deps.workflow.dashboard(),
    listNotifications: ({ limit }) => deps.notifications.list(limit),
    markNotificationsRead: ({ ids }) => deps.notifications.markRead(ids),
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
