import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, apiUserSchema, tokenAuthResponseSchema } from '../../shared/api/geodb.schemas';
import { DEMO_ADMIN, DEMO_CUSTOMER, DEMO_MANAGER, DEMO_STAFF, DEMO_USERS } from '../../server/demo-users';
import { getPending, postJson, signIn, startTestServer, type TestServer } from './server-fixture';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: 'none' });
});
afterAll(() => server.stop());

describe('POST /api-token-auth/', () => {
  it.each(DEMO_USERS.map((u) => [u.username, u] as const))('signs in %s and returns {token, user}', async (_name, user) => {
    const response = await postJson(`${server.url}${API_PATHS.tokenAuth}`, { username: user.username, password: user.password });
    expect(response.status).toBe(200);
    const body = tokenAuthResponseSchema.strict().parse(await response.json());
    expect(body.user).toMatchObject({ username: user.username, is_staff: user.is_staff, role: user.role });
    expect(body.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the demo users their roles', () => {
    expect([DEMO_STAFF, DEMO_MANAGER, DEMO_ADMIN, DEMO_CUSTOMER].map((u) => [u.username, u.is_staff, u.role])).toEqual([
      ['demo-staff', true, 'staff'],
      ['demo-manager', true, 'manager'],
      ['demo-admin', true, 'admin'],
      ['demo-customer', false, 'customer'],
    ]);
  });

  it('answers bad credentials DRF style', async () => {
    const response = await postJson(`${server.url}${API_PATHS.tokenAuth}`, { username: 'demo-staff', password: 'wrong' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ non_field_errors: ['Unable to log in with provided credentials.'] });
    const unknown = await postJson(`${server.url}${API_PATHS.tokenAuth}`, { username: 'nobody', password: 'x' });
    expect(await unknown.json()).toEqual({ non_field_errors: ['Unable to log in with provided credentials.'] });
  });

  it('reports missing fields per field', async () => {
    const response = await postJson(`${server.url}${API_PATHS.tokenAuth}`, { username: 'demo-staff' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ password: ['This field is required.'] });
  });

  it('issues a different token on every sign-in and stores only digests', async () => {
    const a = await signIn(server.url);
    const b = await signIn(server.url);
    expect(a).not.toBe(b);
    expect(await server.store.userForToken(a)).toMatchObject({ username: 'demo-staff' });
    const stored = await server.store.db.selectFrom('tokens').select(['digest', 'token_key']).execute();
    expect(stored.some((t) => t.digest === a)).toBe(false);
    expect(stored.some((t) => t.token_key === a.slice(0, 8))).toBe(true);
  });

  it('stores passwords hashed with scrypt', async () => {
    const rows = await server.store.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(rows).toHaveLength(DEMO_USERS.length);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(row.password_hash).not.toContain('claimdesk-demo');
    }
  });
});

describe('token authentication', () => {
  it('GET /api/v2/me/ returns the user with role', async () => {
    const token = await signIn(server.url, DEMO_MANAGER);
    const response = await fetch(`${server.url}/api/v2/me/`, { headers: { authorization: `Token ${token}` } });
    expect(response.status).toBe(200);
    const me = apiUserSchema.strict().parse(await response.json());
    expect(me).toMatchObject({ username: 'demo-manager', is_staff: true, role: 'manager' });
  });

  it('401 without credentials', async () => {
    for (const path of ['/api/v2/me/', API_PATHS.pendingOrders]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    }
  });

  it('401 with a bad or revoked token', async () => {
    const bad = await fetch(`${server.url}/api/v2/me/`, { headers: { authorization: 'Token deadbeef' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ detail: 'Invalid token.' });

    const token = await signIn(server.url, DEMO_ADMIN);
    expect(await server.store.revokeTokens('demo-admin')).toBeGreaterThan(0);
    const revoked = await getPending(server.url, token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ detail: 'Invalid token.' });
  });

  it('403 with the DRF view body for a non-staff user', async () => {
    const token = await signIn(server.url, DEMO_CUSTOMER);
    const response = await getPending(server.url, token);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Staff access required' });
  });

  it('answers unknown routes with 404 {detail}', async () => {
    const response = await fetch(`${server.url}/api/v2/nope/`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not found.' });
  });
});
