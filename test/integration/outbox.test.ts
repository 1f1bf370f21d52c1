/**
 * The outbox against the reference server with injected faults. After every scenario the server must hold
 * exactly one package per order with each document once, and nothing local may be lost.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { setEntryState } from '../../core/repos/outbox.repo';
import { openDatabase } from '../../core/db/open-database';
import { readUploadReceipt } from '../../shared/api/answer-readers';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { OutboxEntryView } from '../../shared/outbox/outbox.types';
import { SERVER_PROFILES } from '../../server';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const UPLOAD = '/api/v2/claims/documents/';

describe.each(SERVER_PROFILES)('the outbox over real parts (%s profile)', (profile) => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  let clock = new Date('2026-11-22T16:00:00Z').getTime();
  const tick = (ms: number) => (clock += ms);
  const dataDir = () => join(temp.dir, 'data');

  const hook = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${server.url}/__test__/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const fault = (spec: Record<string, unknown>) => hook('POST', 'faults', { method: 'POST', path: UPLOAD, count: 1, ...spec });
  const fulfilment = (id: number, type = 'claim_order') => hook('GET', `orders/${type}/${id}/fulfilment`);

  async function openApp(): Promise<ClaimDeskApp> {
    const opened = await openTestApp(dataDir(), { uploadTimeoutMs: 1_500, now: () => new Date(clock) });
    await opened.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    for (let i = 0; i < 100 && (await opened.handlers.getSyncStatus({})).cachedOrders === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    return opened;
  }

  /** Pull the order, lay out its claims as drawn, generate the package: a job ready to upload. */
  async function readyJob(orderId: number, orderType: 'claim_order' | 'claim_purchase' = 'claim_order'): Promise<number> {
    let job = await app.handlers.pullOrder({ orderType, id: orderId });
    // The pull's claim (desk assignment) goes first, so each test's faults meet the entry it is about.
    await app.handlers.sendOutboxNow({});
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
    job = await app.handlers.validateLayout({ jobId: job.id });
    if (job.claimant.claimantName === '') {
      // BLM Map purchases carry no claimant: staff enter one in the Claimant step.
      job = await app.handlers.saveJob({ jobId: job.id, patch: { claimant: { ...job.claimant, claimantName: 'Sagebrush Minerals LLC', address1: '12 Main St', address2: 'Tonopah, NV 89049' } } });
    }
    await app.handlers.generatePackage({ jobId: job.id });
    return job.id;
  }

  async function entry(id: string): Promise<OutboxEntryView> {
    const { entries } = await app.handlers.listOutbox({ includeClosed: true });
    return entries.find((e) => e.id === id)!;
  }

  /** The cache's delivery rows for a job, read from a second connection as another process would. */
  async function readDeliveries(jobId: number): Promise<{ outbox_id: string; claim_package_id: number | null }[]> {
    const reader = await openDatabase({ file: join(dataDir(), 'claimdesk.sqlite') });
    try {
      return reader.sqlite.prepare('SELECT outbox_id, claim_package_id FROM deliveries WHERE job_id = ? ORDER BY delivered_at').all(jobId) as { outbox_id: string; claim_package_id: number | null }[];
    } finally {
      await reader.close();
    }
  }

  /** Each document of an entry with the id the server gave it, and what the server's stored answer says it gave. */
  async function readDocumentIds(entryId: string): Promise<{ stored: Record<string, number | null>; answered: Record<string, number> }> {
    const reader = await openDatabase({ file: join(dataDir(), 'claimdesk.sqlite') });
    try {
      const rows = reader.sqlite.prepare('SELECT file_name, server_document_id FROM outbox_documents WHERE outbox_id = ?').all(entryId) as { file_name: string; server_document_id: number | null }[];
      const { response_json } = reader.sqlite.prepare('SELECT response_json FROM outbox WHERE id = ?').get(entryId) as { response_json: string };
      const receipt = readUploadReceipt(JSON.parse(response_json));
      const answered = Object.fromEntries((receipt.ok ? receipt.value.documents : []).filter((doc) => rows.some((row) => row.file_name === doc.filename)).map((doc) => [doc.filename, doc.documentId]));
      return { stored: Object.fromEntries(rows.map((row) => [row.file_name, row.server_document_id])), answered };
    } finally {
      await reader.close();
    }
  }

  async function settle(): Promise<void> {
    await app.handlers.sendOutboxNow({});
  }

  beforeAll(async () => {
    server = await startTestServer('demo', profile);
    temp = makeTempDir();
    app = await openApp();
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('delivers a package once, stores the server package on the job and sends it with the next upload', async () => {
    const jobId = await readyJob(1);
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    const done = await entry(queued.id);
    expect(done).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    const job = await app.handlers.getJob({ jobId });
    expect(job.serverPackage?.id).toEqual(expect.any(Number));
    // A claim_order that is done reads "fulfilled" on the server, a claim_purchase "completed".
    expect(await fulfilment(1)).toMatchObject({ status: expect.stringMatching(/^(completed|fulfilled)$/), packages: 1, documents: 14 });
    // Every document the entry sent keeps the id the server answered for it.
    const documentIds = await readDocumentIds(queued.id);
    expect(Object.keys(documentIds.stored).length).toBeGreaterThan(5);
    expect(documentIds.stored).toEqual(documentIds.answered);

    // Delivered stays closed: regenerating needs a manager's reopen, which is logged and sent to the server.
    expect(job.workflow.state).toBe('delivered');
    await expect(app.handlers.generatePackage({ jobId })).rejects.toMatchObject({ code: 'workflow-refused' });
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-manager', password: 'claimdesk-demo' });
    await app.handlers.fireWorkflowEvent({ jobId, action: 'REOPEN', reason: null, override: { reason: 'Customer asked for corrected notices' } });
    // The override record reads as staff say it in the outbox list: the rule in words, never its code.
    const overrideEntry = (await app.handlers.listOutbox({ jobId, includeClosed: true })).entries.find((e) => e.kind === 'event');
    expect(overrideEntry?.summary).toBe('Override by demo-manager (reopening a closed job): Reopen — Customer asked for corrected notices');
    // Nothing changed by reopening: the layout stays accepted, so the package is made again without validating again.
    expect((await app.handlers.getJob({ jobId })).workflow.state).toBe('documents_ready');
    await app.handlers.generatePackage({ jobId });
    const again = await app.handlers.queueUpload({ jobId });
    await settle();
    expect(await entry(again.id)).toMatchObject({ state: 'done' });
    expect((await app.handlers.getJob({ jobId })).serverPackage?.id).toBe(job.serverPackage?.id);
    expect(await fulfilment(1)).toMatchObject({ packages: 1 });
    // Each confirmed upload is a delivery row; the claims sent twice are counted once each.
    const deliveries = await readDeliveries(jobId);
    expect(deliveries.map((d) => d.outbox_id).sort()).toEqual([queued.id, again.id].sort());
    expect(deliveries.every((d) => d.claim_package_id === job.serverPackage?.id)).toBe(true);
    const delivered = (await app.handlers.getJob({ jobId })).workflow.progress;
    expect(delivered.claimsDelivered).toBe(job.layout.claims.length);
    const history = (await app.handlers.getJobHistory({ jobId })).entries;
    expect(history.map((e) => e.event)).toContain('REOPEN');
    expect(history.find((e) => e.event === 'REOPEN')).toMatchObject({ from: 'delivered', to: 'documents_ready', override: true, overridden: ['reopen-closed'], actor: { username: 'demo-manager', role: 'manager' } });
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
  });

  it('waits for Retry-After on 503, then delivers', async () => {
    const jobId = await readyJob(2);
    await fault({ status: 503, retryAfterSeconds: 30 });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    const waiting = await entry(queued.id);
    expect(waiting).toMatchObject({ state: 'retry', attempts: 1 });
    expect(Date.parse(waiting.nextAttemptAt!) - clock).toBe(30_000);
    expect(waiting.lastError).toMatch(/503/);
    await settle();
    expect((await entry(queued.id)).attempts).toBe(1);
    tick(31_000);
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done', attempts: 2 });
    // Documents per package: every file and the manifest; order 2 lies in a state that records the posted notice itself.
    expect(await fulfilment(2)).toMatchObject({ packages: 1, documents: 13 });
  });

  it('retries a 500 and a timeout (the server held the answer after applying), and still holds one package', async () => {
    const jobId = await readyJob(1, 'claim_purchase');
    await fault({ status: 500 });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'retry', lastError: expect.stringContaining('500') });
    await fault({ afterApply: true, delayMs: 5_000 });
    tick(15 * 60_000);
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'retry', attempts: 2, lastError: expect.stringMatching(/did not answer in time/) });
    tick(15 * 60_000);
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done', attempts: 3 });
    expect(await fulfilment(1, 'claim_purchase')).toMatchObject({ packages: 1, documents: 14 });
  });

  it('survives a lost answer: the server applied the upload, the resend is answered from its key or added to the order\'s package, nothing doubles', async () => {
    const jobId = await readyJob(4);
    await fault({ afterApply: true, destroySocket: true });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'retry' });
    expect(await fulfilment(4)).toMatchObject({ packages: 1, documents: 14 });
    tick(15 * 60_000);
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done' });
    expect(await fulfilment(4)).toMatchObject({ packages: 1, documents: 14 });
    expect((await app.handlers.getJob({ jobId })).serverPackage).not.toBeNull();
    // Recorded once, when the resend was answered: the lost answer left no delivery behind.
    expect((await readDeliveries(jobId)).map((d) => d.outbox_id)).toEqual([queued.id]);
  });

  it('sends an upload for an order cancelled on the server to review, keeps it, and lets staff discard it', async () => {
    const jobId = await readyJob(5);
    await hook('PATCH', 'orders/claim_order/5', { status: 'cancelled' });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    const review = await entry(queued.id);
    expect(review.state).toBe('needs_review');
    expect(review.lastError).toMatch(/409.*cancel/i);
    expect(existsSync(join(dataDir(), 'outbox', queued.id, 'location-notices.pdf'))).toBe(true);
    expect(await fulfilment(5)).toMatchObject({ packages: 0 });
    expect(await app.handlers.discardOutboxEntry({ id: queued.id })).toMatchObject({ state: 'discarded' });

    // The next sync learns the order left the pending list: the job is flagged, its work kept, until staff decide.
    await app.handlers.runSync({});
    const flagged = await app.handlers.getJob({ jobId });
    expect(flagged.conflict).toMatchObject({ orderStatus: 'gone', message: expect.stringContaining('no longer listed') });
    expect((await app.handlers.listJobs({})).jobs.find((j) => j.id === jobId)?.conflict?.orderStatus).toBe('gone');
    expect((await app.handlers.getPackage({ jobId })).package).not.toBeNull();
    const kept = await app.handlers.resolveConflict({ jobId, choice: 'keep' });
    expect(kept.conflict).toBeNull();
    await expect(app.handlers.resolveConflict({ jobId, choice: 'keep' })).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('keeps a refused upload as failed with the server message until it is retried', async () => {
    const jobId = await readyJob(10);
    await fault({ status: 400, body: { detail: 'claims: the JSON could not be read' } });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('claims: the JSON could not be read') });
    tick(3_600_000);
    await settle();
    expect((await entry(queued.id)).state).toBe('failed');
    await app.handlers.retryOutboxEntry({ id: queued.id });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await fulfilment(10)).toMatchObject({ packages: 1, documents: 14 });
  });

  it('sends an upload the server took (2xx) but answered without a package to review, saying what is missing', async () => {
    const jobId = await readyJob(3, 'claim_purchase');
    const packageBefore = (await app.handlers.getJob({ jobId })).serverPackage;
    await fault({ afterApply: true, status: 201, body: { documents: [], message: 'Documents generated.' } });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    const review = await entry(queued.id);
    expect(review).toMatchObject({ state: 'needs_review', attempts: 1 });
    expect(review.lastError).toMatch(/accepted it \(HTTP 201\) but the upload answer lacks a claim package id .*Check the order on the server/);
    // Applied on the server, so never resent by itself; the job keeps what it knew (the order's own package).
    tick(3_600_000);
    await settle();
    expect((await entry(queued.id)).state).toBe('needs_review');
    // Every file of the package and its manifest, once.
    const generated = (await app.handlers.getPackage({ jobId })).package!.manifest.files.length + 1;
    expect(await fulfilment(3, 'claim_purchase')).toMatchObject({ packages: 1, documents: generated });
    expect((await app.handlers.getJob({ jobId })).serverPackage).toEqual(packageBefore);
  });

  it('pauses on 401 without counting the attempt, and sends after a new sign-in', async () => {
    const jobId = await readyJob(9);
    await fault({ status: 401, body: { detail: 'Invalid token.' } });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'paused', attempts: 0 });
    expect((await app.handlers.getSession({})).signedIn).toBe(false);
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await fulfilment(9)).toMatchObject({ packages: 1 });
  });

  /** The status change a workflow decision queued (the newest of the job's status entries). */
  async function statusEntry(jobId: number): Promise<OutboxEntryView> {
    const { entries } = await app.handlers.listOutbox({ jobId, includeClosed: true });
    const found = entries.find((e) => e.kind === 'status');
    if (!found) throw new Error(`job ${jobId} queued no status change`);
    return found;
  }

  it('sends an order status change written locally in the same transaction', async () => {
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 8 });
    await app.handlers.fireWorkflowEvent({ jobId: job.id, action: 'HOLD', reason: 'Waiting for the claimant to sign' });
    const queued = await statusEntry(job.id);
    expect(queued).toMatchObject({ statusChange: 'on_hold', summary: 'Order status → on hold (Waiting for the claimant to sign)' });
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 8 })).status).toBe('on_hold');
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done' });
    expect(await fulfilment(8)).toMatchObject({ status: 'on_hold' });

    // Cancelling from here is not a conflict, neither now nor after the sync that sees the order leave.
    await app.handlers.fireWorkflowEvent({ jobId: job.id, action: 'CANCEL', reason: 'Customer asked' });
    const cancel = await statusEntry(job.id);
    expect(cancel.statusChange).toBe('cancelled');
    expect((await app.handlers.getJob({ jobId: job.id })).conflict).toBeNull();
    await settle();
    expect(await entry(cancel.id)).toMatchObject({ state: 'done' });
    await app.handlers.runSync({});
    expect((await app.handlers.getJob({ jobId: job.id })).conflict).toBeNull();
  });

  it('resumes an entry a crash left in flight, and the server still holds one package', async () => {
    const jobId = await readyJob(11);
    await fault({ afterApply: true, destroySocket: true });
    const queued = await app.handlers.queueUpload({ jobId });
    await settle();
    await app.close();
    // As if the process died mid-send: the entry is left "sending".
    const raw = await openDatabase({ file: join(dataDir(), 'claimdesk.sqlite') });
    await setEntryState(raw.db, queued.id, { state: 'sending', updated_at: new Date(clock).toISOString() });
    await raw.close();
    app = await openApp();
    await app.start();
    await settle();
    expect(await entry(queued.id)).toMatchObject({ state: 'done' });
    expect(await fulfilment(11)).toMatchObject({ packages: 1, documents: 14 });
  });
});
