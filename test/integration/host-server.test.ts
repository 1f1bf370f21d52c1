/**
 * The browser host with a stub ClaimDeskApp (handlers inline): the HTTP side of the IPC contract, its CSRF /
 * DNS-rebinding guard, server-sent events and static files. Real sockets on 127.0.0.1.
 */
import { DEFAULT_MAP_SETTINGS } from '../../shared/basemap/map-settings';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import { DEFAULT_SYNC_LIMITS } from '../../shared/sync/sync-limits';
import { AppError } from '../../shared/errors';
import type { IpcEventName } from '../../shared/ipc/channels';
import type { IpcEventPayload, IpcHandlers } from '../../shared/ipc/contract';
import { EVENTS_PATH, methodPath } from '../../shared/ipc/http-bridge';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createBasemapService } from '../../core/basemap/basemap.service';
import { CONTENT_SECURITY_POLICY } from '../../core/platform/csp';
import { startBrowserHost, type BrowserHost } from '../../host/host-server';
import { HOST_KEY_HEADER } from '../../host/host-key';

const signedOut = { signedIn: false, serverUrl: null, username: null, displayName: null, role: null, isStaff: false, demo: false };
const status = (state: 'idle' | 'syncing', cachedOrders: number) => ({
  state,
  progress: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  nextAttemptAt: null,
  error: null,
  cachedOrders,
  lastReport: null,
});

function createStubApp() {
  const listeners = new Set<(payload: IpcEventPayload<'syncStatus'>) => void>();
  const handlers: IpcHandlers = {
    getAppInfo: async () => ({ version: '0.1.0', dataDir: '/stub', schemaVersion: 1, runtime: 'browser-host' }),
    getSession: async () => signedOut,
    signIn: vi.fn(async ({ serverUrl, username }) => ({ ...signedOut, signedIn: true, serverUrl, username, displayName: username, role: 'staff' as const, isStaff: true })),
    signOut: async () => signedOut,
    queryOrders: async () => ({ orders: [], total: 0, totalCached: 0, statuses: [] }),
    getOrder: async ({ id }) => {
      throw new AppError('not-found', `Order ${id} is not in the cache.`);
    },
    runSync: async () => {
      throw new Error('stub: no sync');
    },
    getSyncStatus: async () => status('idle', 0),
    pullOrder: async ({ id }) => {
      throw new AppError('not-found', `Order ${id} is not in the cache.`);
    },
    claimOrder: async ({ id }) => {
      throw new AppError('not-found', `There is no job for order ${id}.`);
    },
    releaseOrder: async ({ id }) => {
      throw new AppError('not-found', `There is no job for order ${id}.`);
    },
    getJob: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    listJobs: async () => ({ jobs: [] }),
    saveJob: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    saveLayout: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    getSettings: async () => ({ basemapUrl: null, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS }),
    saveSettings: async (settings) => ({ basemapUrl: settings.basemapUrl ?? null, workflow: settings.workflow ?? DEFAULT_WORKFLOW_SETTINGS, maps: { ...DEFAULT_MAP_SETTINGS, ...settings.maps }, sync: settings.sync ?? DEFAULT_SYNC_LIMITS }),
    getBasemap: async () => ({ basemap: null, tilePath: null, problem: null }),
    generatePackage: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    getPackage: async () => ({ package: null }),
    readPackageFile: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} has no package.`);
    },
    openPackageFolder: async () => ({ opened: false, folder: '/stub' }),
    startExport: async () => ({ outDir: '/stub/exports' }),
    cancelExport: async () => ({ cancelled: false }),
    getExportStatus: async () => ({ running: false, progress: null, report: null }),
    importStaked: async () => {
      throw new AppError('not-ready', 'stub');
    },
    getField: async () => ({ field: null }),
    acceptStaked: async () => {
      throw new AppError('not-ready', 'stub');
    },
    queueUpload: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    queueUploads: async ({ jobIds }) => ({ entries: [], refused: jobIds.map((jobId) => ({ jobId, orderNumber: null, message: `Job ${jobId} does not exist.` })) }),
    listOutbox: async () => ({ entries: [], counts: {} }),
    retryOutboxEntry: async () => {
      throw new AppError('not-found', 'No such entry.');
    },
    discardOutboxEntry: async () => {
      throw new AppError('not-found', 'No such entry.');
    },
    sendOutboxNow: async () => ({ sent: 0, delivered: 0, stoppedBy: null }),
    listReadyToUpload: async () => ({ jobIds: [] }),
    openExportFolder: async ({ outDir }) => ({ opened: false, folder: outDir }),
    validateLayout: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    confirmClaimant: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    fireWorkflowEvent: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    getJobHistory: async () => ({ entries: [] }),
    getDashboard: async () => ({ today: '2026-11-22', counts: { active_jobs: 0, due_today: 0, overdue: 0, expedited: 0, awaiting_payment: 0, claimant_needed: 0, awaiting_upload: 0, failed_uploads: 0, needs_review: 0, stale: 0, duplicates: 0 }, oldestWaiting: null, claimsDeliveredThisWeek: 0, staleAfterDays: 7, heldElsewhere: [] }),
    listNotifications: async () => ({ notifications: [], unread: 0 }),
    markNotificationsRead: async () => ({ unread: 0 }),
    listDeadlines: async () => ({ today: '2026-12-01', deadlines: [], problems: [] }),
    getFilings: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    recordCountyRecording: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    recordBlmFiling: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    getOrderCrew: async () => {
      throw new AppError('not-found', 'stub: no crews');
    },
    registerCrewInterest: async () => {
      throw new AppError('not-found', 'stub: no crews');
    },
    withdrawCrewInterest: async () => {
      throw new AppError('not-found', 'stub: no crews');
    },
    assignCrew: async () => {
      throw new AppError('not-found', 'stub: no crews');
    },
    getCrewCoverage: async () => ({ crew: 'stub', areas: [] }),
    setCrewCoverage: async ({ crew }) => ({ crew, areas: [] }),
    resolveConflict: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
    getPlssStatus: async () => ({ version: 0, running: false, progress: null, report: null, error: null, layers: [] }),
    choosePlssFiles: async () => ({ dialog: false, paths: [] }),
    startPlssImport: async () => {
      throw new AppError('bad-file', 'stub: no import');
    },
    removePlssState: async () => ({ version: 0, running: false, progress: null, report: null, error: null, layers: [] }),
    lookupPlss: async () => ({ result: null, derived: false }),
    getPlssArea: async () => ({ parts: [], layers: [] }),
    fillLandFromPlss: async ({ jobId }) => {
      throw new AppError('not-found', `Job ${jobId} does not exist.`);
    },
  };
  const app: ClaimDeskApp = {
    handlers,
    basemap: createBasemapService({ getFile: async () => null }),
    onEvent<K extends IpcEventName>(name: K, listener: (payload: IpcEventPayload<K>) => void) {
      // The stub only ever emits syncStatus; other events get a no-op subscription.
      if (name !== 'syncStatus') return () => undefined;
      const l = listener as (payload: IpcEventPayload<'syncStatus'>) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
    start: async () => {},
    close: async () => {},
  };
  return { app, handlers, emit: (payload: IpcEventPayload<'syncStatus'>) => listeners.forEach((l) => l(payload)), listeners };
}

const base = mkdtempSync(join(tmpdir(), 'claimdesk-host-'));
const staticDir = join(base, 'renderer');
mkdirSync(join(staticDir, 'assets'), { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ClaimDesk</title>');
writeFileSync(join(staticDir, 'assets', 'index.js'), 'export {};');
writeFileSync(join(base, 'secret.txt'), 'must not be served');

let stub: ReturnType<typeof createStubApp>;
let host: BrowserHost;

beforeAll(async () => {
  stub = createStubApp();
  host = await startBrowserHost({ app: stub.app, staticDir, log: () => {} });
});
afterAll(async () => {
  await host?.close();
});

/** The host's origin (its printed address carries the launch key as ?key=…). */
const originOf = (h: BrowserHost) => new URL(h.url).origin;
/** The launch key as scripts send it. */
const keyed = () => ({ [HOST_KEY_HEADER]: host.key });

function post(name: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${originOf(host)}${methodPath(name as never)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: originOf(host), ...keyed(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** node:http so the path is sent exactly as written (fetch would normalise `..`) and Host can be forged. */
function rawGet(path: string, headers: Record<string, string> = keyed(), method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host: IPC over HTTP', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(host.origin).toBe(originOf(host));
  });

  it('answers with an ok envelope', async () => {
    const res = await post('getAppInfo', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, value: { version: '0.1.0', dataDir: '/stub', schemaVersion: 1, runtime: 'browser-host' } });
  });

  it('passes the validated request to the handler', async () => {
    const res = await post('signIn', { serverUrl: ' http://127.0.0.1:8765 ', username: 'demo-staff', password: 'pw' });
    expect(await res.json()).toMatchObject({ ok: true, value: { signedIn: true, username: 'demo-staff' } });
    expect(stub.handlers.signIn).toHaveBeenCalledWith({ serverUrl: 'http://127.0.0.1:8765', username: 'demo-staff', password: 'pw' });
  });

  it('returns handler errors and invalid payloads as error envelopes', async () => {
    expect(await (await post('getOrder', { orderType: 'claim_order', id: 7 })).json()).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Order 7 is not in the cache.' },
    });
    const invalid = (await (await post('getOrder', { orderType: 'claim_order', id: -1 })).json()) as { ok: boolean; error: { code: string; message: string } };
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(invalid.error.message).toMatch(/id/);
    expect(await (await post('runSync', {})).json()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses unknown methods, malformed JSON and non-JSON bodies with an envelope', async () => {
    expect(await (await post('dropDatabase', {})).json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const malformed = await post('getSession', '{"oops"');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const form = await post('getSession', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(stub.handlers.signIn).toHaveBeenCalledTimes(1);
  });
});

describe('browser host: CSRF and DNS-rebinding guard', () => {
  it('refuses a foreign Origin with 403 and runs nothing', async () => {
    const calls = vi.mocked(stub.handlers.signIn).mock.calls.length;
    const res = await post('signIn', { serverUrl: 'https://evil.example', username: 'x', password: 'y' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(vi.mocked(stub.handlers.signIn).mock.calls.length).toBe(calls);
  });

  it('refuses Origin: null (sandboxed iframes, file pages) and cross-site fetch metadata', async () => {
    expect((await post('getSession', {}, { origin: 'null' })).status).toBe(403);
    expect((await post('getSession', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('getSession', {}, { origin: originOf(host).replace('127.0.0.1', 'localhost') })).status).toBe(403);
  });

  it('refuses a forged Host header, also for static files (DNS rebinding)', async () => {
    expect((await rawGet('/index.html', { ...keyed(), host: 'evil.example' })).status).toBe(403);
    expect((await rawGet(EVENTS_PATH, { ...keyed(), host: 'evil.example' })).status).toBe(403);
  });

  it('refuses the event stream to a foreign page', async () => {
    const res = await rawGet(EVENTS_PATH, { ...keyed(), origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('accepts same-origin browser requests', async () => {
    expect((await post('getSession', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

describe('browser host: the launch key', () => {
  const bare = (path: string, init: RequestInit = {}) => fetch(`${originOf(host)}${path}`, { redirect: 'manual', ...init });

  it('refuses IPC, the event stream and the page to a local process without the key, even with no Origin', async () => {
    const calls = vi.mocked(stub.handlers.signIn).mock.calls.length;
    const ipc = await bare(methodPath('getSession'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ipc.status).toBe(403);
    expect(await ipc.json()).toMatchObject({ ok: false, error: { code: 'untrusted-sender', message: expect.stringMatching(/key/) } });
    expect((await bare(methodPath('signIn'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serverUrl: 'http://127.0.0.1:1', username: 'x', password: 'y' }) })).status).toBe(403);
    expect(vi.mocked(stub.handlers.signIn).mock.calls.length).toBe(calls);
    expect((await rawGet(EVENTS_PATH, {})).status).toBe(403);
    expect((await bare('/')).status).toBe(403);
    expect((await bare(methodPath('getSession'), { method: 'POST', headers: { 'content-type': 'application/json', [HOST_KEY_HEADER]: 'not-the-key' }, body: '{}' })).status).toBe(403);
  });

  it('checks the route the request matched: /%69pc/… is IPC, refused without the key and from another origin', async () => {
    const encoded = '/%69pc/getSession';
    const noKey = await bare(encoded, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).toBe(403);
    const foreign = await bare(encoded, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example', ...keyed() }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect((await rawGet('/%69pc-events', { origin: 'https://evil.example', ...keyed() })).status).toBe(403);
    // The same encoded path from the page itself is simply the IPC route.
    expect((await bare(encoded, { method: 'POST', headers: { 'content-type': 'application/json', origin: originOf(host), ...keyed() }, body: '{}' })).status).toBe(200);
  });

  it('opening the printed address moves the key into an HttpOnly cookie the page then sends', async () => {
    const opened = await fetch(host.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/');
    const cookie = opened.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    expect((await bare('/', { headers: { cookie: pair } })).status).toBe(200);
    expect((await bare(methodPath('getSession'), { method: 'POST', headers: { 'content-type': 'application/json', cookie: pair }, body: '{}' })).status).toBe(200);
    // A wrong key in the address opens nothing.
    expect((await bare('/?key=guess')).status).toBe(403);
  });

  it("another launch's key does not open this host", async () => {
    const other = await startBrowserHost({ app: createStubApp().app, staticDir, log: () => {} });
    try {
      expect(other.key).not.toBe(host.key);
      expect((await bare('/', { headers: { [HOST_KEY_HEADER]: other.key } })).status).toBe(403);
      expect((await bare(`/?key=${other.key}`)).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('refuses to start inside the desktop app', async () => {
    // What Electron's main process (packaged or not) reports; the host must never serve the app's session there.
    Object.defineProperty(process.versions, 'electron', { value: '99.0.0', configurable: true });
    try {
      await expect(startBrowserHost({ app: createStubApp().app, staticDir, log: () => {} })).rejects.toThrow(/does not run inside the desktop app/);
    } finally {
      delete (process.versions as Record<string, string | undefined>)['electron'];
    }
  });
});

describe('browser host: server-sent events', () => {
  it('forwards app events as `event: syncStatus` messages and unsubscribes on disconnect', async () => {
    const before = stub.listeners.size;
    const controller = new AbortController();
    const res = await fetch(`${originOf(host)}${EVENTS_PATH}`, { headers: { origin: originOf(host), ...keyed() }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stub.listeners.size).toBe(before + 1);

    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    stub.emit(status('syncing', 3));
    const complete = (): boolean => text.includes('event:') && text.slice(text.indexOf('event:')).includes('\n\n');
    while (!complete()) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const message = text.slice(text.indexOf('event:'));
    const [eventLine, dataLine] = message.split('\n');
    expect(eventLine).toBe('event: syncStatus');
    expect(JSON.parse(dataLine!.replace(/^data: /, ''))).toEqual(status('syncing', 3));

    controller.abort();
    await vi.waitFor(() => expect(stub.listeners.size).toBe(before));
  });
});

describe('browser host: static files', () => {
  it('serves index.html at / with the CSP header', async () => {
    const res = await fetch(`${originOf(host)}/`, { headers: keyed() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ClaimDesk</title>');
  });

  it('serves assets with their type and the CSP header', async () => {
    const res = await fetch(`${originOf(host)}/assets/index.js`, { headers: keyed() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets%2f..%2f..%2fsecret.txt'])(
    'refuses path traversal %s',
    async (path) => {
      const res = await rawGet(path);
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('must not be served');
    },
  );

  it('answers 404 for a missing file', async () => {
    expect((await fetch(`${originOf(host)}/nope.js`, { headers: keyed() })).status).toBe(404);
  });
});

describe('browser host: close', () => {
  it('closes even with an event stream open', async () => {
    const other = createStubApp();
    const second = await startBrowserHost({ app: other.app, staticDir, log: () => {} });
    const res = await fetch(`${originOf(second)}${EVENTS_PATH}`, { headers: { [HOST_KEY_HEADER]: second.key } });
    expect(res.status).toBe(200);
    await second.close();
    expect(other.listeners.size).toBe(0);
    await expect(fetch(`${originOf(second)}/`)).rejects.toThrow();
  });
});
