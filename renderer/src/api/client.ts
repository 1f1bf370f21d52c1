/**
 * The renderer's only door to the back-end. In Electron the preload exposes `window.claimdesk`; under the
 * browser host (development and tests) there is no preload, so the same API is spoken over HTTP on our own
 * origin (see shared/ipc/http-bridge.ts). Everything else in the renderer imports `api` from here and never
 * knows which transport is in use.
 */
import { ipcContract, ipcEventContract, type ClaimDeskApi, type IpcEventPayload, type IpcResponse, type IpcSubscribe } from '../../../shared/ipc/contract';
import { IPC_EVENT_NAMES, IPC_METHOD_NAMES, listenerName, type IpcEventName, type IpcMethodName } from '../../../shared/ipc/channels';
import { EVENTS_PATH, methodPath } from '../../../shared/ipc/http-bridge';
import { ipcResultSchema, type IpcResult } from '../../../shared/ipc/result';

declare global {
  interface Window {
    claimdesk?: ClaimDeskApi;
  }
}

function transportFailure<T>(message: string): IpcResult<T> {
  // Not 'offline': that code means "the GeoDB server is unreachable". Losing the local host is a bug/dev issue.
  return { ok: false, error: { code: 'internal', message } };
}

// Built once per method: a fresh schema per call would redo zod's set-up work on every scroll-driven page fetch.
const envelopeSchemas = new Map<IpcMethodName, ReturnType<typeof ipcResultSchema>>();
function envelopeSchema(name: IpcMethodName): ReturnType<typeof ipcResultSchema> {
  let schema = envelopeSchemas.get(name);
  if (!schema) {
    schema = ipcResultSchema(ipcContract[name].response);
    envelopeSchemas.set(name, schema);
  }
  return schema;
}

async function callOverHttp<K extends IpcMethodName>(name: K, request: unknown): Promise<IpcResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(methodPath(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request ?? {}),
    });
  } catch {
    return transportFailure('Lost the connection to the ClaimDesk host. Is it still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return transportFailure(`The ClaimDesk host answered ${response.status} without a readable body.`);
  }
  // The host is a separate process; check the envelope against the contract so a drift shows up as a clear
  // error here instead of as `undefined` somewhere deep in a component.
  const parsed = envelopeSchema(name).safeParse(body);
  if (!parsed.success) {
    return transportFailure(`The ClaimDesk host sent an unexpected answer to ${name}.`);
  }
  return parsed.data as IpcResult<unknown>;
}

/**
 * One EventSource for every event stream, opened on the first subscription and closed when the last listener
 * of any stream leaves. The host sends every event name on each stream, so one connection carries them all: a
 * connection per name would take most of the browser's six connections per origin and leave IPC calls queueing
 * behind them. EventSource reconnects by itself when the host restarts, which is what we want in development.
 */
let sharedSource: EventSource | null = null;
let sharedUsers = 0;

function acquireSource(): EventSource {
  sharedSource ??= new EventSource(EVENTS_PATH);
  sharedUsers += 1;
  return sharedSource;
}

function releaseSource(): void {
  sharedUsers -= 1;
  if (sharedUsers === 0 && sharedSource) {
    sharedSource.close();
    sharedSource = null;
  }
}

/**
 * What a push event would have said while the stream was (re)connecting, read from main when it opens again:
 * pushes sent in that gap are lost, so this is the browser host's reconnect catch-up (Electron's IPC has no such
 * gap). `always` also reads it when the stream first opens, for a view that starts from it (the sync status);
 * otherwise only a reconnect does. Events without one (documents progress, notifications) are read by their
 * views when they open.
 */
const CATCH_UP: { [K in IpcEventName]?: { always: boolean; read: () => Promise<IpcResult<IpcEventPayload<K>>> } } = {
  syncStatus: { always: true, read: () => callOverHttp('getSyncStatus', {}) as Promise<IpcResult<IpcEventPayload<'syncStatus'>>> },
  plssStatus: { always: true, read: () => callOverHttp('getPlssStatus', {}) as Promise<IpcResult<IpcEventPayload<'plssStatus'>>> },
  outboxChanged: {
    always: false,
    read: async () => {
      const result = (await callOverHttp('listOutbox', {})) as IpcResult<IpcResponse<'listOutbox'>>;
      return result.ok ? { ok: true, value: { counts: result.value.counts } } : result;
    },
  },
  // Which jobs moved while the stream was down is not known: every view showing a job reads it again.
  workflowChanged: { always: false, read: async () => ({ ok: true, value: { jobIds: [] } }) },
};

/**
 * One event name's listeners on the shared connection: attached on first subscribe, detached when the last one
 * leaves. Each time the stream opens, the event's catch-up (if any) is read and handed on unless a newer push
 * beat it.
 */
function createEventStream<K extends IpcEventName>(name: K): IpcSubscribe<K> {
  const listeners = new Set<(payload: IpcEventPayload<K>) => void>();
  const catchUp = CATCH_UP[name] as (typeof CATCH_UP)[K];
  let source: EventSource | null = null;
  let pushes = 0;
  let opens = 0;
  const deliver = (data: unknown): boolean => {
    const parsed = ipcEventContract[name].safeParse(data);
    if (!parsed.success) return false;
    for (const listener of listeners) listener(parsed.data as IpcEventPayload<K>);
    return true;
  };
  const onMessage = (event: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (deliver(data)) pushes += 1;
  };
  const onOpen = () => {
    opens += 1;
    if (!catchUp || (opens === 1 && !catchUp.always)) return;
    const before = pushes;
    void catchUp.read().then((result) => {
      if (result.ok && pushes === before) deliver(result.value);
    });
  };
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = acquireSource();
      opens = 0;
      source.addEventListener(name, onMessage as EventListener);
      source.addEventListener('open', onOpen);
      // The shared connection may already be open: 'open' will not fire again for this stream.
      if (source.readyState === EventSource.OPEN) onOpen();
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.removeEventListener(name, onMessage as EventListener);
        source.removeEventListener('open', onOpen);
        source = null;
        releaseSource();
      }
    };
  };
}

function createHttpBridgeApi(): ClaimDeskApi {
  // Both halves are built from the contract's tables. Each method's answer is validated against its own schema
  // above, and each stream's payload against its event's, which is what the cast to the named signatures relies on.
  const methods = Object.fromEntries(IPC_METHOD_NAMES.map((name) => [name, (request: unknown) => callOverHttp(name, request)]));
  const events = Object.fromEntries(IPC_EVENT_NAMES.map((name) => [listenerName(name), createEventStream(name)]));
  return { ...methods, ...events } as unknown as ClaimDeskApi;
}

export const api: ClaimDeskApi = window.claimdesk ?? createHttpBridgeApi();
