/**
 * What start-up recovery may take from another process: an outbox entry only when its sender's lease expired or
 * the sender is gone, a snapshot or package folder only when no live process is writing it. "Live" is a real
 * process here (a `sleep` child), "gone" one that has exited.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { openDatabase, type OpenedDatabase } from '../../core/db/open-database';
import { recoverPackageFolders } from '../../core/documents/package-writer';
import { removeOrphanSnapshots } from '../../core/outbox/outbox-queue';
import { createOutboxRunner } from '../../core/outbox/outbox-runner';
import { createSessionService } from '../../core/session/session.service';
import { claimEntry } from '../../core/repos/outbox-lease.repo';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { queueUploadSignedOut, startProxiedApp, type ProxiedApp } from '../helpers/proxied-app';
import { makeTempDir } from '../helpers/temp-dir';

const UPLOAD = '/api/v2/claims/documents/';

/** A process that is alive for the whole file, and the pid of one that has exited. */
const live = spawn('sleep', ['120'], { stdio: 'ignore' });
const deadPid = spawnSync('true').pid!;
afterAll(() => {
  live.kill();
});

describe('recovery leaves a live process its folders', () => {
  it('removes orphan snapshots of crashed or older writers only, never one a live process is copying', async () => {
    const temp = makeTempDir();
    const opened = await openDatabase({ file: join(temp.dir, 'claimdesk.sqlite') });
    try {
      const outbox = join(temp.dir, 'outbox');
      const folder = (name: string, writer?: string) => {
        mkdirSync(join(outbox, name), { recursive: true });
        writeFileSync(join(outbox, name, 'location-notices.pdf'), '%PDF');
        if (writer !== undefined) writeFileSync(join(outbox, name, '.claimdesk-writer'), writer);
      };
      folder('copying-now', `${hostname()}/${live.pid}/0badc0de`);
      folder('writer-died', `${hostname()}/${deadPid}/0badc0de`);
      folder('older-version');
      const removed = await removeOrphanSnapshots({ db: opened.db, dataDir: temp.dir, now: () => new Date() });
      expect(removed.sort()).toEqual(['older-version', 'writer-died']);
      expect(existsSync(join(outbox, 'copying-now', 'location-notices.pdf'))).toBe(true);
    } finally {
      await opened.close();
      temp.cleanup();
    }
  });

  it("leaves another live process's package swap alone and finishes or removes a dead one's", async () => {
    const temp = makeTempDir();
    try {
      const make = (name: string) => {
        mkdirSync(join(temp.dir, name), { recursive: true });
        writeFileSync(join(temp.dir, name, 'manifest.json'), '{}');
      };
      make(`CO-1.tmp-${live.pid}.0badc0de-1a2b3c4d`); // being written
      make(`CO-2.old-${live.pid}.0badc0de-1a2b3c4d`); // moved aside a moment ago, the new one follows
      make(`CO-3.tmp-${deadPid}.0badc0de-1a2b3c4d`); // its writer crashed
      make(`CO-4.old-${deadPid}.0badc0de-1a2b3c4d`); // crashed between the renames: the old package goes back
      make('CO-5.tmp-1a2b3c4d'); // an older version's leftover
      const result = await recoverPackageFolders(temp.dir);
      expect(result.restored).toEqual(['CO-4']);
      expect(result.removed.sort()).toEqual([`CO-3.tmp-${deadPid}.0badc0de-1a2b3c4d`, 'CO-5.tmp-1a2b3c4d']);
      expect(existsSync(join(temp.dir, `CO-1.tmp-${live.pid}.0badc0de-1a2b3c4d`))).toBe(true);
      expect(existsSync(join(temp.dir, `CO-2.old-${live.pid}.0badc0de-1a2b3c4d`))).toBe(true);
      expect(existsSync(join(temp.dir, 'CO-2'))).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});

describe('leases on entries being sent', () => {
  let env: ProxiedApp;
  let opened: OpenedDatabase;
  const dataDir = () => env.dataDir;

  const queued = async (orderId: number) => (await queueUploadSignedOut(env.app, env.staff, orderId)).entryId;

  /** A runner of its own over the same cache, as another part of the program (or process) would build it. */
  async function runner(options: { leaseTtlMs: number; heartbeatMs: number }) {
    const createClient = (url: string) => createGeoDbClient({ baseUrl: url, timeoutMs: 20_000 });
    const session = createSessionService({ db: opened.db, tokenStore: createMemoryTokenStore(), createClient });
    await session.signIn(env.staff);
    return createOutboxRunner({ db: opened.db, dataDir: dataDir(), getAuth: session.getAuth, createClient, now: () => new Date(), ...options });
  }
  const state = async (id: string) => (await env.app.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id)?.state;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    env = await startProxiedApp();
    opened = await openDatabase({ file: join(dataDir(), 'claimdesk.sqlite') });
  });
  afterAll(async () => {
    await opened?.close();
    await env?.close();
  });

  it('a heartbeat keeps a slow send its lease: recovery elsewhere does not take it', async () => {
    const id = await queued(1);
    env.proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 5_000 };
    const sender = await runner({ leaseTtlMs: 1_500, heartbeatMs: 250 });
    const sending = sender.drain();
    await env.proxy.arrived((method, path) => method === 'POST' && path.startsWith(UPLOAD));
    await sleep(3_500); // more than two lease lengths into the request
    expect(await (await runner({ leaseTtlMs: 1_500, heartbeatMs: 250 })).recover()).toBe(0);
    expect(await sending).toMatchObject({ delivered: 1 });
    env.proxy.slow = null;
    expect(await state(id)).toBe('done');
    expect(env.proxy.sentPerKey.get(id)).toBe(1);
  }, 120_000);

  it('an expired lease is taken over, and the late answer of the sender that lost it is not recorded', async () => {
    const id = await queued(2);
    env.proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 3_000 };
    // No heartbeat within the test: as if this sender hung.
    const hung = await runner({ leaseTtlMs: 300, heartbeatMs: 60_000 });
    const hungRun = hung.drain();
    await env.proxy.arrived((method, path) => method === 'POST' && path.startsWith(UPLOAD));
    await sleep(700);
    const other = await runner({ leaseTtlMs: 60_000, heartbeatMs: 10_000 });
    expect(await other.recover()).toBe(1);
    const otherRun = other.drain();
    // The hung sender's answer comes back after it lost the entry: it is dropped, and the entry is not sent by it again.
    expect(await hungRun).toMatchObject({ sent: 0, delivered: 0 });
    expect(await otherRun).toMatchObject({ sent: 1, delivered: 1 });
    env.proxy.slow = null;
    const entry = (await env.app.handlers.listOutbox({ includeClosed: true })).entries.find((e) => e.id === id);
    // One outcome recorded (the new sender's), not two.
    expect(entry).toMatchObject({ state: 'done', attempts: 1 });
    // Both requests carried the same key: the server applied it once.
    expect(await (await fetch(`${env.server.url}/__test__/orders/claim_order/2/fulfilment`)).json()).toMatchObject({ packages: 1, documents: 13 });
  }, 120_000);

  it("taking an entry pins its package id in the same write, and is refused when another sender pinned it since it was read", async () => {
    const id = await queued(9);
    const read = async () => (await opened.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).payload_json;
    const asRead = await read();
    expect(JSON.parse(asRead).sentPackageId).toBeUndefined();
    // Meanwhile another sender took it, pinned package 777 and failed: the entry waits for a retry with that payload.
    const pinnedElsewhere = JSON.stringify({ ...JSON.parse(asRead), sentPackageId: 777 });
    await opened.db.updateTable('outbox').set({ payload_json: pinnedElsewhere, state: 'retry' }).where('id', '=', id).execute();
    const lease = { owner: 'test/1/0badc0de', expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const mine = JSON.stringify({ ...JSON.parse(asRead), sentPackageId: null });
    expect(await claimEntry(opened.db, id, lease, new Date().toISOString(), { read: asRead, next: mine })).toBe(false);
    expect(JSON.parse(await read()).sentPackageId).toBe(777); // the first attempt's request is repeated exactly
    // Read again (nothing left to pin), the claim goes through and the payload stays the first attempt's.
    expect(await claimEntry(opened.db, id, lease, new Date().toISOString())).toBe(true);
    expect(JSON.parse(await read()).sentPackageId).toBe(777);
    await opened.db.updateTable('outbox').set({ state: 'failed', lease_owner: null, lease_expires_at: null }).where('id', '=', id).execute();
  }, 120_000);
});
