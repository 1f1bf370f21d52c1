/**
 * The outbox with the process killed (SIGKILL) at each step of a send, and a status change killed between its
 * local write and its outbox entry. After a restart the server holds exactly one package per order with each
 * document once, and nothing local is lost.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { SERVER_PROFILES } from '../../server';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { queueUploadSignedOut } from '../helpers/proxied-app';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const CHILD = join(__dirname, '../helpers/outbox-crash-child.ts');

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runChild(args: string[], crashAt?: string, onSpawn?: (kill: () => void) => void): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    env: { ...process.env, ...(crashAt ? { CRASH_AT: crashAt } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onSpawn?.(() => child.kill('SIGKILL'));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

// Each test starts two or three child processes (tsx compiles each): on a loaded 2-core machine that alone nears 30 s.
describe.each(SERVER_PROFILES)('the outbox when the process is killed (%s profile)', { timeout: 90_000 }, (profile) => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  const dataDir = () => join(temp.dir, 'data');
  const fulfilment = async (id: number) => (await (await fetch(`${server.url}/__test__/orders/claim_order/${id}/fulfilment`)).json()) as Record<string, unknown>;
  const signIn = () => app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });

  /** A generated package queued while signed out, so nothing is sent until a child process sends it. */
  const queued = (orderId: number) => queueUploadSignedOut(app, { serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' }, orderId);

  async function state(entryId: string): Promise<string | undefined> {
    return (await app.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === entryId)?.state;
  }

  async function restartAndSend(): Promise<void> {
    const run = await runChild([dataDir(), server.url, 'drain']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }

  /** The queued snapshot and the job's own package both survive every crash. */
  async function expectLocalKept(jobId: number, entryId: string): Promise<void> {
    expect(existsSync(join(dataDir(), 'outbox', entryId, 'location-notices.pdf'))).toBe(true);
    const pkg = (await app.handlers.getPackage({ jobId })).package;
    expect(pkg && existsSync(join(pkg.folder, 'manifest.json'))).toBe(true);
  }

  beforeAll(async () => {
    server = await startTestServer('demo', profile);
    temp = makeTempDir();
    app = await openTestApp(dataDir());
    await signIn();
    for (let i = 0; i < 100 && (await app.handlers.getSyncStatus({})).cachedOrders === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  for (const [orderId, step] of [[1, 'marked-sending'], [2, 'answer-received'], [4, 'recorded']] as const) {
    it(`killed at "${step}": after a restart the order has one package with every document once`, async () => {
      const { jobId, entryId } = await queued(orderId);
      const crashed = await runChild([dataDir(), server.url, 'drain'], step);
      expect(crashed.signal).toBe('SIGKILL');
      await restartAndSend();
      expect(await state(entryId)).toBe('done');
      expect(await fulfilment(orderId)).toMatchObject({ packages: 1, documents: orderId === 2 ? 13 : 14 });
      await expectLocalKept(jobId, entryId);
    });
  }

  it('killed while the server applies the upload and before its answer: the resend is answered from the key', async () => {
    const { jobId, entryId } = await queued(9);
    await fetch(`${server.url}/__test__/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/api/v2/claims/documents/', afterApply: true, delayMs: 20_000, count: 1 }),
    });
    const crashed = await runChild([dataDir(), server.url, 'drain'], undefined, (kill) => {
      const poll = setInterval(() => {
        void fulfilment(9).then((counts) => {
          if (counts.packages === 1) {
            clearInterval(poll);
            kill();
          }
        });
      }, 100);
    });
    expect(crashed.signal).toBe('SIGKILL');
    expect(await state(entryId)).toBe('sending');
    await restartAndSend();
    expect(await state(entryId)).toBe('done');
    expect(await fulfilment(9)).toMatchObject({ packages: 1, documents: 14 });
    await expectLocalKept(jobId, entryId);
  });

  it('never separates a status change from its outbox entry', async () => {
    await signIn();
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 11 });
    const before = (await app.handlers.getOrder({ orderType: 'claim_order', id: 11 })).status;
    // Status entries: the pull's claim (desk assignment) is an entry of its own.
    const entries = async () => (await app.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries.filter((e) => e.kind === 'status').length;
    const crashed = await runChild([dataDir(), server.url, 'status', String(job.id), 'on_hold'], 'status-local-write');
    expect(crashed.signal).toBe('SIGKILL');
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 11 })).status).toBe(before);
    expect(await entries()).toBe(0);

    const done = await runChild([dataDir(), server.url, 'status', String(job.id), 'on_hold']);
    expect(done.code).toBe(0);
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 11 })).status).toBe('on_hold');
    expect(await entries()).toBe(1);
  });
});
