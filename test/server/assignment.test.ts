/**
 * Desk assignment on the reference server: claim, renew, refuse with the holder's sentence, release, take over (a
 * manager's, with a reason and an Idempotency-Key), assigned_to in the pending list with a new ETag, expiry after
 * three business days on a moved clock, and none of it in the seed-000 profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { assignmentPath } from '../../shared/api/assignment.schemas';
import { DEMO_MANAGER, DEMO_STAFF, DEMO_STAFF_2 } from '../../server/demo-users';
import { getPending, pendingOrders, signIn, startTestServer, type TestServer } from './server-fixture';

let clock = Date.parse('2026-11-23T15:00:00Z'); // a Monday
let server: TestServer;
let seed000: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ seed: 'demo', assignmentClock: { now: () => new Date(clock) } });
  seed000 = await startTestServer({ seed: 'demo', profile: 'seed000' });
  for (const user of [DEMO_STAFF, DEMO_STAFF_2, DEMO_MANAGER]) tokens[user.username] = await signIn(server.url, user);
});
afterAll(async () => {
  await server.stop();
  await seed000.stop();
});

function post(url: string, token: string, body: unknown = {}, key?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Token ${token}`, 'content-type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

const claimUrl = (id: number) => `${server.url}${assignmentPath('claim', 'claim_order', id)}`;

async function listed(id: number): Promise<Record<string, unknown> | undefined> {
  return (await pendingOrders(server.url, tokens['demo-staff']!)).find((o) => o['order_type'] === 'claim_order' && o['id'] === id);
}

describe('desk assignment (reference profile)', () => {
  it('claims for the first desk, renews for the holder and refuses the next with the holder and the sentence', async () => {
    const before = (await getPending(server.url, tokens['demo-staff']!)).headers.get('etag');
    const first = await post(claimUrl(1), tokens['demo-staff']!);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { assigned_to: { username: string; name: string; since: string } };
    expect(body.assigned_to).toMatchObject({ username: 'demo-staff', name: 'Dana Whitlock', since: new Date(clock).toISOString() });
    expect((await getPending(server.url, tokens['demo-staff']!)).headers.get('etag')).not.toBe(before);
    expect((await listed(1))?.['assigned_to']).toMatchObject({ username: 'demo-staff', name: 'Dana Whitlock' });

    expect((await post(claimUrl(1), tokens['demo-staff']!)).status).toBe(200);
    const refused = await post(claimUrl(1), tokens['demo-staff-2']!);
    expect(refused.status).toBe(409);
    const held = (await refused.json()) as { detail: string; code: string; assigned_to: { username: string } };
    expect(held.code).toBe('assignment_held');
    expect(held.detail).toBe('Being worked by Dana Whitlock since 23 Nov 2026.');
    expect(held.assigned_to.username).toBe('demo-staff');
  });

  it('lets only the holder release, and a manager take over with a reason and a key', async () => {
    const other = await post(`${server.url}${assignmentPath('release', 'claim_order', 1)}`, tokens['demo-staff-2']!);
    expect(await other.json()).toMatchObject({ released: false, assigned_to: { username: 'demo-staff' } });

    const takeOver = `${server.url}${assignmentPath('takeOver', 'claim_order', 1)}`;
    expect((await post(takeOver, tokens['demo-staff-2']!, { reason: 'mine now' }, 'k-staff')).status).toBe(403);
    expect((await post(takeOver, tokens['demo-manager']!, { reason: 'x' }, 'k-short')).status).toBe(400);
    expect((await post(takeOver, tokens['demo-manager']!, { reason: 'Dana is out this week' })).status).toBe(400);
    const taken = await post(takeOver, tokens['demo-manager']!, { reason: 'Dana is out this week', username: 'demo-staff-2' }, 'k-1');
    expect(taken.status).toBe(200);
    const answer = (await taken.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({ assigned_to: { username: 'demo-staff-2', taken_over_from: 'demo-staff', reason: 'Dana is out this week' }, previous: { username: 'demo-staff' } });
    const replay = await post(takeOver, tokens['demo-manager']!, { reason: 'Dana is out this week', username: 'demo-staff-2' }, 'k-1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await listed(1))?.['assigned_to']).toMatchObject({ username: 'demo-staff-2', taken_over_from: 'demo-staff' });

    const released = await post(`${server.url}${assignmentPath('release', 'claim_order', 1)}`, tokens['demo-staff-2']!);
    expect(await released.json()).toMatchObject({ released: true, assigned_to: null });
    expect((await listed(1))?.['assigned_to'] ?? null).toBeNull(); // released: nothing listed
  });

  it('ends a claim after three business days without activity, on the server clock', async () => {
    clock = Date.parse('2026-11-25T15:00:00Z'); // Wednesday
    expect((await post(claimUrl(2), tokens['demo-staff']!)).status).toBe(200);
    clock = Date.parse('2026-11-30T15:00:00Z'); // Monday: Thursday, Friday, Monday are the three days
    expect((await listed(2))?.['assigned_to']).toMatchObject({ username: 'demo-staff' });
    clock = Date.parse('2026-12-01T09:00:00Z'); // Tuesday
    const order = await listed(2);
    expect(order?.['assigned_to']).toBeNull();
    expect(order?.['assignment_expired']).toMatchObject({ username: 'demo-staff', since: '2026-11-25T15:00:00.000Z', expired_at: '2026-12-01T09:00:00.000Z' });
    expect((await post(claimUrl(2), tokens['demo-staff-2']!)).status).toBe(200);
    expect((await listed(2))?.['assignment_expired']).toBeNull();
  });

  it('answers 404 for an order it does not have', async () => {
    const missing = await post(claimUrl(99_999), tokens['demo-staff']!);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('desk assignment (seed-000 profile)', () => {
  it('has no assignment endpoints and lists no assigned_to', async () => {
    const token = await signIn(seed000.url, DEMO_STAFF);
    const answer = await post(`${seed000.url}${assignmentPath('claim', 'claim_order', 1)}`, token);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ detail: 'Not found.' });
    const orders = (await (await fetch(`${seed000.url}${API_PATHS.pendingOrders}`, { headers: { authorization: `Token ${token}` } })).json()) as { orders: Record<string, unknown>[] };
    expect(orders.orders.every((o) => !('assigned_to' in o))).toBe(true);
  });
});
