/**
 * The one IPC contract: channel → request and response schema. Main registers a handler for every entry
 * (and validates every payload against it), the preload exposes one named method per entry, and the
 * browser test host serves the same entries over HTTP.
 */
import { z } from 'zod';
import { IPC_EVENTS, IPC_METHODS, type IpcEventName, type IpcListenerName, type IpcMethodName } from './channels';
import { orderDetailSchema, orderKeySchema, orderQueryResultSchema, orderQuerySchema } from '../domain/order.types';
import { sessionSchema, signInRequestSchema } from '../domain/session.types';
import { syncReportSchema, syncStatusSchema } from '../domain/sync.types';
import type { IpcResult } from './result';
import { basemapStateSchema } from '../basemap/basemap.types';
import { outboxEntryViewSchema } from '../outbox/outbox.types';
import { conflictChoiceSchema } from '../outbox/job-conflict';
import { fieldViewSchema, importStakedRequestSchema } from '../field/field.types';
import { deadlineFilterSchema, managedDeadlineSchema } from '../deadlines/managed-deadlines';
import { blmFilingFormSchema, countyRecordingFormSchema, jobFilingsSchema } from '../filings/filing.types';
import {
  exportProgressSchema,
  exportReportSchema,
  exportRequestSchema,
  packageFileContentSchema,
  packageFileRequestSchema,
  packageInfoSchema,
  packageProgressSchema,
} from '../documents/package-info.types';
import {
  dashboardSchema,
  notificationSchema,
  overrideRequestSchema,
  staffActionSchema,
  transitionLogViewSchema,
} from '../workflow/workflow-view.types';
import {
  appSettingsPatchSchema,
  appSettingsSchema,
  jobChangeSchema,
  jobPatchSchema,
  jobSchema,
  jobSummarySchema,
} from '../jobs/job.types';
import { fillModeSchema, plssImportRequestSchema, plssLookupResultSchema, plssStatusSchema } from '../plss/plss-ipc.types';
import { bboxSchema, plssAreaSchema } from '../plss/plss.types';
import { crewCoverageAreaSchema } from '../api/crews.schemas';
import { layoutSchema } from '../layout/layout.types';
import { crewAssignInputSchema, crewCoverageViewSchema, crewInterestInputSchema, orderCrewSchema } from '../crews/crew.types';

const noArgs = z.object({}).strict();
const jobIdArgs = z.object({ jobId: z.number().int().positive() }).strict();

/** A job's package generation or a batch export moving on: one event stream for the Documents UI. */
export const documentsProgressSchema = z.discriminatedUnion('kind', [
  packageProgressSchema.extend({ kind: z.literal('package') }),
  exportProgressSchema.extend({ kind: z.literal('export') }),
]);
export type DocumentsProgress = z.infer<typeof documentsProgressSchema>;

/** Entries per state, pushed after every outbox change so the queue view and the badge refresh. */
export const outboxCountsSchema = z.object({ counts: z.record(z.string(), z.number().int()) });
const outboxIdArgs = z.object({ id: z.string().uuid() }).strict();

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  /** 'electron' in the desktop app, 'browser-host' in development and tests. */
  runtime: z.enum(['electron', 'browser-host']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const takeOverArgsSchema = z.object({ reason: z.string().trim().min(3).max(500), to: z.string().min(1).max(150).optional() }).strict();
const assignmentResultSchema = z.object({
  jobId: z.number().int(),
  queued: z.enum(['claim', 'take_over', 'release']).nullable(),
  holder: z
    .object({ username: z.string(), name: z.string(), since: z.string(), activeAt: z.string().nullable(), takenOverFrom: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
  unsupported: z.boolean(),
});

export const ipcContract = {
  getAppInfo: { request: noArgs, response: appInfoSchema },
  getSession: { request: noArgs, response: sessionSchema },
  signIn: { request: signInRequestSchema, response: sessionSchema },
  signOut: { request: noArgs, response: sessionSchema },
  queryOrders: { request: orderQuerySchema, response: orderQueryResultSchema },
  getOrder: { request: orderKeySchema, response: orderDetailSchema },
  runSync: { request: noArgs, response: syncReportSchema },
  getSyncStatus: { request: noArgs, response: syncStatusSchema },
  /**
   * Turns a cached order into its fulfilment job, or resumes the job it already has. An order awaiting payment
   * is refused unless a manager or admin overrides with a reason.
   */
  pullOrder: { request: orderKeySchema.extend({ override: overrideRequestSchema.optional() }).strict(), response: jobSchema },
  /**
   * Desk assignment of an order this desk has a job for: claim it again, or (a manager or admin, with a reason) take
   * it over, for themselves or for `to`; and release it. Queued like a status change; sent when the network allows.
   */
  claimOrder: { request: orderKeySchema.extend({ takeOver: takeOverArgsSchema.optional() }).strict(), response: assignmentResultSchema },
  releaseOrder: { request: orderKeySchema.strict(), response: assignmentResultSchema },
  getJob: { request: z.object({ jobId: z.number().int().positive() }).strict(), response: jobSchema },
  listJobs: { request: noArgs, response: z.object({ jobs: z.array(jobSummarySchema) }) },
  saveJob: { request: z.object({ jobId: z.number().int().positive(), patch: jobPatchSchema }).strict(), response: jobSchema },
  /** The same save for a layout alone (the wizard's edits): answered with what main changed, not the whole job. */
  saveLayout: { request: z.object({ jobId: z.number().int().positive(), layout: layoutSchema }).strict(), response: jobChangeSchema },
  getSettings: { request: noArgs, response: appSettingsSchema },
  saveSettings: { request: appSettingsPatchSchema, response: appSettingsSchema },
  /** The offline basemap file from settings: what it holds and its tiles' path on the app's own origin. */
  getBasemap: { request: noArgs, response: basemapStateSchema },
  /** Makes (or remakes) the job's staking package; progress arrives as documentsProgress events. */
  generatePackage: { request: jobIdArgs, response: packageInfoSchema },
  getPackage: { request: jobIdArgs, response: z.object({ package: packageInfoSchema.nullable() }) },
  /** One file the job's manifest lists, for the in-app preview. */
  readPackageFile: { request: packageFileRequestSchema, response: packageFileContentSchema },
  /** Shows the package folder in the OS file manager; `opened: false` where there is none (browser host). */
  openPackageFolder: { request: jobIdArgs, response: z.object({ opened: z.boolean(), folder: z.string() }) },
  startExport: { request: exportRequestSchema, response: z.object({ outDir: z.string() }) },
  cancelExport: { request: noArgs, response: z.object({ cancelled: z.boolean() }) },
  getExportStatus: {
    request: noArgs,
    response: z.object({ running: z.boolean(), progress: exportProgressSchema.nullable(), report: exportReportSchema.nullable() }),
  },
  /** Shows an export's output folder in the OS file manager (only folders this session's exports made). */
  openExportFolder: {
    request: z.object({ outDir: z.string().min(1).max(4096) }).strict(),
    response: z.object({ opened: z.boolean(), folder: z.string() }),
  },
  /** The crew's staked posts (GPX or CSV text) for a job: stored and compared with the planned posts. */
  importStaked: { request: importStakedRequestSchema, response: fieldViewSchema },
  getField: { request: jobIdArgs, response: z.object({ field: fieldViewSchema.nullable() }) },
  /** Makes the posts as staked the job's layout, checks it and regenerates the package (amended after delivery). */
  acceptStaked: { request: jobIdArgs, response: z.object({ field: fieldViewSchema, package: packageInfoSchema.nullable() }) },
  /** Copies the job's current package into the outbox and queues its upload; sending starts at once. */
  queueUpload: { request: jobIdArgs, response: outboxEntryViewSchema },
  /**
   * Queues the packages of many jobs in one transaction (`claimdesk upload`): an upload already waiting is answered
   * as it is; a job that cannot be queued is answered in `refused` with why, and holds back none of the others.
   */
  queueUploads: {
    request: z.object({ jobIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
    response: z.object({
      entries: z.array(outboxEntryViewSchema),
      refused: z.array(z.object({ jobId: z.number().int(), orderNumber: z.string().nullable(), message: z.string() })),
    }),
  },
  listOutbox: {
    request: z.object({ jobId: z.number().int().positive().optional(), includeClosed: z.boolean().optional() }).strict(),
    response: z.object({ entries: z.array(outboxEntryViewSchema), counts: outboxCountsSchema.shape.counts }),
  },
  retryOutboxEntry: { request: outboxIdArgs, response: outboxEntryViewSchema },
  discardOutboxEntry: { request: outboxIdArgs, response: outboxEntryViewSchema },
  /** Staff's decision about a job whose order was cancelled or completed on the server; answers the job. */
  resolveConflict: {
    request: z.object({ jobId: z.number().int().positive(), choice: conflictChoiceSchema }).strict(),
    response: jobSchema,
  },
  /** Jobs whose current package has not been queued yet. */
  listReadyToUpload: { request: noArgs, response: z.object({ jobIds: z.array(z.number().int()) }) },
  sendOutboxNow: {
    request: noArgs,
    response: z.object({ sent: z.number().int(), delivered: z.number().int(), stoppedBy: z.enum(['signed-out', 'paused-auth']).nullable() }),
  },
  /**
   * Accepts the job's layout as validated (VALIDATE_OK): main runs the job check again and refuses with its
   * problems, or for more claims than purchased unless a manager or admin overrides with a reason.
   */
  validateLayout: { request: jobIdArgs.extend({ override: overrideRequestSchema.optional() }).strict(), response: jobSchema },
  /** Confirms the job's claimant (CONFIRM_CLAIMANT): refused with the job check's claimant problems. */
  confirmClaimant: { request: jobIdArgs, response: jobSchema },
  /**
   * A person's workflow decision on a job (hold, resume, cancel, reopen). Refused with the machine's message when
   * not allowed; an override (managers and admins) is logged and sent to the server as a domain event.
   */
  fireWorkflowEvent: {
    request: z
      .object({
        jobId: z.number().int().positive(),
        action: staffActionSchema,
        reason: z.string().trim().max(500).nullable(),
        override: overrideRequestSchema.optional(),
      })
      .strict(),
    response: jobSchema,
  },
  /** The job's transition log, oldest first. */
  getJobHistory: { request: jobIdArgs, response: z.object({ entries: z.array(transitionLogViewSchema) }) },
  getDashboard: { request: noArgs, response: dashboardSchema },
  listNotifications: {
    request: z.object({ limit: z.number().int().positive().max(500).optional() }).strict(),
    response: z.object({ notifications: z.array(notificationSchema), unread: z.number().int() }),
  },
  /** Marks the given notifications read (all when `ids` is omitted). */
  markNotificationsRead: {
    request: z.object({ ids: z.array(z.number().int().positive()).max(500).optional() }).strict(),
    response: z.object({ unread: z.number().int() }),
  },
  // The imported PLSS (BLM CadNSDI): import from Settings, lookups, the area around claims, the Documents fill.
  getPlssStatus: { request: noArgs, response: plssStatusSchema },
  /** Opens the OS file dialog (desktop); `dialog: false` where there is none (browser host: type the paths). */
  choosePlssFiles: { request: noArgs, response: z.object({ dialog: z.boolean(), paths: z.array(z.string()) }) },
  /** Starts an import in the background; progress arrives as plssStatus events. */
  startPlssImport: { request: plssImportRequestSchema, response: plssStatusSchema },
  removePlssState: { request: z.object({ state: z.string().length(2) }).strict(), response: plssStatusSchema },
  lookupPlss: {
    request: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict(),
    response: z.object({ result: plssLookupResultSchema.nullable(), derived: z.boolean() }),
  },
  getPlssArea: { request: bboxSchema, response: plssAreaSchema },
  /** Fills the job's land description and tie from the PLSS (`if-blank`: only an untouched one); answers the job. */
  fillLandFromPlss: {
    request: z.object({ jobId: z.number().int().positive(), mode: fillModeSchema }).strict(),
    response: z.object({ job: jobSchema, filled: z.boolean(), message: z.string() }),
  },
  /** Claims under management: every open deadline of the claims ClaimDesk staked, soonest first, filtered. */
  listDeadlines: {
    request: deadlineFilterSchema.partial().strict(),
    response: z.object({ today: z.string(), deadlines: z.array(managedDeadlineSchema), problems: z.array(z.string()) }),
  },
  /** A delivered job's county recording and BLM filing: the package as recorded, the deadlines, what was entered. */
  getFilings: { request: jobIdArgs, response: jobFilingsSchema },
  /** Checked against the package, stored, the job moved to recorded, an order event queued; answers any warnings. */
  recordCountyRecording: { request: countyRecordingFormSchema, response: z.object({ filings: jobFilingsSchema, warnings: z.array(z.string()) }) },
  /** Refused on a duplicate or missing serial, or claims, date or claimants unlike the recorded package. */
  recordBlmFiling: { request: blmFilingFormSchema, response: z.object({ filings: jobFilingsSchema, warnings: z.array(z.string()) }) },
  // Field crews for staking-service orders (shared/crews): the order's crew panel and the three decisions, each
  // queued through the outbox; coverage is read and set on the server.
  getOrderCrew: { request: orderKeySchema.strict(), response: orderCrewSchema },
  registerCrewInterest: { request: crewInterestInputSchema.strict(), response: orderCrewSchema },
  withdrawCrewInterest: { request: z.object({ order: orderKeySchema }).strict(), response: orderCrewSchema },
  assignCrew: { request: crewAssignInputSchema.strict(), response: orderCrewSchema },
  getCrewCoverage: { request: z.object({ crew: z.string().min(1).max(150).optional() }).strict(), response: crewCoverageViewSchema },
  setCrewCoverage: { request: z.object({ crew: z.string().min(1).max(150), areas: z.array(crewCoverageAreaSchema).max(200) }).strict(), response: crewCoverageViewSchema },
} as const satisfies Record<IpcMethodName, { request: z.ZodType; response: z.ZodType }>;

export const ipcEventContract = {
  syncStatus: syncStatusSchema,
  documentsProgress: documentsProgressSchema,
  outboxChanged: outboxCountsSchema,
  /** Jobs whose workflow changed (a transition, a sync, the stale check): views showing them refresh. */
  workflowChanged: z.object({ jobIds: z.array(z.number().int()) }),
  /** A new in-app notification; the desktop shell also shows it as an OS notification. */
  notificationAdded: notificationSchema,
  plssStatus: plssStatusSchema,
  /** The crew board was read again or a crew decision was queued (null: any order). */
  crewChanged: z.object({ order: orderKeySchema.nullable() }),
} as const satisfies Record<keyof typeof IPC_EVENTS, z.ZodType>;

export type IpcContract = typeof ipcContract;
export type IpcRequest<K extends IpcMethodName> = z.input<IpcContract[K]['request']>;
export type IpcResponse<K extends IpcMethodName> = z.output<IpcContract[K]['response']>;
export type IpcEventPayload<K extends keyof typeof IPC_EVENTS> = z.output<(typeof ipcEventContract)[K]>;

/** What main implements: one async function per method, given an already validated request. */
export type IpcHandlers = {
  [K in IpcMethodName]: (request: z.output<IpcContract[K]['request']>) => Promise<IpcResponse<K>>;
};

/** Subscribes a listener to one push event; answers the unsubscribe. */
export type IpcSubscribe<K extends IpcEventName> = (listener: (payload: IpcEventPayload<K>) => void) => () => void;

/**
 * What the renderer calls (window.claimdesk in Electron, an HTTP bridge under the browser host): one named method
 * per IPC method and one `on<Event>` per push event, both derived from the tables above.
 */
export type ClaimDeskApi = {
  [K in IpcMethodName]: (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>>;
} & {
  [K in IpcEventName as IpcListenerName<K>]: IpcSubscribe<K>;
};

export { IPC_METHODS, IPC_EVENTS };
