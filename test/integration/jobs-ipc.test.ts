/**
 * The job and settings methods through the real composition root and IPC dispatcher (what the renderer reaches),
 * on a cache synced from the reference server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAP_SETTINGS } from '../../shared/basemap/map-settings';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import { DEFAULT_SYNC_LIMITS } from '../../shared/sync/sync-limits';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { dispatchIpc } from '../../core/ipc/dispatch';
import { createMemoryTokenStore } from '../../core/session/token-store';
import type { Job } from '../../shared/jobs/job.types';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('jobs and settings over IPC', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  const call = (method: string, payload: unknown = {}) => dispatchIpc(app.handlers, method, payload, { log: () => {} });
  // One store across restarts, as the desktop app's encrypted session file outlives a restart.
  const tokenStore = createMemoryTokenStore();
  const openApp = async () => {
    app = await createClaimDeskApp({ dataDir: temp.dir, runtime: 'browser-host', tokenStore, syncIntervalMs: 0 });
  };

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    await openApp();
    // A manager: the test records a capacity override, which only managers and admins may.
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-manager', password: 'claimdesk-demo' });
    await app.handlers.runSync({});
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('pulls, saves with the signed-in user on the override, lists and resumes', async () => {
    // CP 5 is "pending": awaiting payment, so work starts only with a manager's override.
    const unpaid = await call('pullOrder', { orderType: 'claim_purchase', id: 5 });
    expect(unpaid).toMatchObject({ ok: false, error: { code: 'workflow-refused', message: expect.stringMatching(/awaiting payment/) } });
    const pulled = await call('pullOrder', { orderType: 'claim_purchase', id: 5, override: { reason: 'Paid by cheque, cleared today' } });
    expect(pulled.ok).toBe(true);
    const job = (pulled as { value: Job }).value;
    expect(job.crs.epsg).toBe(26912); // -108.76° (Fremont Co., WY) is in zone 12
    expect(job.location).toMatchObject({ detectedState: 'WY', detectedCounty: 'Fremont' });
    expect(job.claimant.claimantName).toBe(''); // claim_purchase orders carry no claimant

    const saved = await call('saveJob', { jobId: job.id, patch: { step: 'layout', capacityOverride: { reason: 'Manager approved' } } });
    expect(saved).toMatchObject({ ok: true, value: { step: 'layout', capacityOverride: { reason: 'Manager approved', by: 'demo-manager' } } });

    const bad = await call('saveJob', { jobId: job.id, patch: { epsg: 32612 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/epsg/);

    const listed = await call('listJobs');
    expect(listed).toMatchObject({ ok: true, value: { jobs: [{ id: job.id, step: 'layout', claimsPurchased: 4, claimsLaidOut: 0 }] } });

    await app.close();
    await openApp();
    const resumed = await call('getJob', { jobId: job.id });
    expect(resumed).toEqual(saved);
    expect(await call('getJob', { jobId: 424242 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('pullOrder', { orderType: 'claim_order', id: 9999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('offers no method only tests used: the renderer opens no links, looks up no locations and sets no order status by hand', async () => {
    for (const method of ['openExternal', 'lookupLocation', 'changeOrderStatus']) {
      expect(await call(method, {}), method).toMatchObject({ ok: false, error: { code: 'invalid-request', message: `Unknown IPC method "${method}".` } });
    }
  });

  it('keeps an https basemap URL across restarts and refuses anything else', async () => {
    expect(await call('getSettings')).toEqual({ ok: true, value: { basemapUrl: null, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS } });
    const tiles = 'https://tiles.example.com/{z}/{x}/{y}.png';
    expect(await call('saveSettings', { basemapUrl: tiles })).toEqual({ ok: true, value: { basemapUrl: tiles, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS } });
    for (const basemapUrl of ['http://tiles.example.com/{z}/{x}/{y}.png', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '', 'https://user:pw@tiles.example.com/']) {
      const refused = await call('saveSettings', { basemapUrl });
      expect(refused, basemapUrl).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/basemap/i) } });
    }
    await app.close();
    await openApp();
    expect(await call('getSettings')).toEqual({ ok: true, value: { basemapUrl: tiles, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS } });
    expect(await call('saveSettings', { basemapUrl: null })).toEqual({ ok: true, value: { basemapUrl: null, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS } });
    expect(await call('getSettings')).toEqual({ ok: true, value: { basemapUrl: null, workflow: DEFAULT_WORKFLOW_SETTINGS, maps: DEFAULT_MAP_SETTINGS, sync: DEFAULT_SYNC_LIMITS } });
  });

  it('keeps map settings field by field across restarts and refuses values out of range', async () => {
    const saved = await call('saveSettings', { maps: { waypointNameMax: 24, printBasemap: 'both', writeKmz: true } });
    const maps = { ...DEFAULT_MAP_SETTINGS, waypointNameMax: 24, printBasemap: 'both', writeKmz: true };
    expect(saved).toMatchObject({ ok: true, value: { maps } });
    expect(await call('saveSettings', { maps: { basemapShown: 'none' } })).toMatchObject({ ok: true, value: { maps: { ...maps, basemapShown: 'none' } } });
    for (const bad of [{ waypointNameMax: 3 }, { waypointNameMax: 31 }, { printBasemap: 'always' }, { basemapFile: 'relative.mbtiles' }]) {
      expect(await call('saveSettings', { maps: bad }), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    await app.close();
    await openApp();
    expect(await call('getSettings')).toMatchObject({ ok: true, value: { maps: { ...maps, basemapShown: 'none' } } });
  });

  it('keeps the sync limits across restarts and refuses values out of range', async () => {
    const sync = { maxDownloadMb: 250, downloadDeadlineSeconds: 120 };
    expect(await call('saveSettings', { sync })).toMatchObject({ ok: true, value: { sync } });
    for (const bad of [{ maxDownloadMb: 0, downloadDeadlineSeconds: 600 }, { maxDownloadMb: 100, downloadDeadlineSeconds: 5 }, { maxDownloadMb: 1.5, downloadDeadlineSeconds: 600 }, { maxDownloadMb: 100 }]) {
      expect(await call('saveSettings', { sync: bad }), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    await app.close();
    await openApp();
    expect(await call('getSettings')).toMatchObject({ ok: true, value: { sync } });
  });
});
