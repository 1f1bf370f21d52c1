/**
 * Field crews over real parts: three desks (a manager's and two crew members', each its own data folder and app
 * back-end) against the reference server on 127.0.0.1 with a clock the test moves. Coverage filtering of the
 * "Awaiting crew" queue, interests registered and withdrawn through the outbox, the manager notified and assigning
 * one, the competing interest rejected with the reason and its crew notified, expiry on the moved clock, a refused
 * decision kept failed in the outbox, the workflow's guard (no crew: the posts cannot be accepted as staked), and
 * `orders --json`'s crew. Then a seed-000 server: no crews, said once, everything else works.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { startReferenceServer, type ReferenceServer } from '../../server';
import { DEMO_CREW, DEMO_MANAGER, DEMO_PASSWORD, type DemoUser } from '../../server/demo-users';
import type { OrderKey } from '../../shared/domain/order.types';
import type { Job } from '../../shared/jobs/job.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

const SECOND_CREW: DemoUser = { ...DEMO_CREW, username: 'crew-two', first_name: 'Sage', last_name: 'Begay', email: 'two@crew.example', coverage: [{ state: 'NV', county: 'Esmeralda' }] };
/** Goldfield East, Esmeralda County NV: staking service, inside both crews' coverage. */
const SB: OrderKey = { orderType: 'claim_purchase', id: 1 };
const HOUR = 3_600_000;

let serverClock = Date.parse('2026-11-22T15:00:00Z');
let server: ReferenceServer;
const temp = makeTempDir('claimdesk-crews-');

async function desk(name: string, user: DemoUser, url: string): Promise<ClaimDeskApp & { dataDir: string }> {
  const dataDir = join(temp.dir, name);
  const app = await openTestApp(dataDir);
  await app.handlers.signIn({ serverUrl: url, username: user.username, password: DEMO_PASSWORD });
  return Object.assign(app, { dataDir });
}

/** A sync reads the crew board after it (and announces what changed): how every desk learns of the others. */
async function sync(app: ClaimDeskApp): Promise<void> {
  await app.handlers.runSync({});
}

async function send(app: ClaimDeskApp): Promise<void> {
  await app.handlers.sendOutboxNow({});
  await sync(app);
}

async function titles(app: ClaimDeskApp): Promise<string[]> {
  return (await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'crew' || n.kind === 'upload_failed').map((n) => n.title);
}

/** The corners of the order's first claim as a crew's CSV of posts. */
function postsCsv(job: Job): string {
  const geometry = job.order.orderClaims[0]?.geometry;
  const corners = geometry?.type === 'Polygon' ? geometry.coordinates[0]!.slice(0, 4) : [];
  return ['name,latitude,longitude', ...corners.map((c: readonly number[], i: number) => `P${i + 1},${c[1]},${c[0]}`)].join('\n');
}

async function awaitingCrew(app: ClaimDeskApp): Promise<number[]> {
  return (await app.handlers.queryOrders({ awaitingCrew: true })).orders.map((o) => o.id);
}

describe('field crews between desks', () => {
  let manager: ClaimDeskApp & { dataDir: string };
  let crew: ClaimDeskApp & { dataDir: string };
  let crewTwo: ClaimDeskApp & { dataDir: string };
  let orderNumber = '';

  beforeAll(async () => {
    server = await startReferenceServer({ dbFile: join(temp.dir, 'server.sqlite'), seed: 'demo', crewInterestTtlMs: 48 * HOUR, now: () => new Date(serverClock) });
    await server.store.createUser(SECOND_CREW);
    manager = await desk('manager', DEMO_MANAGER, server.url);
    crew = await desk('crew', DEMO_CREW, server.url);
    crewTwo = await desk('crew-two', SECOND_CREW, server.url);
    for (const app of [manager, crew, crewTwo]) await sync(app);
    orderNumber = (await manager.handlers.getOrder(SB)).orderNumber;
  }, 120_000);
  afterAll(async () => {
    for (const app of [manager, crew, crewTwo]) await app?.close();
    await server?.close();
    temp.cleanup();
  });

  it('a crew member sees only the staking-service orders in their coverage that await a crew; a manager sees all', async () => {
    expect(await awaitingCrew(crew)).toEqual([1]);
    expect((await awaitingCrew(manager)).length).toBeGreaterThanOrEqual(3); // Nevada, Idaho, Alaska
    const view = await crew.handlers.getOrderCrew(SB);
    expect(view).toMatchObject({ crewState: 'awaiting_crew', stakingService: true, state: 'NV', county: 'Esmeralda', inCoverage: true, role: 'crew', unsupported: null });
    expect(view.canRegister.ok).toBe(true);
    expect(view.canAssign).toEqual({ ok: false, why: expect.stringMatching(/for a manager or admin; you are signed in as crew/) });
    const idaho = await crew.handlers.getOrderCrew({ orderType: 'claim_purchase', id: 4 });
    expect(idaho.canRegister).toEqual({ ok: false, why: expect.stringMatching(/outside your coverage/) });
    const plain = await crew.handlers.getOrderCrew({ orderType: 'claim_purchase', id: 2 });
    expect(plain.crewState).toBeNull();
    expect(plain.canRegister.why).toMatch(/did not buy the staking service/);
    // The first board a desk reads announces nothing: there is nothing to compare it with.
    expect(await titles(crew)).toEqual([]);
  });

  it('coverage is read and set on the server: by the crew member for themselves, by a manager for anyone', async () => {
    expect(await crew.handlers.getCrewCoverage({})).toEqual({ crew: 'demo-crew', areas: [{ state: 'AZ', county: null }, { state: 'NV', county: null }] });
    expect(await manager.handlers.getCrewCoverage({ crew: 'crew-two' })).toEqual({ crew: 'crew-two', areas: [{ state: 'NV', county: 'Esmeralda' }] });
    await expect(crew.handlers.setCrewCoverage({ crew: 'crew-two', areas: [] })).rejects.toThrow(/manager or admin/);
    const set = await manager.handlers.setCrewCoverage({ crew: 'crew-two', areas: [{ state: 'NV', county: 'Esmeralda' }, { state: 'NV', county: 'Nye' }] });
    expect(set.areas).toEqual([{ state: 'NV', county: 'Esmeralda' }, { state: 'NV', county: 'Nye' }]);
  });

  it('interests travel through the outbox and the manager is told of each', async () => {
    const queued = await crew.handlers.registerCrewInterest({ order: SB, proposedCostCents: 240_000, earliestDate: '2026-12-01', note: 'Two people, two days' });
    // Queueing kicks the outbox: by the time the answer is read back the entry may already be on its way.
    expect(queued.pending).toEqual([expect.objectContaining({ summary: 'Crew interest: $2,400.00, on the ground from 2026-12-01', state: expect.stringMatching(/^(queued|sending)$/) })]);
    await send(crew);
    expect((await crew.handlers.getOrderCrew(SB)).interests).toEqual([expect.objectContaining({ crew: 'demo-crew', status: 'active', proposedCostCents: 240_000 })]);

    serverClock += 30 * HOUR;
    await crewTwo.handlers.registerCrewInterest({ order: SB, proposedCostCents: 210_000, earliestDate: '2026-12-03', note: '' });
    await send(crewTwo);
    await crewTwo.handlers.withdrawCrewInterest({ order: SB });
    await send(crewTwo);
    await crewTwo.handlers.registerCrewInterest({ order: SB, proposedCostCents: 205_000, earliestDate: '2026-12-03', note: 'Back on' });
    await send(crewTwo);

    await sync(manager);
    expect(await titles(manager)).toEqual(
      expect.arrayContaining([`Rowan Tafoya is interested in staking ${orderNumber}`, `Sage Begay is interested in staking ${orderNumber}`]),
    );
    const view = await manager.handlers.getOrderCrew(SB);
    expect(view.interests.filter((i) => i.status === 'active').map((i) => i.crew).sort()).toEqual(['crew-two', 'demo-crew']);
    expect(view.canAssign.ok).toBe(true);
    expect(view.canRegister.why).toMatch(/for a crew member/);
  });

  it('an interest nobody decided on expires on the moved clock; its crew and the manager are told', async () => {
    serverClock += 19 * HOUR; // demo-crew's interest is 49 hours old, crew-two's 19
    await sync(crew);
    await sync(manager);
    expect(await titles(crew)).toContain(`Your interest in ${orderNumber} expired`);
    expect(await titles(manager)).toContain(`Rowan Tafoya's interest in ${orderNumber} expired`);
    const view = await manager.handlers.getOrderCrew(SB);
    expect(view.interests.find((i) => i.crew === 'demo-crew' && i.status === 'expired')?.reason).toBe('No decision within 48 hours; the interest expired.');
    // Registering again after expiry is a new interest.
    await crew.handlers.registerCrewInterest({ order: SB, proposedCostCents: 230_000, earliestDate: '2026-12-01', note: 'Still available' });
    await send(crew);
    await sync(manager);
  });

  it('no crew: the posts cannot be accepted as staked (the workflow guard in main)', async () => {
    let job = await manager.handlers.pullOrder(SB);
    job = await manager.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'SB'), grid: null } } });
    await manager.handlers.importStaked({ jobId: job.id, fileName: 'posts.csv', text: postsCsv(job) });
    await expect(manager.handlers.acceptStaked({ jobId: job.id })).rejects.toThrow(/bought the staking service and no crew is assigned to it yet/);
    expect((await manager.handlers.getJob({ jobId: job.id })).workflow.state).toBe('laying_out');
  });

  it('the manager assigns one crew: the other interest is rejected with the reason, both crews are told', async () => {
    const refused = manager.handlers.assignCrew({ order: SB, crew: 'demo-crew', reason: 'x' });
    await expect(refused).rejects.toThrow(/at least 3 characters/);
    await manager.handlers.assignCrew({ order: SB, crew: 'demo-crew', reason: 'On site first and knows the district' });
    await send(manager);
    const view = await manager.handlers.getOrderCrew(SB);
    expect(view).toMatchObject({ crewState: 'crew_assigned', assignedCrew: 'demo-crew' });
    expect(view.interests.find((i) => i.crew === 'crew-two' && i.status === 'rejected')?.reason).toBe('Another crew was assigned: On site first and knows the district');
    expect(await awaitingCrew(manager)).not.toContain(1);

    // crew-two's desk has not heard yet and revises its offer: the server refuses it (409, the crew state moved on), and
    // the outbox keeps it with the server's reason for a person to decide, like any conflict (never dropped, never
    // retried by itself).
    await crewTwo.handlers.registerCrewInterest({ order: SB, proposedCostCents: 199_000, earliestDate: '2026-12-02', note: 'Lower' });
    await crewTwo.handlers.sendOutboxNow({});
    const [refusedEntry] = (await crewTwo.handlers.listOutbox({ includeClosed: false })).entries;
    expect(refusedEntry).toMatchObject({ kind: 'crew', state: 'needs_review', jobId: null });
    expect(refusedEntry?.lastError).toMatch(/HTTP 409.*already assigned/);
    expect(await titles(crewTwo)).toContain(`The crew interest for ${orderNumber} needs review`);
    expect((await crewTwo.handlers.getOrderCrew(SB)).pending).toEqual([expect.objectContaining({ state: 'needs_review', lastError: expect.stringMatching(/already assigned/) })]);

    await sync(crew);
    await sync(crewTwo);
    expect(await titles(crew)).toContain(`You are assigned to stake ${orderNumber}`);
    expect(await titles(crewTwo)).toContain(`Your interest in ${orderNumber} was not chosen`);
    expect(await awaitingCrew(crewTwo)).toEqual([]);
  });

  it('with a crew assigned the posts are accepted; orders --json names the crew', async () => {
    const job = (await manager.handlers.listJobs({})).jobs.find((j) => j.orderId === SB.id)!;
    const accepted = await manager.handlers.acceptStaked({ jobId: job.id });
    expect(accepted.field.acceptedAt).not.toBeNull();
    const out = await cli(['orders', '--json', '--data-dir', manager.dataDir]);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout) as { id: number; order_type: string; crew: string | null }[];
    expect(rows.find((r) => r.order_type === 'claim_purchase' && r.id === 1)?.crew).toBe('demo-crew');
    expect(rows.find((r) => r.order_type === 'claim_purchase' && r.id === 2)?.crew).toBeNull();
  });
});

describe('a server without crews (seed-000 profile)', () => {
  let plain: ReferenceServer;
  let app: ClaimDeskApp;
  const dir = makeTempDir('claimdesk-crews-plain-');

  beforeAll(async () => {
    plain = await startReferenceServer({ dbFile: join(dir.dir, 'server.sqlite'), seed: 'demo', profile: 'seed000' });
    app = await openTestApp(join(dir.dir, 'desk'));
    await app.handlers.signIn({ serverUrl: plain.url, username: DEMO_MANAGER.username, password: DEMO_PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await plain?.close();
    dir.cleanup();
  });

  it('says once that crews are not supported, refuses crew decisions with that sentence, and works as before', async () => {
    await sync(app);
    await sync(app);
    const notices = (await app.handlers.listNotifications({})).notifications.filter((n) => n.kind === 'crew');
    expect(notices.map((n) => n.title)).toEqual(['Field crews are not available on this server']);
    const view = await app.handlers.getOrderCrew(SB);
    expect(view.unsupported).toMatch(/does not support field crews/);
    expect(view.canAssign).toEqual({ ok: false, why: view.unsupported });
    await expect(app.handlers.assignCrew({ order: SB, crew: 'demo-crew', reason: 'Nearest crew' })).rejects.toThrow(/does not support field crews/);
    expect((await app.handlers.listOutbox({ includeClosed: true })).entries).toEqual([]);
    // The staking-service order stays workable: no crew can be assigned here, so none is required to accept the posts.
    let job = await app.handlers.pullOrder(SB);
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'SB'), grid: null } } });
    await app.handlers.importStaked({ jobId: job.id, fileName: 'posts.csv', text: postsCsv(job) });
    expect((await app.handlers.acceptStaked({ jobId: job.id })).field.acceptedAt).not.toBeNull();
  });
});
