/**
 * The fulfilment workflow over real parts: the app back-end on a real cache file, the reference server on
 * 127.0.0.1. An order is walked from pulled to delivered (completing by itself once every purchased claim is
 * delivered), every step logged; the payment guard and a manager's override (logged and received by the server as a
 * domain event); hold and resume reaching the server; a server cancellation under a job; the dashboard's counts
 * equal to the queue each opens; notifications, duplicates and stale work; and the CLI's history and orders.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { DASHBOARD_FOCUSES } from '../../shared/workflow/workflow-focus';
import { SERVER_PROFILES } from '../../server';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const DAY = 86_400_000;

describe.each(SERVER_PROFILES)('the fulfilment workflow over real parts (%s profile)', (profile) => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  let clock = Date.parse('2026-11-22T17:00:00Z');
  const dataDir = () => join(temp.dir, 'data');
  const signIn = (username: string) => app.handlers.signIn({ serverUrl: server.url, username, password: 'claimdesk-demo' });

  async function serverToken(username: string): Promise<string> {
    const answer = await fetch(`${server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'claimdesk-demo' }) });
    return ((await answer.json()) as { token: string }).token;
  }

  beforeAll(async () => {
    server = await startTestServer('demo', profile);
    temp = makeTempDir();
    app = await openTestApp(dataDir(), { now: () => new Date(clock) });
    await signIn('demo-staff');
    await app.handlers.runSync({});
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('walks an order from pulled to delivered, logging each step, and it completes by itself', async () => {
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
    expect(job.workflow.state).toBe('pulled');
    expect(job.workflow.paymentState).toBe('paid');
    job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'layout', layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN'), grid: null } } });
    expect(job.workflow.state).toBe('laying_out');
    // Where the person looks moves nothing: only the command does.
    job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'claimant' } });
    expect(job.workflow.state).toBe('laying_out');
    job = await app.handlers.validateLayout({ jobId: job.id });
    expect(job.workflow.state).toBe('validated');
    job = await app.handlers.confirmClaimant({ jobId: job.id });
    expect(job.workflow.state).toBe('validated');
    await app.handlers.generatePackage({ jobId: job.id });
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('documents_ready');
    await app.handlers.queueUpload({ jobId: job.id });
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('uploading');
    await app.handlers.sendOutboxNow({});

    job = await app.handlers.getJob({ jobId: job.id });
    expect(job.workflow.state).toBe('delivered');
    expect(job.workflow.progress).toMatchObject({ claimsPurchased: 6, claimsDelivered: 6, claimsRemaining: 0, completionPercent: 100, complete: true, overdue: false });
    const { entries } = await app.handlers.getJobHistory({ jobId: job.id });
    expect(entries.map((e) => [e.from, e.to, e.event])).toEqual([
      ['queued', 'pulled', 'PULL'],
      ['pulled', 'laying_out', 'EDIT_LAYOUT'],
      ['laying_out', 'validated', 'VALIDATE_OK'],
      ['validated', 'documents_ready', 'DOCUMENTS_GENERATED'],
      ['documents_ready', 'uploading', 'UPLOAD_QUEUED'],
      ['uploading', 'delivered', 'UPLOAD_DELIVERED'],
    ]);
    expect(entries[0]!.actor).toEqual({ username: 'demo-staff', role: 'staff' });
    expect(entries[5]!.actor).toEqual({ username: 'claimdesk', role: 'system' });

    // A delivered order stays closed: edits are refused with the machine's message, nothing changes.
    await expect(app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: job.layout.claims.slice(1), grid: null } } })).rejects.toMatchObject({
      code: 'workflow-refused',
      message: expect.stringMatching(/not possible while the job is delivered.*manager or admin can reopen/),
    });
    expect((await app.handlers.getJob({ jobId: job.id })).layout.claims).toHaveLength(6);

    const row = (await app.handlers.queryOrders({ search: 'CO-' })).orders.find((o) => o.orderType === 'claim_order' && o.id === 1)!;
    expect(row).toMatchObject({ workflowState: 'delivered', claimsDelivered: 6, overdue: false, daysRemaining: null });
    expect((await app.handlers.getDashboard({})).claimsDeliveredThisWeek).toBe(6);
    // Generates and uploads a whole package: slow on a loaded machine.
  }, 120_000);

  it('refuses work on an unpaid order for staff, and records a manager override on the server', async () => {
    const refused = await app.handlers.pullOrder({ orderType: 'claim_purchase', id: 2 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'workflow-refused', message: expect.stringMatching(/awaiting payment.*Only a manager or admin can override/) });
    const asStaff = await app.handlers.pullOrder({ orderType: 'claim_purchase', id: 2, override: { reason: 'Paid by phone' } }).catch((e: unknown) => e);
    expect(asStaff).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/signed in as staff/) });
    expect((await app.handlers.listJobs({})).jobs.some((j) => j.orderType === 'claim_purchase' && j.orderId === 2)).toBe(false);

    await signIn('demo-manager');
    const job = await app.handlers.pullOrder({ orderType: 'claim_purchase', id: 2, override: { reason: 'Paid by phone, receipt 4411' } });
    expect(job.workflow.state).toBe('pulled');
    const [entry] = (await app.handlers.getJobHistory({ jobId: job.id })).entries;
    expect(entry).toMatchObject({ event: 'PULL', override: true, overridden: ['awaiting-payment'], reason: 'Paid by phone, receipt 4411', actor: { username: 'demo-manager', role: 'manager' } });
    await app.handlers.sendOutboxNow({});
    const events = await fetch(`${server.url}/api/v2/claims/staff/orders/claim_purchase/2/events/`, { headers: { authorization: `Token ${await serverToken('demo-staff')}` } });
    const { results } = (await events.json()) as { results: { event: string; overridden: string[]; reason: string; recorded_by: string }[] };
    expect(results).toEqual([expect.objectContaining({ event: 'PULL', overridden: ['awaiting-payment'], reason: 'Paid by phone, receipt 4411', recorded_by: 'demo-manager' })]);
    await signIn('demo-staff');
  });

  it('checks the layout again in the back-end before a job counts as validated', async () => {
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 6 }); // drawn 1,540 ft long on purpose
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C6'), grid: null } } });
    const refused = await app.handlers.validateLayout({ jobId: job.id }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'workflow-refused', message: expect.stringMatching(/does not pass validation yet: .*1,5\d\d/) });
    const after = await app.handlers.getJob({ jobId: job.id });
    expect(after.workflow.state).toBe('laying_out');
    expect(after.workflow.events.find((e) => e.event === 'VALIDATE_OK')).toMatchObject({ status: 'blocked', blockedBy: ['layout-invalid'] });
    expect(after.workflow.steps.validate).toMatchObject({ done: false, command: 'validateLayout' });
    expect(after.workflow.steps.validate.problems.join(' ')).toMatch(/1,5\d\d/);
  });

  it('logs a manager\'s capacity override and sends it to the server as a domain event', async () => {
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 3 });
    // Each claim split in two halves: twice the claims purchased, all legal and all inside the order's area, so
    // capacity is the only thing in the way.
    const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const halves = claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C3').flatMap((c) => {
      const [a, b, d, e] = c.corners as [[number, number], [number, number], [number, number], [number, number]];
      return [
        { ...c, id: `${c.id}-a`, name: `${c.name}-A`, corners: [a, b, mid(b, d), mid(a, e)] },
        { ...c, id: `${c.id}-b`, name: `${c.name}-B`, corners: [mid(a, e), mid(b, d), d, e] },
      ];
    });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: halves, grid: null } } });
    const byStaff = await app.handlers.validateLayout({ jobId: job.id }).catch((e: unknown) => e);
    expect(byStaff).toMatchObject({ code: 'workflow-refused', message: expect.stringMatching(/more than purchased.*Only a manager or admin can override/) });
    await signIn('demo-admin');
    try {
      job = await app.handlers.saveJob({ jobId: job.id, patch: { capacityOverride: { reason: 'Second block bought by phone' } } });
      job = await app.handlers.validateLayout({ jobId: job.id });
      expect(job.workflow.state).toBe('validated');
      const logged = (await app.handlers.getJobHistory({ jobId: job.id })).entries.find((e) => e.event === 'CAPACITY_OVERRIDE');
      expect(logged).toMatchObject({ override: true, overridden: ['over-capacity'], reason: 'Second block bought by phone', actor: { username: 'demo-admin', role: 'admin' } });
      await app.handlers.sendOutboxNow({});
      const events = await fetch(`${server.url}/api/v2/claims/staff/orders/claim_order/3/events/`, { headers: { authorization: `Token ${await serverToken('demo-staff')}` } });
      expect(((await events.json()) as { results: { event: string }[] }).results.map((r) => r.event)).toEqual(['CAPACITY_OVERRIDE']);
    } finally {
      await signIn('demo-staff');
    }
  });

  it('puts a job on hold and resumes it, telling the server each time', async () => {
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 4 });
    const held = await app.handlers.fireWorkflowEvent({ jobId: job.id, action: 'HOLD', reason: 'Waiting for the survey' });
    expect(held.workflow).toMatchObject({ state: 'on_hold', resumeTo: 'pulled' });
    expect(held.workflow.events.find((a) => a.event === 'RESUME')?.status).toBe('allowed');
    const resumed = await app.handlers.fireWorkflowEvent({ jobId: job.id, action: 'RESUME', reason: null });
    expect(resumed.workflow.state).toBe('pulled');
    await app.handlers.sendOutboxNow({});
    const all = (await app.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries;
    // The desk's claim travels beside the status changes (desk assignment; a seed-000 server has none of it).
    const entries = all.filter((e) => e.kind === 'status');
    expect(entries.map((e) => [e.statusChange, e.state])).toEqual(expect.arrayContaining([['on_hold', 'done'], ['in_progress', 'done']]));
    expect(entries).toHaveLength(2);
    const reopen = await app.handlers.fireWorkflowEvent({ jobId: job.id, action: 'REOPEN', reason: null }).catch((e: unknown) => e);
    expect(reopen).toMatchObject({ code: 'workflow-refused', message: expect.stringMatching(/"Reopen" is not possible while the job is pulled/) });
  });

  it('flags a job whose order the server cancelled, and tells staff', async () => {
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 5 });
    await fetch(`${server.url}/__test__/orders/claim_order/5`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'cancelled' }) });
    await app.handlers.runSync({});
    const flagged = await app.handlers.getJob({ jobId: job.id });
    expect(flagged.workflow).toMatchObject({ state: 'needs_review', resumeTo: 'pulled' });
    const { notifications } = await app.handlers.listNotifications({});
    // A cancelled order leaves the pending list, so what the desk knows is that it is no longer listed.
    expect(notifications.find((n) => n.kind === 'order_changed' && n.jobId === job.id)?.title).toMatch(/CO-5 is no longer listed as pending on the server/);
    expect((await app.handlers.getDashboard({})).counts.needs_review).toBeGreaterThanOrEqual(1);
  });

  it('counts on the dashboard exactly what each click-through shows in the queue', async () => {
    const dashboard = await app.handlers.getDashboard({});
    expect(dashboard.today).toBe('2026-11-22');
    expect(dashboard.counts.awaiting_payment).toBeGreaterThan(0);
    expect(dashboard.counts.overdue).toBeGreaterThan(0);
    for (const focus of DASHBOARD_FOCUSES) {
      const { total, orders } = await app.handlers.queryOrders({ focus });
      expect(total, focus).toBe(dashboard.counts[focus]);
      if (focus === 'awaiting_payment') expect(orders.every((o) => o.paymentState === 'awaiting_payment')).toBe(true);
      if (focus === 'overdue') expect(orders.every((o) => o.overdue)).toBe(true);
    }
    expect(dashboard.oldestWaiting?.orderNumber).toEqual(expect.any(String));
  });

  it('flags possible duplicate purchases on both orders after a sync', async () => {
    const token = await serverToken('demo-staff');
    const pending = (await (await fetch(`${server.url}/api/v2/claims/staff/pending-orders/`, { headers: { authorization: `Token ${token}` } })).json()) as { orders: Record<string, unknown>[] };
    const original = pending.orders.find((o) => o['order_type'] === 'claim_order' && o['id'] === 2)!;
    await server.store.insertRawOrder({ ...original, id: 77, order_number: 'CO-DUP-77', created_at: '2026-11-21T09:00:00Z' });
    await app.handlers.runSync({});
    const rows = (await app.handlers.queryOrders({ focus: 'duplicates' })).orders.map((o) => `${o.orderType}:${o.id}`);
    expect(rows).toEqual(expect.arrayContaining(['claim_order:2', 'claim_order:77']));
    const detail = await app.handlers.getOrder({ orderType: 'claim_order', id: 77 });
    expect(detail.duplicates).toEqual([expect.objectContaining({ other: { orderType: 'claim_order', id: 2 }, share: expect.any(Number) })]);
    expect(detail.duplicates[0]!.share).toBeGreaterThan(0.99);
    expect(detail.duplicates[0]!.claims.length).toBeGreaterThan(0);
    expect(detail.paymentDetail).toMatch(/order status "approved"/);
    const { notifications } = await app.handlers.listNotifications({});
    expect(notifications.some((n) => n.kind === 'duplicate_orders' && /CO-DUP-77/.test(n.body))).toBe(true);
    expect(notifications.some((n) => n.kind === 'new_orders' && /CO-DUP-77/.test(n.title + n.body))).toBe(true);
  });

  it('finds stale work with the scheduled check and announces it once', async () => {
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 7 });
    clock += 8 * DAY;
    try {
      expect((await app.handlers.queryOrders({ focus: 'stale' })).orders.map((o) => o.id)).toContain(7);
      expect((await app.handlers.getJob({ jobId: job.id })).workflow.stale).toMatchObject({ stale: true, idleDays: 8 });
      const before = (await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'stale_jobs' && n.jobId === job.id);
      expect(before).toHaveLength(0);
      await app.start(); // runs the check once at start (the interval is off in this test)
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = (await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'stale_jobs' && n.jobId === job.id);
      expect(after).toHaveLength(1);
      const { unread } = await app.handlers.markNotificationsRead({});
      expect(unread).toBe(0);
    } finally {
      clock -= 8 * DAY;
    }
  });

  it('prints an order history and the orders with their workflow fields from the CLI', async () => {
    const history = await cli(['history', '--order', 'claim_order:1', '--data-dir', dataDir(), '--json']);
    expect(history.code).toBe(0);
    const entries = JSON.parse(history.stdout) as { from: string | null; to: string; event: string; actor: { username: string }; at: string; reason: string | null }[];
    expect(entries.map((e) => e.to)).toEqual(['pulled', 'laying_out', 'validated', 'documents_ready', 'uploading', 'delivered']);
    expect(Object.keys(entries[0]!)).toEqual(expect.arrayContaining(['from', 'to', 'event', 'actor', 'at', 'reason']));
    const orders = await cli(['orders', '--data-dir', dataDir(), '--json']);
    const parsed = JSON.parse(orders.stdout) as Record<string, unknown>[];
    const co1 = parsed.find((o) => o['order_type'] === 'claim_order' && o['id'] === 1)!;
    expect(co1).toMatchObject({ workflow_state: 'delivered', payment_state: 'paid', claims_delivered: 6, overdue: false });
    expect(co1['target_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const cp2 = parsed.find((o) => o['order_type'] === 'claim_purchase' && o['id'] === 9)!;
    expect(cp2).toMatchObject({ payment_state: 'awaiting_payment', workflow_state: null, claims_delivered: 0 });
  });
});
