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
import { writeOutgoing } from '../../core/outbox/outbox-writer';
import { getJobRow } from '../../core/repos/jobs.repo';
import { rowToJob } from '../../core/repos/jobs.mapper';

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

  it("taking an entry pins the job's server package in the same write, and never over an earlier attempt's pin", async () => {
    const id = await queued(9);
    const row = async () => opened.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const jobId = (await row()).job_id!;
    const setJobPackage = (packageId: number | null) => opened.db.updateTable('jobs').set({ claim_package_id: packageId }).where('id', '=', jobId).execute();
    expect(JSON.parse((await row()).payload_json).sentPackageId).toBeUndefined();
    const lease = { owner: 'test/1/0badc0de', expiresAt: new Date(Date.now() + 60_000).toISOString() };
    await setJobPackage(555);
    const taken = await claimEntry(opened.db, id, lease, new Date().toISOString());
    // Answered as it now stands: taken, and pinned to the package the job had when it was first taken.
    expect(taken).toMatchObject({ id, state: 'sending', lease_owner: lease.owner });
    expect(JSON.parse(taken!.payload_json).sentPackageId).toBe(555);
    expect(JSON.parse((await row()).payload_json).sentPackageId).toBe(555);
    // Taken while it is being sent: refused.
    expect(await claimEntry(opened.db, id, { ...lease, owner: 'test/2/0badc0de' }, new Date().toISOString())).toBeUndefined();
    // The attempt failed and waits: not taken before it is due, even from a list read earlier.
    const later = new Date(Date.now() + 60_000).toISOString();
    await opened.db.updateTable('outbox').set({ state: 'retry', next_attempt_at: later, lease_owner: null, lease_expires_at: null }).where('id', '=', id).execute();
    expect(await claimEntry(opened.db, id, lease, new Date().toISOString())).toBeUndefined();
    // Due again, with the job's package changed meanwhile: the retry repeats the first attempt's request exactly.
    await setJobPackage(999);
    const retaken = await claimEntry(opened.db, id, lease, later);
    expect(JSON.parse(retaken!.payload_json).sentPackageId).toBe(555);
    // A first attempt while the job has no server package yet pins that too (null), so a later package is not named.
    await opened.db.updateTable('outbox').set({ state: 'retry', payload_json: JSON.stringify({ ...JSON.parse(retaken!.payload_json), sentPackageId: undefined }) }).where('id', '=', id).execute();
    await setJobPackage(null);
    expect(JSON.parse((await claimEntry(opened.db, id, lease, later))!.payload_json)).toHaveProperty('sentPackageId', null);
    await opened.db.updateTable('outbox').set({ state: 'retry' }).where('id', '=', id).execute();
    await setJobPackage(42);
    expect(JSON.parse((await claimEntry(opened.db, id, lease, later))!.payload_json)).toHaveProperty('sentPackageId', null);
    await opened.db.updateTable('outbox').set({ state: 'failed', lease_owner: null, lease_expires_at: null }).where('id', '=', id).execute();
  }, 120_000);

  it('an entry taken ahead with an outcome goes back to the queue when the account signs out before its turn', async () => {
    const { jobId, entryId: first } = await queueUploadSignedOut(env.app, env.staff, 4);
    // Then a status change of the same job: due once the upload is answered, so it is taken with that outcome.
    const { order } = rowToJob((await getJobRow(opened.db, jobId))!);
    const payload = { orderType: order.orderType, orderId: order.orderId, orderNumber: order.orderNumber, status: 'on_hold' as const, reason: 'lease test' };
    const [second] = await opened.db.transaction().execute((trx) => writeOutgoing(trx, jobId, [{ kind: 'status', payload }], { at: new Date().toISOString(), queuedBy: 'demo-staff' }));
    const createClient = (url: string) => createGeoDbClient({ baseUrl: url, timeoutMs: 20_000 });
    const session = createSessionService({ db: opened.db, tokenStore: createMemoryTokenStore(), createClient });
    await session.signIn(env.staff);
    const sender = createOutboxRunner({ db: opened.db, dataDir: dataDir(), getAuth: session.getAuth, createClient, now: () => new Date() });
    env.proxy.slow = { method: 'POST', pathPrefix: UPLOAD, delayMs: 1_000 };
    const run = sender.drain();
    await env.proxy.arrived((method, path) => method === 'POST' && path.startsWith(UPLOAD));
    await session.dropToken(); // signed out while the first upload is in flight
    expect(await run).toMatchObject({ sent: 1, delivered: 1, stoppedBy: 'signed-out' });
    env.proxy.slow = null;
    expect(await state(first)).toBe('done');
    // Taken with the first one's outcome, then handed back unsent: waiting, without a lease or a counted attempt.
    const row = await opened.db.selectFrom('outbox').selectAll().where('id', '=', second!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'queued', lease_owner: null, lease_expires_at: null, attempts: 0 });
    expect(row.updated_at > row.created_at).toBe(true); // it was taken, then handed back
    expect(env.proxy.sentPerKey.get(second!)).toBeUndefined();
  }, 120_000);

  it('an entry whose payload is unreadable fails with why, and the entries after it are still sent', async () => {
    const broken = await queued(10);
    const fine = await queued(11); // queueing signs in: the app sends what waits, then signs out again
    // Damaged on disk and waiting again, ahead of the entry queued after it.
    await opened.db.updateTable('outbox').set({ payload_json: '{"orderType": "claim_order", truncated', state: 'queued', attempts: 0, done_at: null }).where('id', '=', broken).execute();
    const sentBefore = env.proxy.sentPerKey.get(broken) ?? 0;
    const report = await (await runner({ leaseTtlMs: 60_000, heartbeatMs: 10_000 })).drain();
    expect(report).toMatchObject({ sent: 2, delivered: 1, stoppedBy: null });
    expect(await state(broken)).toBe('failed');
    expect(await state(fine)).toBe('done');
    expect(env.proxy.sentPerKey.get(broken) ?? 0).toBe(sentBefore);
  }, 120_000);
});
