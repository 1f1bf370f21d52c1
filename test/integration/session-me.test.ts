/**
 * The signed-in user's role comes from the server: refreshUser reads /api/v2/me/ and keeps what it says,
 * whatever the cache held; offline, the last confirmed account stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

describe('the role from /me', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let backEnd: BackEnd;
  beforeAll(async () => {
    server = await startTestServer();
    backEnd = await openBackEnd();
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  it('replaces a role the cache holds with the one the server states now', async () => {
    await backEnd.session.signIn({ serverUrl: server.url, username: 'demo-manager', password: 'claimdesk-demo' });
    // As if the session had been stored while the user was still staff.
    const stored = (await backEnd.tokenStore.load())!;
    await backEnd.tokenStore.save({ ...stored, displayName: 'x', role: 'staff' });
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'staff' });
    await backEnd.session.refreshUser();
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'manager' });
    expect((await backEnd.session.getSession()).displayName).toBe('Marisol Etcheverry');
  });

  it('keeps the last confirmed account when the server cannot be reached', async () => {
    // The server stops answering: the role confirmed last stays.
    await server.close();
    await backEnd.session.refreshUser();
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'manager' });
  });
});
