/**
 * Desk assignment across two desks: two data folders, two app back-ends (createClaimDeskApp) against one reference
 * server on 127.0.0.1. Desk A pulls and claims; desk B sees the holder after its sync and a staff pull there is
 * refused with the sentence; a manager on B takes over with a reason (logged, reported) and A is told and sees
 * it; a claim left alone expires on the server's moved clock (holder and managers told); an offline pull whose claim
 * arrives after another desk's claim puts the job in needs review with both names; hold and cancel release.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { openTestApp } from '../helpers/test-app';
import { assignmentPath } from '../../shared/api/assignment.schemas';
import { startReferenceServer, type ReferenceServer } from '../../server';
import { makeTempDir } from '../helpers/temp-dir';

type Server = ReferenceServer & { cleanup: () => Promise<void> };

let serverClock = Date.parse('2026-11-23T16:00:00Z'); // a Monday
let server: Server;
let temp: ReturnType<typeof makeTempDir>;
let deskA: ClaimDeskApp;
let deskB: ClaimDeskApp;

const openDesk = (name: string): Promise<ClaimDeskApp> => openTestApp(join(temp.dir, name), { now: () => new Date(serverClock) });

const signIn = (desk: ClaimDeskApp, username: string) => desk.handlers.signIn({ serverUrl: server.url, username, password: 'claimdesk-demo' });
const order = (id: number) => ({ orderType: 'claim_order' as const, id });

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  if (error === null) throw new Error('expected a refusal');
  return error;
}

async function notificationsOf(desk: ClaimDeskApp, kind = 'assignment') {
  return (await desk.handlers.listNotifications({})).notifications.filter((n) => n.kind === kind);
}

describe('desk assignment across two desks', () => {
  beforeAll(async () => {
    temp = makeTempDir();
    const started = await startReferenceServer({ dbFile: join(temp.dir, 'server.sqlite'), seed: 'demo', testHooks: true, assignmentClock: { now: () => new Date(serverClock) } });
    server = { ...started, cleanup: () => started.close() };
    deskA = await openDesk('desk-a');
    deskB = await openDesk('desk-b');
    await signIn(deskA, 'demo-staff');
    await signIn(deskB, 'demo-staff-2');
    await deskA.handlers.runSync({});
    await deskB.handlers.runSync({});
  });
  afterAll(async () => {
    await deskA?.close();
    await deskB?.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('desk A pulls and claims; desk B sees the holder and its staff pull is refused with the sentence', async () => {
    const job = await deskA.handlers.pullOrder(order(1));
    expect(job.workflow.state).toBe('pulled');
    const queued = (await deskA.handlers.listOutbox({ jobId: job.id })).entries;
    expect(queued.map((e) => [e.kind, e.summary])).toEqual([['assignment', 'Claim the order for this desk']]);
    await deskA.handlers.sendOutboxNow({});
    expect((await deskA.handlers.getOrder(order(1))).assignedTo).toMatchObject({ username: 'demo-staff', name: 'Dana Whitlock' });

    await deskB.handlers.runSync({});
    const seen = await deskB.handlers.getOrder(order(1));
    expect(seen.assignedTo).toMatchObject({ username: 'demo-staff', name: 'Dana Whitlock', since: new Date(serverClock).toISOString() });
    const queue = await deskB.handlers.queryOrders({});
    expect(queue.orders.find((o) => o.id === 1 && o.orderType === 'claim_order')?.assignedTo?.name).toBe('Dana Whitlock');
    const refused = await refusal(deskB.handlers.pullOrder(order(1)));
    expect(refused.code).toBe('assignment-held');
    expect(refused.message).toBe('Being worked by Dana Whitlock since 23 Nov 2026. Only a manager or admin can take it over, with a reason.');
    expect((await deskB.handlers.listJobs({})).jobs).toHaveLength(0);
  });

  it('a manager on desk B takes it over with a reason: logged, reported, and desk A is told and sees it', async () => {
    await deskB.handlers.signOut({});
    await signIn(deskB, 'demo-manager');
    const without = await refusal(deskB.handlers.pullOrder(order(1)));
    expect(without.message).toContain('As a manager or admin you can take it over with a reason.');
    const job = await deskB.handlers.pullOrder({ ...order(1), override: { reason: 'Dana is out sick this week' } });
    // Newest first: the take-over goes to the server before the record of why it was made.
    const entries = (await deskB.handlers.listOutbox({ jobId: job.id })).entries.map((e) => e.kind);
    expect(entries).toEqual(['event', 'assignment']);
    await deskB.handlers.sendOutboxNow({});
    const history = (await deskB.handlers.getJobHistory({ jobId: job.id })).entries;
    expect(history.find((h) => h.event === 'PULL')).toMatchObject({ override: true, overridden: ['held-by-other'], reason: 'Dana is out sick this week' });
    const events = (await (await fetch(`${server.url}/api/v2/claims/staff/orders/claim_order/1/events/`, { headers: { authorization: `Token ${await token('demo-manager')}` } })).json()) as { results: { overridden: string[]; reason: string }[] };
    expect(events.results.at(-1)).toMatchObject({ overridden: ['held-by-other'], reason: 'Dana is out sick this week' });

    await deskA.handlers.runSync({});
    const seen = await deskA.handlers.getOrder(order(1));
    expect(seen.assignedTo).toMatchObject({ username: 'demo-manager', name: 'Marisol Etcheverry' });
    const [told] = await notificationsOf(deskA);
    expect(told?.title).toBe('Marisol Etcheverry now works CO-1');
    expect(told?.body).toContain('taken over from demo-staff (Dana is out sick this week)');
    const jobA = (await deskA.handlers.listJobs({})).jobs.find((j) => j.orderId === 1)!;
    expect((await deskA.handlers.getJob({ jobId: jobA.id })).workflow.state).toBe('needs_review');
    // Told once: another sync announces nothing new.
    await deskA.handlers.runSync({});
    expect(await notificationsOf(deskA)).toHaveLength(1);
  });

  it('a claim left alone for three business days expires on the server clock; the holder and managers are told', async () => {
    await deskA.handlers.pullOrder(order(2));
    await deskA.handlers.sendOutboxNow({});
    expect((await deskA.handlers.getOrder(order(2))).assignedTo?.username).toBe('demo-staff');
    serverClock = Date.parse('2026-11-26T20:00:00Z'); // Thursday: three business days have not passed
    await deskA.handlers.runSync({});
    expect((await deskA.handlers.getOrder(order(2))).assignedTo?.username).toBe('demo-staff');
    serverClock = Date.parse('2026-11-27T09:00:00Z'); // Friday
    await deskA.handlers.runSync({});
    expect((await deskA.handlers.getOrder(order(2))).assignedTo).toBeNull();
    const expiredA = (await notificationsOf(deskA)).find((n) => n.title === 'Your claim on CO-2 expired');
    expect(expiredA?.body).toContain('no activity on it since 23 Nov 2026');
    await deskB.handlers.runSync({});
    const told = (await notificationsOf(deskB)).filter((n) => n.title.includes('CO-2'));
    expect(told.map((n) => n.title)).toEqual(["Dana Whitlock's claim on CO-2 expired"]);
  });

  it('work saved on a claimed job renews the claim, so it does not expire while someone works the order', async () => {
    serverClock = Date.parse('2026-11-30T15:00:00Z'); // Monday
    const job = await deskA.handlers.pullOrder(order(5));
    await deskA.handlers.sendOutboxNow({});
    serverClock = Date.parse('2026-12-02T15:00:00Z'); // Wednesday: a save renews the claim
    await deskA.handlers.saveJob({ jobId: job.id, patch: { step: 'layout' } });
    expect((await deskA.handlers.listOutbox({ jobId: job.id })).entries.map((e) => e.summary)).toEqual(['Claim the order for this desk']);
    await deskA.handlers.sendOutboxNow({});
    // A second save the same day queues nothing.
    await deskA.handlers.saveJob({ jobId: job.id, patch: { step: 'import' } });
    expect((await deskA.handlers.listOutbox({ jobId: job.id })).entries).toEqual([]);
    serverClock = Date.parse('2026-12-04T15:00:00Z'); // Friday: past Monday's grace, within Wednesday's
    await deskA.handlers.runSync({});
    expect((await deskA.handlers.getOrder(order(5))).assignedTo?.username).toBe('demo-staff');
  });

  it('an offline pull whose claim arrives after another desk claimed it: needs review with both names', async () => {
    // Desk A pulls while the claim cannot reach the server (the connection drops), then desk B's staff member claims.
    server.faults?.add({ method: 'POST', path: assignmentPath('claim', 'claim_order', 3), destroySocket: true, count: 1 });
    const job = await deskA.handlers.pullOrder(order(3));
    await deskA.handlers.sendOutboxNow({});
    expect((await deskA.handlers.listOutbox({ jobId: job.id })).entries[0]?.state).toBe('retry');

    await deskB.handlers.signOut({});
    await signIn(deskB, 'demo-staff-2');
    await deskB.handlers.runSync({});
    await deskB.handlers.pullOrder(order(3));
    await deskB.handlers.sendOutboxNow({});

    await deskA.handlers.retryOutboxEntry({ id: (await deskA.handlers.listOutbox({ jobId: job.id })).entries[0]!.id });
    await deskA.handlers.sendOutboxNow({});
    const after = await deskA.handlers.getJob({ jobId: job.id });
    expect(after.workflow.state).toBe('needs_review');
    const entry = (await deskA.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries[0]!;
    expect(entry.state).toBe('discarded');
    const history = (await deskA.handlers.getJobHistory({ jobId: job.id })).entries.at(-1);
    expect(history?.event).toBe('ASSIGNMENT_LOST');
    expect(history?.reason).toMatch(/^Being worked by Tomas Arriaga since 4 Dec 2026; demo-staff pulled it here on 4 Dec 2026/);
    const told = (await notificationsOf(deskA)).find((n) => n.title === 'CO-3: someone else works this order');
    expect(told?.body).toContain('Tomas Arriaga');
    expect(told?.body).toContain('demo-staff');
    expect((await deskA.handlers.getOrder(order(3))).assignedTo?.name).toBe('Tomas Arriaga');
  });

  it('hold releases (the setting), resume claims again, cancel and Release end the claim', async () => {
    const job = await deskB.handlers.pullOrder(order(4));
    await deskB.handlers.sendOutboxNow({});
    expect((await deskB.handlers.getOrder(order(4))).assignedTo?.username).toBe('demo-staff-2');
    await deskB.handlers.fireWorkflowEvent({ jobId: job.id, action: 'HOLD', reason: 'waiting on the customer' });
    await deskB.handlers.sendOutboxNow({});
    expect((await deskB.handlers.getOrder(order(4))).assignedTo).toBeNull();
    await deskB.handlers.fireWorkflowEvent({ jobId: job.id, action: 'RESUME', reason: null });
    await deskB.handlers.sendOutboxNow({});
    expect((await deskB.handlers.getOrder(order(4))).assignedTo?.username).toBe('demo-staff-2');
    const released = await deskB.handlers.releaseOrder(order(4));
    expect(released.queued).toBe('release');
    await deskB.handlers.sendOutboxNow({});
    expect((await deskB.handlers.getOrder(order(4))).assignedTo).toBeNull();
    const again = await deskB.handlers.claimOrder(order(4));
    expect(again.queued).toBe('claim');
    await deskB.handlers.sendOutboxNow({});
    await deskB.handlers.fireWorkflowEvent({ jobId: job.id, action: 'CANCEL', reason: 'customer withdrew' });
    await deskB.handlers.sendOutboxNow({});
    await deskA.handlers.runSync({});
    expect((await deskA.handlers.getOrder(order(4))).assignedTo).toBeNull();
  });
});

async function token(username: string): Promise<string> {
  const answer = await fetch(`${server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'claimdesk-demo' }) });
  return ((await answer.json()) as { token: string }).token;
}
