/**
 * A GeoDB server without desk assignment (the seed-000 profile: the contract only, 404 for our assignment
 * endpoints): pulling works locally, documents are made and uploaded and the order is delivered, the desk says
 * once that assignment is not supported, the claim ends as discarded with why (never retried), and nothing more
 * is queued for assignment on that server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { openTestApp } from '../helpers/test-app';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('desk assignment against a server without it (seed-000 profile)', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;

  beforeAll(async () => {
    server = await startTestServer('demo', 'seed000');
    temp = makeTempDir();
    app = await openTestApp(join(temp.dir, 'data'));
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await app.handlers.runSync({});
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('pulls, makes and uploads the package, and says once that assignment is not supported', async () => {
    // Not known until the server answers a claim: the order panel may offer one.
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 1 })).deskAssignment).toBe(true);
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
    expect(job.workflow.state).toBe('pulled');
    await app.handlers.sendOutboxNow({});
    // Known now: nothing is offered to claim or take over against this server.
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 1 })).deskAssignment).toBe(false);
    const [claim] = (await app.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries;
    expect(claim).toMatchObject({ kind: 'assignment', state: 'discarded', attempts: 1 });
    expect(claim?.lastError).toContain('This server does not support desk assignment');

    job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'layout', layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN'), grid: null } } });
    job = await app.handlers.validateLayout({ jobId: job.id });
    job = await app.handlers.confirmClaimant({ jobId: job.id });
    await app.handlers.generatePackage({ jobId: job.id });
    await app.handlers.queueUpload({ jobId: job.id });
    await app.handlers.sendOutboxNow({});
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('delivered');

    // A second order: nothing is queued for assignment any more, and no second notice.
    const second = await app.handlers.pullOrder({ orderType: 'claim_order', id: 2 });
    expect((await app.handlers.listOutbox({ jobId: second.id, includeClosed: true })).entries).toEqual([]);
    const released = await app.handlers.releaseOrder({ orderType: 'claim_order', id: 2 });
    expect(released).toMatchObject({ queued: null, unsupported: true });
    await app.handlers.sendOutboxNow({});
    const notices = (await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'assignment');
    expect(notices.map((n) => n.title)).toEqual(['Desk assignment is not supported by this server']);
    expect((await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'upload_failed')).toEqual([]);
    expect((await app.handlers.getOrder({ orderType: 'claim_order', id: 1 })).assignedTo).toBeNull();
  }, 120_000);
});
