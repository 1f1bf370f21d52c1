/**
 * Two processes on one cache (the desktop app and the CLI share the data folder by default), against a slow
 * server behind a proxy that counts, per Idempotency-Key, every request and how many were in flight at once.
 * Every entry must reach the server once, never twice at the same time, whoever sends it and whenever another
 * process starts up.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../helpers/test-app';
import { queueUploadSignedOut, startProxiedApp, type ProxiedApp } from '../helpers/proxied-app';

const ROOT = join(__dirname, '../..');
const UPLOAD = '/api/v2/claims/documents/';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('one sender at a time on a shared cache', () => {
  let env: ProxiedApp;
  const dataDir = () => env.dataDir;
  const fulfilment = async (id: number) => (await (await fetch(`${env.server.url}/__test__/orders/claim_order/${id}/fulfilment`)).json()) as Record<string, unknown>;

  /** `claimdesk push` as its own process, signed in as demo-staff through the env.proxy. */
  function push(): Promise<Run> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.ts'), 'push', '--server', env.proxy.url, '--username', 'demo-staff', '--data-dir', dataDir()], {
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

  const queued = async (orderId: number) => (await queueUploadSignedOut(env.app, env.staff, orderId)).entryId;

  const stateOf = async (id: string) => (await env.app.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id);

  beforeAll(async () => {
    env = await startProxiedApp();
  });
  afterAll(async () => env?.close());

  it('two `push` processes deliver every entry once, never two requests for one key in flight', async () => {
    const ids = [await queued(1), await queued(2), await queued(4)];
    env.proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 700 };
    const [first, second] = await Promise.all([push(), push()]);
    env.proxy.slow = null;

    expect(env.proxy.maxInFlightPerKey()).toBe(1);
    for (const id of ids) {
      expect(env.proxy.sentPerKey.get(id)).toBe(1);
      expect((await stateOf(id))?.state).toBe('done');
    }
    // Every file and the manifest; order 2 lies in a state that records the posted notice itself (one file fewer).
    for (const [orderId, documents] of [[1, 14], [2, 13], [4, 14]] as const) expect(await fulfilment(orderId)).toMatchObject({ packages: 1, documents });
    // Each waited for what the other was sending, so both can say that nothing is left.
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout + second.stdout).toMatch(/Nothing left to send/);
  }, 120_000);

  it("the app's start-up recovery while the CLI is sending does not send the entry again", async () => {
    const id = await queued(9);
    env.proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 4_000 };
    const arrived = env.proxy.arrived((method, path) => method === 'POST' && path.startsWith(UPLOAD));
    const cli = push();
    await arrived;

    // A second desktop app starting on the same data folder, signing in and sending, as it does at every start.
    const starting = await openTestApp(dataDir());
    try {
      await starting.start();
      await starting.handlers.signIn(env.staff);
      await starting.handlers.sendOutboxNow({});
      expect(env.proxy.sentPerKey.get(id)).toBe(1);
      expect(env.proxy.maxInFlightPerKey()).toBe(1);
      const seen = (await starting.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id);
      expect(seen).toMatchObject({ state: 'sending', waitReason: expect.stringMatching(/^Being sent by ClaimDesk process \d+\.$/) });
    } finally {
      await starting.close();
    }

    expect((await cli).code).toBe(0);
    env.proxy.slow = null;
    expect(env.proxy.sentPerKey.get(id)).toBe(1);
    expect(env.proxy.maxInFlightPerKey()).toBe(1);
    expect((await stateOf(id))?.state).toBe('done');
    expect(await fulfilment(9)).toMatchObject({ packages: 1, documents: 14 });
  }, 120_000);
});
