import { DEFAULT_MAP_SETTINGS } from '../../shared/basemap/map-settings';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import { DEFAULT_SYNC_LIMITS } from '../../shared/sync/sync-limits';
import { AppError } from '../../shared/errors';
import { ipcContract, type IpcHandlers } from '../../shared/ipc/contract';
import { assertHandlersCoverContract, dispatchIpc, isIpcMethodName } from '../../core/ipc/dispatch';

const signedOut = { signedIn: false, serverUrl: null, username: null, displayName: null, role: null, isStaff: false, demo: false };
const idle = { state: 'idle', progress: null, lastSuccessAt: null, lastAttemptAt: null, nextAttemptAt: null, error: null, cachedOrders: 0, lastReport: null } as const;

function stubHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    getAppInfo: async () => ({ version: '0.1.0', dataDir: '/tmp/x', schemaVersion: 1, runtime: 'browser-host' }),
    getSession: async () => signedOut,
    signIn: unused,
    signOut: async () => signedOut,
    queryOrders: async () => ({ orders: [], total: 0, totalCached: 0, statuses: [] }),
    getOrder: unused,
    runSync: unused,
    getSyncStatus: async () => idle,
    pullOrder: unused,
    claimOrder: unused,
    releaseOrder: unused,
    getJob: unused,
    listJobs: async () => ({ jobs: [] }),
    saveJob: unused,
    saveLayout: unused,
    getSettings: async () => ({ basemapUrl: null, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS }),
    saveSettings: async (settings) => ({ basemapUrl: settings.basemapUrl ?? null, workflow: settings.workflow ?? DEFAULT_WORKFLOW_SETTINGS, maps: { ...DEFAULT_MAP_SETTINGS, ...settings.maps }, sync: settings.sync ?? DEFAULT_SYNC_LIMITS }),
    getBasemap: async () => ({ basemap: null, tilePath: null, problem: null }),
    generatePackage: unused,
    getPackage: async () => ({ package: null }),
    readPackageFile: unused,
    openPackageFolder: unused,
    startExport: unused,
    cancelExport: async () => ({ cancelled: false }),
    getExportStatus: async () => ({ running: false, progress: null, report: null }),
    importStaked: unused,
    getField: unused,
    acceptStaked: unused,
    queueUpload: unused,
    queueUploads: unused,
    listOutbox: async () => ({ entries: [], counts: {} }),
    retryOutboxEntry: unused,
    discardOutboxEntry: unused,
    sendOutboxNow: unused,
    listReadyToUpload: async () => ({ jobIds: [] }),
    openExportFolder: unused,
    validateLayout: unused,
    confirmClaimant: unused,
    fireWorkflowEvent: unused,
    getJobHistory: async () => ({ entries: [] }),
    getDashboard: async () => ({ today: '2026-11-22', counts: { active_jobs: 0, due_today: 0, overdue: 0, expedited: 0, awaiting_payment: 0, claimant_needed: 0, awaiting_upload: 0, failed_uploads: 0, needs_review: 0, stale: 0, duplicates: 0 }, oldestWaiting: null, claimsDeliveredThisWeek: 0, staleAfterDays: 7, heldElsewhere: [] }),
    listNotifications: async () => ({ notifications: [], unread: 0 }),
    markNotificationsRead: async () => ({ unread: 0 }),
    listDeadlines: async () => ({ today: '2026-12-01', deadlines: [], problems: [] }),
    getFilings: unused,
    recordCountyRecording: unused,
    recordBlmFiling: unused,
    getOrderCrew: unused,
    registerCrewInterest: unused,
    withdrawCrewInterest: unused,
    assignCrew: unused,
    getCrewCoverage: unused,
    setCrewCoverage: unused,
    resolveConflict: unused,
    getPlssStatus: unused,
    choosePlssFiles: async () => ({ dialog: false, paths: [] }),
    startPlssImport: unused,
    removePlssState: unused,
    lookupPlss: unused,
    getPlssArea: unused,
    fillLandFromPlss: unused,
    ...overrides,
  };
}

describe('dispatchIpc', () => {
  it('runs the handler with the parsed request and wraps the answer', async () => {
    const cancelExport = vi.fn(async () => ({ cancelled: true }));
    const result = await dispatchIpc(stubHandlers({ cancelExport }), 'cancelExport', {});
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    expect(cancelExport).toHaveBeenCalledWith({});
  });

  it('treats a missing payload of a no-argument method as {}', async () => {
    const result = await dispatchIpc(stubHandlers(), 'getSession', undefined);
    expect(result).toEqual({ ok: true, value: signedOut });
  });

  it('refuses unknown methods, including prototype keys', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(isIpcMethodName(name)).toBe(false);
      const result = await dispatchIpc(stubHandlers(), name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-request');
    }
  });

  it('refuses an invalid payload with a message naming the field, without running the handler', async () => {
    const signIn = vi.fn(async () => signedOut);
    const result = await dispatchIpc(stubHandlers({ signIn }), 'signIn', { serverUrl: 'ftp://x', username: '', password: 'hunter2-secret' });
    expect(signIn).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/serverUrl/);
    expect(result.error.message).toMatch(/username/);
    // The received values are never echoed: a password must not reach logs or the UI.
    expect(result.error.message).not.toContain('hunter2-secret');
  });

  it('refuses extra keys on strict requests and wrong types', async () => {
    const extra = await dispatchIpc(stubHandlers(), 'openExportFolder', { outDir: '/tmp/a', shell: true });
    expect(extra.ok).toBe(false);
    const wrongType = await dispatchIpc(stubHandlers(), 'getOrder', { orderType: 'claim_order', id: 'one' });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error.message).toMatch(/\bid\b/);
  });

  it('turns an AppError into its code and anything else into internal', async () => {
    const appError = await dispatchIpc(
      stubHandlers({ runSync: async () => { throw new AppError('offline', 'The server could not be reached.'); } }),
      'runSync',
      {},
    );
    expect(appError).toEqual({ ok: false, error: { code: 'offline', message: 'The server could not be reached.' } });
    const bug = await dispatchIpc(stubHandlers({ runSync: async () => { throw new TypeError('x is undefined'); } }), 'runSync', {});
    expect(bug.ok).toBe(false);
    if (!bug.ok) expect(bug.error.code).toBe('internal');
  });

  it('checks the response too: a mismatch is an internal error and is logged', async () => {
    const log = vi.fn();
    const broken = stubHandlers({ getSyncStatus: async () => ({ ...idle, state: 'exploded' }) as unknown as typeof idle });
    const result = await dispatchIpc(broken, 'getSyncStatus', {}, { log });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/getSyncStatus.*state/);
  });

  it('strips fields the contract does not declare from the response', async () => {
    const leaky = stubHandlers({ getSession: async () => ({ ...signedOut, token: 'secret-token' }) as typeof signedOut });
    const result = await dispatchIpc(leaky, 'getSession', {});
    expect(result.ok && JSON.stringify(result.value)).not.toContain('secret-token');
  });
});

describe('assertHandlersCoverContract', () => {
  it('accepts handlers for exactly the contract', () => {
    expect(() => assertHandlersCoverContract(stubHandlers())).not.toThrow();
  });

  it('names a missing handler', () => {
    const { runSync: _removed, ...rest } = stubHandlers();
    expect(() => assertHandlersCoverContract(rest)).toThrow(/missing handler\(s\): runSync/);
  });

  it('names an extra handler', () => {
    expect(() => assertHandlersCoverContract({ ...stubHandlers(), wipeCache: async () => ({}) })).toThrow(/not in the contract: wipeCache/);
  });

  it('treats a non-function as missing', () => {
    expect(() => assertHandlersCoverContract({ ...stubHandlers(), getOrder: 'nope' })).toThrow(/getOrder/);
  });

  it('covers every contract entry', () => {
    expect(Object.keys(stubHandlers()).sort()).toEqual(Object.keys(ipcContract).sort());
  });
});
