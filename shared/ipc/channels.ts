/**
 * The names of every IPC method and event. Kept free of zod so the sandboxed preload can import it
 * without bundling the schemas; shared/ipc/contract.ts attaches a request and response schema to each.
 */
export const IPC_METHODS = {
  getAppInfo: 'app:info',
  getSession: 'session:get',
  signIn: 'session:sign-in',
  signOut: 'session:sign-out',
  queryOrders: 'orders:query',
  getOrder: 'orders:get',
  runSync: 'sync:run',
  getSyncStatus: 'sync:status',
  pullOrder: 'jobs:pull',
  claimOrder: 'assignment:claim',
  releaseOrder: 'assignment:release',
  getJob: 'jobs:get',
  listJobs: 'jobs:list',
  saveJob: 'jobs:save',
  saveLayout: 'jobs:save-layout',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  getBasemap: 'basemap:get',
  generatePackage: 'documents:generate',
  getPackage: 'documents:get',
  readPackageFile: 'documents:read-file',
  openPackageFolder: 'documents:open-folder',
  startExport: 'export:start',
  cancelExport: 'export:cancel',
  getExportStatus: 'export:status',
  openExportFolder: 'export:open-folder',
  importStaked: 'field:import',
  getField: 'field:get',
  acceptStaked: 'field:accept',
  queueUpload: 'outbox:queue-upload',
  queueUploads: 'outbox:queue-uploads',
  listOutbox: 'outbox:list',
  retryOutboxEntry: 'outbox:retry',
  discardOutboxEntry: 'outbox:discard',
  sendOutboxNow: 'outbox:send-now',
  listReadyToUpload: 'outbox:ready-to-upload',
  resolveConflict: 'outbox:resolve-conflict',
  validateLayout: 'workflow:validate-layout',
  confirmClaimant: 'workflow:confirm-claimant',
  fireWorkflowEvent: 'workflow:fire',
  getJobHistory: 'workflow:history',
  getDashboard: 'workflow:dashboard',
  listNotifications: 'notifications:list',
  markNotificationsRead: 'notifications:mark-read',
  getPlssStatus: 'plss:status',
  choosePlssFiles: 'plss:choose-files',
  startPlssImport: 'plss:import',
  removePlssState: 'plss:remove-state',
  lookupPlss: 'plss:lookup',
  getPlssArea: 'plss:area',
  fillLandFromPlss: 'plss:fill-job',
  listDeadlines: 'deadlines:list',
  getFilings: 'filings:get',
  recordCountyRecording: 'filings:record-county',
  recordBlmFiling: 'filings:record-blm',
  getOrderCrew: 'crews:order',
  registerCrewInterest: 'crews:register-interest',
  withdrawCrewInterest: 'crews:withdraw-interest',
  assignCrew: 'crews:assign',
  getCrewCoverage: 'crews:coverage',
  setCrewCoverage: 'crews:set-coverage',
} as const;

export type IpcMethodName = keyof typeof IPC_METHODS;
export type IpcChannel = (typeof IPC_METHODS)[IpcMethodName];

/** Main → renderer pushes. */
export const IPC_EVENTS = {
  syncStatus: 'event:sync-status',
  documentsProgress: 'event:documents-progress',
  outboxChanged: 'event:outbox-changed',
  workflowChanged: 'event:workflow-changed',
  notificationAdded: 'event:notification-added',
  plssStatus: 'event:plss-status',
  crewChanged: 'event:crew-changed',
} as const;

export type IpcEventName = keyof typeof IPC_EVENTS;
export type IpcEventChannel = (typeof IPC_EVENTS)[IpcEventName];

export const IPC_METHOD_NAMES = Object.keys(IPC_METHODS) as IpcMethodName[];
export const IPC_EVENT_NAMES = Object.keys(IPC_EVENTS) as IpcEventName[];

/** The renderer subscribes to event `syncStatus` as `onSyncStatus`: the name is derived, never written by hand. */
export type IpcListenerName<K extends IpcEventName> = `on${Capitalize<K>}`;

export function listenerName<K extends IpcEventName>(name: K): IpcListenerName<K> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as IpcListenerName<K>;
}
