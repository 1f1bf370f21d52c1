/**
 * The one test that mocks 'electron' (no Electron binary can exist on the build machines): it captures what
 * the preload hands to contextBridge and checks it is exactly the contract, as named methods.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_NAMES, IPC_EVENTS, IPC_METHODS } from '../../shared/ipc/channels';
import { ipcContract } from '../../shared/ipc/contract';

const exposed = vi.hoisted(() => ({ key: '', api: {} as Record<string, unknown> }));
const ipc = vi.hoisted(() => ({
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  ipcRenderer: ipc,
}));

beforeAll(async () => {
  await import('../../electron/preload/index');
});

describe('preload', () => {
  it("exposes window.claimdesk with exactly the contract's methods plus one subscription per event", () => {
    expect(exposed.key).toBe('claimdesk');
    // Written out here rather than derived: a test that built the names the way the preload does could not fail.
    expect(IPC_EVENT_NAMES).toEqual(['syncStatus', 'documentsProgress', 'outboxChanged', 'workflowChanged', 'notificationAdded', 'plssStatus', 'crewChanged']);
    expect(Object.keys(exposed.api).sort()).toEqual([...Object.keys(ipcContract), 'onSyncStatus', 'onDocumentsProgress', 'onOutboxChanged', 'onWorkflowChanged', 'onNotificationAdded', 'onPlssStatus', 'onCrewChanged'].sort());
    for (const value of Object.values(exposed.api)) expect(typeof value).toBe('function');
  });

  it('exposes no generic escape hatch', () => {
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'process', 'env', 'require']) expect(exposed.api).not.toHaveProperty(name);
  });

  it('sends each method on its own fixed channel', async () => {
    for (const [name, channel] of Object.entries(IPC_METHODS)) {
      ipc.invoke.mockClear();
      const fn = exposed.api[name] as (request: unknown) => Promise<unknown>;
      await fn({ probe: name });
      expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: name });
    }
  });

  it('subscribes each event on its own fixed channel', () => {
    for (const name of IPC_EVENT_NAMES) {
      ipc.on.mockClear();
      const subscribe = exposed.api[`on${name[0]!.toUpperCase()}${name.slice(1)}`] as (l: (p: unknown) => void) => () => void;
      subscribe(() => undefined)();
      expect(ipc.on.mock.calls[0]?.[0]).toBe(IPC_EVENTS[name]);
    }
    ipc.on.mockClear();
    ipc.removeListener.mockClear();
  });

  it('onSyncStatus passes only the payload and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = (exposed.api['onSyncStatus'] as (l: (s: unknown) => void) => () => void)(listener);
    expect(ipc.on).toHaveBeenCalledOnce();
    const [channel, forward] = ipc.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(IPC_EVENTS.syncStatus);
    forward({ sender: 'ipcRenderer-itself' }, { state: 'idle' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: 'idle' });
    unsubscribe();
    expect(ipc.removeListener).toHaveBeenCalledExactlyOnceWith(IPC_EVENTS.syncStatus, forward);
  });
});
