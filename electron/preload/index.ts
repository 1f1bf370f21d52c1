/**
 * The sandboxed preload: exposes window.claimdesk with exactly one named method per IPC method plus
 * the on<Event> listeners. No raw ipcRenderer, no generic invoke, no process.env — the renderer shows server data and must
 * not be able to pick a channel. Imports only channels.ts (zod-free) and types, so the bundle stays one small
 * CommonJS file that requires nothing but 'electron' (a sandboxed preload cannot load other modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENTS, IPC_METHODS, type IpcMethodName } from '../../shared/ipc/channels';
import type { ClaimDeskApi, IpcEventPayload, IpcRequest, IpcResponse } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** One function bound to one fixed channel; the request is validated in main, not trusted here. */
function method<K extends IpcMethodName>(name: K): (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>> {
  const channel = IPC_METHODS[name];
  return (request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<K>>>;
}

type SyncStatus = IpcEventPayload<'syncStatus'>;
type DocumentsProgress = IpcEventPayload<'documentsProgress'>;
type OutboxChanged = IpcEventPayload<'outboxChanged'>;
type WorkflowChanged = IpcEventPayload<'workflowChanged'>;
type NotificationAdded = IpcEventPayload<'notificationAdded'>;
type PlssStatus = IpcEventPayload<'plssStatus'>;

const api = {
  getAppInfo: method('getAppInfo'),
  getSession: method('getSession'),
  signIn: method('signIn'),
  signOut: method('signOut'),
  queryOrders: method('queryOrders'),
  getOrder: method('getOrder'),
  runSync: method('runSync'),
  getSyncStatus: method('getSyncStatus'),
  openExternal: method('openExternal'),
  pullOrder: method('pullOrder'),
  getJob: method('getJob'),
  listJobs: method('listJobs'),
  saveJob: method('saveJob'),
  lookupLocation: method('lookupLocation'),
  getSettings: method('getSettings'),
  saveSettings: method('saveSettings'),
  getBasemap: method('getBasemap'),
  generatePackage: method('generatePackage'),
  getPackage: method('getPackage'),
  readPackageFile: method('readPackageFile'),
  openPackageFolder: method('openPackageFolder'),
  startExport: method('startExport'),
  cancelExport: method('cancelExport'),
  getExportStatus: method('getExportStatus'),
  openExportFolder: method('openExportFolder'),
  queueUpload: method('queueUpload'),
  changeOrderStatus: method('changeOrderStatus'),
  listOutbox: method('listOutbox'),
  retryOutboxEntry: method('retryOutboxEntry'),
  discardOutboxEntry: method('discardOutboxEntry'),
  sendOutboxNow: method('sendOutboxNow'),
  listReadyToUpload: method('listReadyToUpload'),
  resolveConflict: method('resolveConflict'),
  fireWorkflowEvent: method('fireWorkflowEvent'),
  getJobHistory: method('getJobHistory'),
  getDashboard: method('getDashboard'),
  listNotifications: method('listNotifications'),
  markNotificationsRead: method('markNotificationsRead'),
  getPlssStatus: method('getPlssStatus'),
  choosePlssFiles: method('choosePlssFiles'),
  startPlssImport: method('startPlssImport'),
  removePlssState: method('removePlssState'),
  lookupPlss: method('lookupPlss'),
  getPlssArea: method('getPlssArea'),
  fillLandFromPlss: method('fillLandFromPlss'),
  onSyncStatus: (listener: (status: SyncStatus) => void): (() => void) => {
    // The IpcRendererEvent is dropped: it carries `sender` (ipcRenderer itself) and must not reach the page.
    const forward = (_event: IpcRendererEvent, status: SyncStatus): void => listener(status);
    ipcRenderer.on(IPC_EVENTS.syncStatus, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.syncStatus, forward);
    };
  },
  onDocumentsProgress: (listener: (progress: DocumentsProgress) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, progress: DocumentsProgress): void => listener(progress);
    ipcRenderer.on(IPC_EVENTS.documentsProgress, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.documentsProgress, forward);
    };
  },
  onOutboxChanged: (listener: (change: OutboxChanged) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, change: OutboxChanged): void => listener(change);
    ipcRenderer.on(IPC_EVENTS.outboxChanged, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.outboxChanged, forward);
    };
  },
  onWorkflowChanged: (listener: (change: WorkflowChanged) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, change: WorkflowChanged): void => listener(change);
    ipcRenderer.on(IPC_EVENTS.workflowChanged, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.workflowChanged, forward);
    };
  },
  onNotificationAdded: (listener: (notification: NotificationAdded) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, notification: NotificationAdded): void => listener(notification);
    ipcRenderer.on(IPC_EVENTS.notificationAdded, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.notificationAdded, forward);
    };
  },
  onPlssStatus: (listener: (status: PlssStatus) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, status: PlssStatus): void => listener(status);
    ipcRenderer.on(IPC_EVENTS.plssStatus, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENTS.plssStatus, forward);
    };
  },
} satisfies ClaimDeskApi;

contextBridge.exposeInMainWorld('claimdesk', api);
