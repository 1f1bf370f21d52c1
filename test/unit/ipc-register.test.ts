import { describe, expect, it, vi } from 'vitest';
import { IPC_METHODS } from '../../shared/ipc/channels';
import { ipcContract, type IpcHandlers } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { registerIpc, type SenderEvent } from '../../electron/main/ipc/register-ipc';
import { isAppUrl } from '../../electron/main/window/navigation-guard';

type Listener = (event: SenderEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`duplicate channel ${channel}`);
      handlers.set(channel, listener);
    },
  };
}

const signedOut = { signedIn: false, serverUrl: null, username: null, displayName: null, role: null, isStaff: false, demo: false };

function stubHandlers(): IpcHandlers {
  const fail = async (): Promise<never> => {
    throw new Error('unused');
  };
  return {
    getAppInfo: vi.fn(async () => ({ version: '0.1.0', dataDir: '/d', schemaVersion: 1, runtime: 'electron' as const })),
    getSession: vi.fn(async () => signedOut),
    signIn: vi.fn(async () => signedOut),
    signOut: vi.fn(async () => signedOut),
    queryOrders: vi.fn(fail),
    getOrder: vi.fn(fail),
    runSync: vi.fn(fail),
    getSyncStatus: vi.fn(fail),
    pullOrder: vi.fn(fail),
    claimOrder: vi.fn(fail),
    releaseOrder: vi.fn(fail),
    getJob: vi.fn(fail),
    listJobs: vi.fn(fail),
    saveJob: vi.fn(fail),
    saveLayout: vi.fn(fail),
    getSettings: vi.fn(fail),
    saveSettings: vi.fn(fail),
    getBasemap: vi.fn(fail),
    generatePackage: vi.fn(fail),
    getPackage: vi.fn(fail),
    readPackageFile: vi.fn(fail),
    openPackageFolder: vi.fn(fail),
    startExport: vi.fn(fail),
    cancelExport: vi.fn(fail),
    getExportStatus: vi.fn(fail),
    importStaked: vi.fn(fail),
    getField: vi.fn(fail),
    acceptStaked: vi.fn(fail),
    queueUpload: vi.fn(fail),
    queueUploads: vi.fn(fail),
    listOutbox: vi.fn(fail),
    retryOutboxEntry: vi.fn(fail),
    discardOutboxEntry: vi.fn(fail),
    sendOutboxNow: vi.fn(fail),
    listReadyToUpload: vi.fn(fail),
    openExportFolder: vi.fn(fail),
    validateLayout: vi.fn(fail),
    confirmClaimant: vi.fn(fail),
    fireWorkflowEvent: vi.fn(fail),
    getJobHistory: vi.fn(fail),
    getDashboard: vi.fn(fail),
    listNotifications: vi.fn(fail),
    markNotificationsRead: vi.fn(fail),
    listDeadlines: vi.fn(fail),
    getFilings: vi.fn(fail),
    recordCountyRecording: vi.fn(fail),
    recordBlmFiling: vi.fn(fail),
    getOrderCrew: vi.fn(fail),
    registerCrewInterest: vi.fn(fail),
    withdrawCrewInterest: vi.fn(fail),
    assignCrew: vi.fn(fail),
    getCrewCoverage: vi.fn(fail),
    setCrewCoverage: vi.fn(fail),
    resolveConflict: vi.fn(fail),
    getPlssStatus: vi.fn(fail),
    choosePlssFiles: vi.fn(fail),
    startPlssImport: vi.fn(fail),
    removePlssState: vi.fn(fail),
    lookupPlss: vi.fn(fail),
    getPlssArea: vi.fn(fail),
    fillLandFromPlss: vi.fn(fail),
  };
}

const fromApp = (url = 'app://claimdesk/index.html'): SenderEvent => ({ senderFrame: { url } as SenderEvent['senderFrame'] });

function setup() {
  const ipcMain = fakeIpcMain();
  const handlers = stubHandlers();
  registerIpc(ipcMain as never, handlers, isAppUrl, { log: () => {} });
  const call = (name: keyof typeof IPC_METHODS, event: SenderEvent, payload?: unknown) => {
    const listener = ipcMain.handlers.get(IPC_METHODS[name]);
    if (!listener) throw new Error(`no handler for ${name}`);
    return listener(event, payload);
  };
  return { ipcMain, handlers, call };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract entry, on the channel from IPC_METHODS', () => {
    const { ipcMain } = setup();
    const registered = [...ipcMain.handlers.keys()].sort();
    const expected = Object.keys(ipcContract).map((name) => IPC_METHODS[name as keyof typeof IPC_METHODS]).sort();
    expect(registered).toEqual(expected);
    // and the other direction: every IPC_METHODS channel is in the contract and registered
    for (const channel of Object.values(IPC_METHODS)) expect(ipcMain.handlers.has(channel)).toBe(true);
    expect(Object.keys(IPC_METHODS).sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('answers a trusted sender', async () => {
    const { call } = setup();
    expect(await call('getSession', fromApp(), {})).toEqual({ ok: true, value: signedOut });
  });

  it.each([
    ['a foreign page', 'https://evil.example/'],
    ['a look-alike host', 'app://claimdesk.evil.com/index.html'],
    ['a file URL', 'file:///tmp/index.html'],
    ['an empty URL', ''],
  ])('refuses %s without running anything', async (_label, url) => {
    const { call, handlers } = setup();
    const result = await call('signIn', fromApp(url), { serverUrl: 'https://a.b', username: 'u', password: 'p' });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers.signIn).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone (senderFrame null) or throws', async () => {
    const { call, handlers } = setup();
    expect(await call('signOut', { senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    const disposed = {
      get senderFrame(): SenderEvent['senderFrame'] {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await call('signOut', disposed, {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers.signOut).not.toHaveBeenCalled();
  });

  it('validates the payload of a trusted sender', async () => {
    const { call, handlers } = setup();
    const result = await call('openExportFolder', fromApp(), { outDir: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/outDir/);
    expect(handlers.openExportFolder).not.toHaveBeenCalled();
  });

  it('refuses to register handlers that do not cover the contract', () => {
    const { getOrder: _missing, ...partial } = stubHandlers();
    expect(() => registerIpc(fakeIpcMain() as never, partial as IpcHandlers, isAppUrl)).toThrow(/getOrder/);
  });
});
