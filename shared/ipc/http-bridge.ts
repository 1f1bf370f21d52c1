/**
 * The browser test host's wire format (development and tests only, never in the packaged app):
 *  - POST {methodPath(name)} with the request as JSON body → 200 with an IpcResult JSON body.
 *  - GET  {EVENTS_PATH} → text/event-stream; each message is `event: <IpcEventName>` + `data: <json payload>`.
 */
import type { IpcEventName } from './channels';
import type { IpcMethodName } from './channels';

export const IPC_HTTP_PREFIX = '/ipc/';
export const EVENTS_PATH = '/ipc-events';

export function methodPath(name: IpcMethodName): string {
  return `${IPC_HTTP_PREFIX}${name}`;
}

export type HttpBridgeEventName = IpcEventName;
