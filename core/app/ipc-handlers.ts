/** The back-end's implementation of every IPC method; requests arrive already validated by the dispatcher. */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { AppInfo, IpcHandlers } from '../../shared/ipc/contract';
import type { Database } from '../db/schema';
import { getOrderRow } from '../repos/orders.repo';
import { getOrderSummary, queryOrders } from '../repos/order-queue.repo';
import { toDetail } from '../repos/orders.mapper';
import { listDuplicatesOf } from '../repos/duplicates.repo';
import { assignmentUnsupported } from '../repos/assignment.repo';
import { getSyncState } from '../repos/sync-state.repo';
import { getAppSettings } from '../repos/settings.repo';
import { deskDay } from '../../shared/domain/calendar-date';
import { focusContext } from '../workflow/desk-calendar';
import { createWorkflowHandlers, type WorkflowHandlerDeps } from './workflow-handlers';
import type { JobCommands } from '../jobs/job-commands';
import type { JobsService } from '../jobs/jobs.service';
import type { AssignmentCommands } from '../jobs/job-assignment';
import type { SessionService } from '../session/session.service';
import type { SyncService } from '../sync/sync.service';
import { createDocumentsHandlers, type DocumentsHandlerDeps } from './documents-handlers';
import { createOutboxHandlers } from './outbox-handlers';
import type { OutboxService } from '../outbox/outbox.service';
import type { BasemapService } from '../basemap/basemap.service';
import { createBasemapHandlers } from './basemap-handlers';
import { createPlssHandlers, type PlssHandlerDeps } from './plss-handlers';
import type { FieldService } from '../field/field.service';
import { listManagedDeadlines } from '../deadlines/deadlines.service';
import type { FilingResult, FilingsService } from '../filings/filings.service';
import type { CrewsService } from '../crews/crews.service';
import { createCrewHandlers } from './crew-handlers';

const withWarningText = ({ filings, warnings }: FilingResult) => ({ filings, warnings: warnings.map((w) => w.message) });

export interface HandlerDeps {
  db: Kysely<Database>;
  session: SessionService;
  sync: SyncService;
  jobs: JobsService;
  commands: JobCommands;
  assignment: AssignmentCommands;
  appInfo: AppInfo;
  documents: DocumentsHandlerDeps;
  outbox: OutboxService;
  workflow: WorkflowHandlerDeps;
  basemap: BasemapService;
  plss: PlssHandlerDeps;
  field: FieldService;
  filings: FilingsService;
  crews: CrewsService;
  now: () => Date;
  /** Sync failures after sign-in are shown through the sync status; this is for logging. */
  onBackgroundError?: (error: unknown) => void;
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    getAppInfo: async () => deps.appInfo,
    getSession: () => deps.session.getSession(),
    async signIn(request) {
      const session = await deps.session.signIn(request);
      // Fill the queue straight away; progress and errors reach the UI through the sync status events.
      if (session.isStaff) deps.sync.syncNow().catch((error: unknown) => deps.onBackgroundError?.(error));
      // Whatever a 401 paused goes out again under the new sign-in.
      if (session.signedIn) deps.outbox.resumeAfterSignIn();
      return session;
    },
    signOut: () => deps.session.signOut(),
    async queryOrders(query) {
      const { workflow } = await getAppSettings(deps.db);
      return queryOrders(deps.db, query, focusContext(deps.now(), workflow.staleAfterDays));
    },
    async getOrder(key) {
      const found = await getOrderRow(deps.db, key);
      const summary = await getOrderSummary(deps.db, key, deskDay(deps.now()));
      if (!found || !summary) throw new AppError('not-found', `Order ${key.orderType} #${key.id} is not in the local cache.`);
      const { lastSuccessAt } = await getSyncState(deps.db);
      return toDetail(found.row, found.payload, lastSuccessAt, summary, await listDuplicatesOf(deps.db, key), !(await assignmentUnsupported(deps.db)));
    },
    runSync: () => deps.sync.syncNow(),
    getSyncStatus: () => deps.sync.getStatus(),
    pullOrder: ({ override, ...key }) => deps.jobs.pullOrder(key, override),
    claimOrder: ({ takeOver, ...key }) => deps.assignment.claim(key, takeOver),
    releaseOrder: (key) => deps.assignment.release(key),
    getJob: ({ jobId }) => deps.jobs.getJob(jobId),
    listJobs: async () => ({ jobs: await deps.jobs.listJobs() }),
    saveJob: ({ jobId, patch }) => deps.jobs.saveJob(jobId, patch),
    saveLayout: ({ jobId, layout }) => deps.jobs.saveLayout(jobId, layout),
    validateLayout: ({ jobId, override }) => deps.commands.validateLayout(jobId, override),
    confirmClaimant: ({ jobId }) => deps.commands.confirmClaimant(jobId),
    ...createDocumentsHandlers(deps.documents),
    ...createOutboxHandlers(deps.outbox),
    ...createWorkflowHandlers(deps.workflow),
    ...createBasemapHandlers(deps.basemap),
    ...createPlssHandlers(deps.plss),
    importStaked: ({ jobId, fileName, text }) => deps.field.importStaked(jobId, fileName, text),
    getField: async ({ jobId }) => ({ field: await deps.field.getField(jobId) }),
    acceptStaked: ({ jobId }) => deps.field.acceptStaked(jobId),
    listDeadlines: (filter) => listManagedDeadlines(deps.db, deskDay(deps.now()), filter),
    getFilings: ({ jobId }) => deps.filings.get(jobId),
    recordCountyRecording: async (form) => withWarningText(await deps.filings.recordCounty(form)),
    recordBlmFiling: async (form) => withWarningText(await deps.filings.fileBlm(form)),
    ...createCrewHandlers(deps.crews),
    async resolveConflict({ jobId, choice }) {
      const job = await deps.jobs.getJob(jobId);
      if (!job.conflict) throw new AppError('invalid-request', 'Nothing to decide: the order has not changed on the server under this job.');
      await deps.outbox.resolveConflict(jobId, choice, job.conflict.orderStatus);
      return deps.jobs.getJob(jobId);
    },
  };
}
