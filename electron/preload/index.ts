/**
 * The sandboxed preload: exposes window.claimdesk with exactly one named method per IPC method plus one
 * on<Event> subscription per push event, both built from the contract's tables (shared/ipc/channels.ts), each bound
 * to its one fixed channel. No raw ipcRenderer, no generic invoke, no process.env: the renderer shows server data
 * and must not be able to pick a channel. Imports only channels.ts (zod-free) and types, so the bundle stays one
 * small CommonJS file that requires nothing but 'electron' (a sandboxed preload cannot load other modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_NAMES, IPC_EVENTS, IPC_METHOD_NAMES, IPC_METHODS, listenerName, type IpcEventName, type IpcMethodName } from '../../shared/ipc/channels';
import type { ClaimDeskApi, IpcEventPayload, IpcRequest, IpcResponse, IpcSubscribe } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** One function bound to one fixed channel; the request is validated in main, not trusted here. */
function method<K extends IpcMethodName>(name: K): (request: IpcRequest<K>) => Promise<IpcResult<IpcResponse<K>>> {
  const channel = IPC_METHODS[name];
  return (request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<K>>>;
}

/** One subscription bound to one fixed event channel. */
function subscribe<K extends IpcEventName>(name: K): IpcSubscribe<K> {
  const channel = IPC_EVENTS[name];
  return (listener) => {
    // The IpcRendererEvent is dropped: it carries `sender` (ipcRenderer itself) and must not reach the page.
    const forward = (_event: IpcRendererEvent, payload: IpcEventPayload<K>): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

// Built by iterating the tables, so the object's keys are exactly the contract's; the cast only restores the
// per-name signatures that Object.fromEntries cannot carry (each entry was built for its own name above).
const api = {
  ...Object.fromEntries(IPC_METHOD_NAMES.map((name) => [name, method(name)])),
  ...Object.fromEntries(IPC_EVENT_NAMES.map((name) => [listenerName(name), subscribe(name)])),
} as ClaimDeskApi;

contextBridge.exposeInMainWorld('claimdesk', api);
