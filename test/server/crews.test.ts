/**
 * Field crews on the reference server: coverage, the board a crew member sees (only their coverage), interest,
 * revision, withdrawal, assignment by a manager with the competing interests rejected, expiry on a moved clock,
 * and none of it on the seed-000 profile.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewBoardSchema, crewCoveragePath, crewInterestListSchema, crewInterestSchema, crewOrderPath, CREW_PATHS, type CrewInterestRequest } from '../../shared/api/crews.schemas';
import { DEMO_CREW, DEMO_MANAGER, DEMO_PASSWORD, DEMO_STAFF, type DemoUser } from '../../server/demo-users';
import { ASSIGN_ROLE_REQUIRED, CREW_ROLE_REQUIRED } from '../../server/fulfilment/crews.service';
import { signIn, startTestServer, type TestServer } from './server-fixture';

const SECOND_CREW: DemoUser = { ...DEMO_CREW, username: 'crew-two', first_name: 'Sage', last_name: 'Begay', email: 'two@crew.example', coverage: [{ state: 'NV', county: 'Esmeralda' }] };
const FAR_CREW: DemoUser = { ...DEMO_CREW, username: 'crew-idaho', first_name: 'Lane', last_name: 'Moss', email: 'id@crew.example', coverage: [{ state: 'ID', county: null }] };
/** Goldfield East, Esmeralda County NV: the demo's staking-service order in demo-crew's coverage. */
const SB = { type: 'claim_purchase', id: 1 } as const;
/** Bayhorse, Idaho: a staking-service order outside demo-crew's coverage. */
const IDAHO = { type: 'claim_purchase', id: 4 } as const;

let clock = new Date('2026-11-22T15:00:00Z');
let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ crewInterestTtlMs: 48 * 3_600_000, now: () => clock });
  await server.store.createUser(SECOND_CREW);
  await server.store.createUser(FAR_CREW);
  for (const user of [DEMO_CREW, SECOND_CREW, FAR_CREW, DEMO_MANAGER, DEMO_STAFF]) tokens[user.username] = await signIn(server.url, { ...user, password: DEMO_PASSWORD });
});
afterAll(() => server.stop());

function call(path: string, user: string, init: { method?: string; body?: unknown; key?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Token ${tokens[user] ?? ''}` };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.key) headers['idempotency-key'] = init.key;
  return fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

const offer = (cents: number, note = ''): CrewInterestRequest => ({ proposed_cost_cents: cents, earliest_date: '2026-12-01', note });

async function board(user: string) {
  const response = await call(CREW_PATHS.board, user);
  expect(response.status).toBe(200);
  return crewBoardSchema.parse(await response.json());
}

describe('crew coverage and the board', () => {
  it('a crew member reads their own coverage; a manager reads and replaces anyone\'s', async () => {
    const mine = await call(CREW_PATHS.myCoverage, DEMO_CREW.username);
    expect(await mine.json()).toEqual({ crew: 'demo-crew', areas: [{ state: 'AZ', county: null }, { state: 'NV', county: null }] });
    expect((await call(crewCoveragePath('crew-two'), DEMO_CREW.username)).status).toBe(403);
    expect((await call(crewCoveragePath('crew-two'), DEMO_CREW.username, { method: 'PUT', body: { areas: [] } })).status).toBe(403);
    const set = await call(crewCoveragePath('crew-idaho'), DEMO_MANAGER.username, { method: 'PUT', body: { areas: [{ state: 'ID', county: null }, { state: 'WY', county: 'Fremont' }] } });
    expect(await set.json()).toEqual({ crew: 'crew-idaho', areas: [{ state: 'ID', county: null }, { state: 'WY', county: 'Fremont' }] });
    const bad = await call(crewCoveragePath('crew-idaho'), DEMO_MANAGER.username, { method: 'PUT', body: { areas: [{ state: 'Nevada', county: null }] } });
    expect(bad.status).toBe(400);
    expect((await call(crewCoveragePath('demo-staff'), DEMO_MANAGER.username)).status).toBe(404);
  });

  it('a crew member\'s board lists only staking-service orders in their coverage; staff see every one', async () => {
    const crew = await board(DEMO_CREW.username);
    expect(crew.coverage).toEqual([{ state: 'AZ', county: null }, { state: 'NV', county: null }]);
    expect(crew.orders.map((o) => `${o.order_type}:${o.id}`)).toEqual(['claim_purchase:1']);
    expect(crew.orders[0]).toMatchObject({ state: 'NV', county: 'Esmeralda', crew_status: 'awaiting_crew', in_coverage: true });
    const idaho = await board(FAR_CREW.username);
    expect(idaho.orders.map((o) => o.id)).toEqual([IDAHO.id]);
    const staff = await board(DEMO_STAFF.username);
    expect(staff.coverage).toBeNull();
    expect(staff.orders.length).toBeGreaterThanOrEqual(3); // NV, ID and AK
    expect(staff.orders.map((o) => o.state)).toEqual(expect.arrayContaining(['NV', 'ID', 'AK']));
  });
});

describe('interests and assignment', () => {
  it('registers, revises and withdraws; only crew members may, and only inside their coverage', async () => {
    const path = crewOrderPath('interests', SB.type, SB.id);
    expect((await call(path, DEMO_STAFF.username, { method: 'POST', body: offer(100) })).status).toBe(403);
    const outside = await call(crewOrderPath('interests', IDAHO.type, IDAHO.id), DEMO_CREW.username, { method: 'POST', body: offer(100) });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { detail: string }).detail).toMatch(/outside your coverage/);
    expect((await call(path, DEMO_CREW.username, { method: 'POST', body: { proposed_cost_cents: 12.5, earliest_date: '2026-13-01' } })).status).toBe(400);
    const notStaking = await call(crewOrderPath('interests', 'claim_purchase', 2), DEMO_CREW.username, { method: 'POST', body: offer(100) });
    expect(notStaking.status).toBe(400);

    const first = await call(path, DEMO_CREW.username, { method: 'POST', body: offer(250_000, 'Two days, two people') });
    expect(first.status).toBe(201);
    const registered = crewInterestSchema.parse(await first.json());
    expect(registered).toMatchObject({ crew: 'demo-crew', crew_name: 'Rowan Tafoya', status: 'active', proposed_cost_cents: 250_000, order_number: expect.stringMatching(/^CPO-/) });
    expect(registered.expires_at).toBe('2026-11-24T15:00:00.000Z');
    const revised = await call(path, DEMO_CREW.username, { method: 'POST', body: offer(240_000) });
    expect(revised.status).toBe(200);
    expect(crewInterestSchema.parse(await revised.json())).toMatchObject({ id: registered.id, proposed_cost_cents: 240_000 });

    const key = randomUUID();
    const withdrawn = await call(crewOrderPath('withdraw', SB.type, SB.id), DEMO_CREW.username, { method: 'POST', body: {}, key });
    expect(crewInterestSchema.parse(await withdrawn.json()).status).toBe('withdrawn');
    // The outbox resends with the same key after a lost answer: the first answer again, not a refusal.
    const replay = await call(crewOrderPath('withdraw', SB.type, SB.id), DEMO_CREW.username, { method: 'POST', body: {}, key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await call(crewOrderPath('withdraw', SB.type, SB.id), DEMO_CREW.username, { method: 'POST', body: {} })).status).toBe(409);
  });

  it('a manager assigns one interest and the competing ones are rejected with the reason', async () => {
    const path = crewOrderPath('interests', SB.type, SB.id);
    expect((await call(path, DEMO_CREW.username, { method: 'POST', body: offer(230_000) })).status).toBe(201);
    expect((await call(path, SECOND_CREW.username, { method: 'POST', body: offer(210_000) })).status).toBe(201);
    const assign = crewOrderPath('assign', SB.type, SB.id);
    const byStaff = await call(assign, DEMO_STAFF.username, { method: 'POST', body: { crew: 'crew-two', reason: 'Closest crew' } });
    expect(byStaff.status).toBe(403);
    expect(((await byStaff.json()) as { detail: string }).detail).toBe(ASSIGN_ROLE_REQUIRED);
    expect((await call(assign, DEMO_MANAGER.username, { method: 'POST', body: { crew: 'crew-two', reason: 'x' } })).status).toBe(400);
    expect((await call(assign, DEMO_MANAGER.username, { method: 'POST', body: { crew: 'crew-idaho', reason: 'Closest crew' } })).status).toBe(409);

    const decided = await call(assign, DEMO_MANAGER.username, { method: 'POST', body: { crew: 'crew-two', reason: 'Lower cost, on site a week earlier' } });
    expect(decided.status).toBe(200);
    const { results } = crewInterestListSchema.parse(await decided.json());
    const byCrew = Object.fromEntries(results.filter((r) => r.status !== 'withdrawn').map((r) => [r.crew, r]));
    expect(byCrew['crew-two']).toMatchObject({ status: 'assigned', reason: 'Lower cost, on site a week earlier', decided_by: 'demo-manager' });
    expect(byCrew['demo-crew']).toMatchObject({ status: 'rejected', reason: 'Another crew was assigned: Lower cost, on site a week earlier', decided_by: 'demo-manager' });

    // Once assigned: no second assignment, no new interest, and the order leaves the other crews' boards.
    expect((await call(assign, DEMO_MANAGER.username, { method: 'POST', body: { crew: 'demo-crew', reason: 'Changed my mind' } })).status).toBe(409);
    expect((await call(path, DEMO_CREW.username, { method: 'POST', body: offer(1) })).status).toBe(409);
    const crewBoard = await board(DEMO_CREW.username);
    expect(crewBoard.orders).toEqual([expect.objectContaining({ id: SB.id, crew_status: 'crew_assigned', assigned_crew: 'crew-two' })]);
    expect(crewBoard.interests.every((i) => i.crew === 'demo-crew')).toBe(true);
    const staffBoard = await board(DEMO_STAFF.username);
    expect(staffBoard.orders.find((o) => o.id === SB.id)).toMatchObject({ crew_status: 'crew_assigned', assigned_crew: 'crew-two' });
    // A crew member lists only their own interests on the order.
    const own = crewInterestListSchema.parse(await (await call(path, DEMO_CREW.username)).json());
    expect(new Set(own.results.map((r) => r.crew))).toEqual(new Set(['demo-crew']));
  });

  it('an interest nobody decided on expires when the clock passes its time', async () => {
    const path = crewOrderPath('interests', IDAHO.type, IDAHO.id);
    const registered = crewInterestSchema.parse(await (await call(path, FAR_CREW.username, { method: 'POST', body: offer(99_00) })).json());
    expect(registered.status).toBe('active');
    clock = new Date(clock.getTime() + 47 * 3_600_000);
    expect((await board(FAR_CREW.username)).interests.find((i) => i.id === registered.id)?.status).toBe('active');
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const after = (await board(FAR_CREW.username)).interests.find((i) => i.id === registered.id);
    expect(after).toMatchObject({ status: 'expired', reason: 'No decision within 48 hours; the interest expired.' });
    // Expired: nothing left to assign or withdraw.
    expect((await call(crewOrderPath('assign', IDAHO.type, IDAHO.id), DEMO_MANAGER.username, { method: 'POST', body: { crew: 'crew-idaho', reason: 'Only offer' } })).status).toBe(409);
    expect((await call(crewOrderPath('withdraw', IDAHO.type, IDAHO.id), FAR_CREW.username, { method: 'POST', body: {} })).status).toBe(409);
  });

  it('refuses crew actions to crew-less roles with the reason', async () => {
    const response = await call(crewOrderPath('withdraw', SB.type, SB.id), DEMO_MANAGER.username, { method: 'POST', body: {} });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toBe(CREW_ROLE_REQUIRED);
  });
});

describe('the seed-000 profile', () => {
  it('has no crew endpoints (404), like a GeoDB server without our extension', async () => {
    const plain = await startTestServer({ profile: 'seed000' });
    try {
      const token = await signIn(plain.url, DEMO_CREW);
      for (const path of [CREW_PATHS.board, CREW_PATHS.myCoverage, crewOrderPath('interests', SB.type, SB.id)]) {
        const response = await fetch(`${plain.url}${path}`, { headers: { authorization: `Token ${token}` } });
        expect(response.status, path).toBe(404);
      }
      expect(plain.routes.some((route) => route.url.includes('crew'))).toBe(false);
    } finally {
      await plain.stop();
    }
  });
});
