/**
 * Two processes on one cache (the desktop app and the CLI share the data folder by default), against a slow
 * server behind a proxy that counts, per Idempotency-Key, every request and how many were in flight at once.
 * Every entry must reach the server once, never twice at the same time, whoever sends it and whenever another
 * process starts up.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { startTestServer } from '../helpers/back-end';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const ROOT = join(__dirname, '../..');
const UPLOAD = '/api/v2/claims/documents/';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('one sender at a time on a shared cache', () => {
  let server: Server;
  let proxy: RecordingProxy;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  const dataDir = () => join(temp.dir, 'data');
  const staff = () => ({ serverUrl: proxy.url, username: 'demo-staff', password: 'claimdesk-demo' });
  const fulfilment = async (id: number) => (await (await fetch(`${server.url}/__test__/orders/claim_order/${id}/fulfilment`)).json()) as Record<string, unknown>;

  /** `claimdesk push` as its own process, signed in as demo-staff through the proxy. */
  function push(): Promise<Run> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), 'push', '--server', proxy.url, '--username', 'demo-staff', '--data-dir', dataDir()], {
      cwd: ROOT,
      env: { ...process.env, CLAIMDESK_PASSWORD: 'claimdesk-demo' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  }

  /** A package queued by demo-staff while signed out: nothing sends it until a push does. */
  async function queued(orderId: number): Promise<string> {
    await app.handlers.signIn(staff());
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: orderId });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'claimant' } });
    await app.handlers.generatePackage({ jobId: job.id });
    await app.handlers.signOut({});
    return (await app.handlers.queueUpload({ jobId: job.id })).id;
  }

  const stateOf = async (id: string) => (await app.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id);

  beforeAll(async () => {
    server = await startTestServer();
    proxy = await startRecordingProxy(server.url);
    temp = makeTempDir();
    app = await createClaimDeskApp({ dataDir: dataDir(), runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0, documentWorkers: 1 });
    await app.handlers.signIn(staff());
    await app.handlers.runSync({});
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await server?.cleanup();
    temp?.cleanup();
  });

  it('two `push` processes deliver every entry once, never two requests for one key in flight', async () => {
    const ids = [await queued(1), await queued(2), await queued(4)];
    proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 700 };
    const [first, second] = await Promise.all([push(), push()]);
    proxy.slow = null;

    expect(proxy.maxInFlightPerKey()).toBe(1);
    for (const id of ids) {
      expect(proxy.sentPerKey.get(id)).toBe(1);
      expect((await stateOf(id))?.state).toBe('done');
    }
    for (const orderId of [1, 2, 4]) expect(await fulfilment(orderId)).toMatchObject({ packages: 1, documents: 9 });
    // Each waited for what the other was sending, so both can say that nothing is left.
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout + second.stdout).toMatch(/Nothing left to send/);
  }, 120_000);

  it("the app's start-up recovery while the CLI is sending does not send the entry again", async () => {
    const id = await queued(9);
    proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 4_000 };
    const arrived = proxy.arrived((method, path) => method === 'POST' && path.startsWith(UPLOAD));
    const cli = push();
    await arrived;

    // A second desktop app starting on the same data folder, signing in and sending, as it does at every start.
    const starting = await createClaimDeskApp({ dataDir: dataDir(), runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0, documentWorkers: 1 });
    try {
      await starting.start();
      await starting.handlers.signIn(staff());
      await starting.handlers.sendOutboxNow({});
      expect(proxy.sentPerKey.get(id)).toBe(1);
      expect(proxy.maxInFlightPerKey()).toBe(1);
      const seen = (await starting.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id);
      expect(seen).toMatchObject({ state: 'sending', waitReason: expect.stringMatching(/^Being sent by ClaimDesk process \d+\.$/) });
    } finally {
      await starting.close();
    }

    expect((await cli).code).toBe(0);
    proxy.slow = null;
    expect(proxy.sentPerKey.get(id)).toBe(1);
    expect(proxy.maxInFlightPerKey()).toBe(1);
    expect((await stateOf(id))?.state).toBe('done');
    expect(await fulfilment(9)).toMatchObject({ packages: 1, documents: 9 });
  }, 120_000);
});
