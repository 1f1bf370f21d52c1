/**
 * The signed-in user's role comes from the server (issue 6): refreshUser reads /api/v2/me/ and keeps what it says,
 * whatever the cache held; offline, the last confirmed account stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount } from '../../core/repos/settings.repo';
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
    // As if the account had been stored while the user was still staff.
    await saveAccount(backEnd.opened.db, { serverUrl: server.url, username: 'demo-manager', displayName: 'x', role: 'staff', isStaff: true });
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'staff' });
    await backEnd.session.refreshUser();
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'manager' });
    expect((await backEnd.session.getSession()).displayName).toBe('Marisol Etcheverry');
  });

  it('keeps the last confirmed account when the server cannot be reached', async () => {
    await saveAccount(backEnd.opened.db, { serverUrl: 'http://127.0.0.1:9', username: 'demo-manager', displayName: 'M', role: 'manager', isStaff: true });
    await backEnd.session.refreshUser();
    expect(await backEnd.session.currentUser()).toEqual({ username: 'demo-manager', role: 'manager' });
  });
});
