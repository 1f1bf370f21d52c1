/**
 * One cache, one server, one account per process: the desktop app signed in to server A shares its data folder
 * with the CLI (the default). Whatever the CLI does on that folder — sign in to server B, or to A as someone
 * else — the app's token only ever goes to A, the app keeps its own user and role, and work queued by one account
 * is sent under that account only. Both servers sit behind recording proxies that see every Authorization header.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('a cache belongs to one server, a session to one process', { timeout: 90_000 }, () => {
  let serverA: Server;
  let serverB: Server;
  let proxyA: RecordingProxy;
  let proxyB: RecordingProxy;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  const dataDir = () => join(temp.dir, 'data');
  const password = { CLAIMDESK_PASSWORD: 'claimdesk-demo' };
  /** The app's token, as server A received it with the first sync. */
  let appToken = '';
  const fulfilment = async (id: number) => (await (await fetch(`${serverA.url}/__test__/orders/claim_order/${id}/fulfilment`)).json()) as Record<string, unknown>;

  beforeAll(async () => {
    [serverA, serverB] = await Promise.all([startTestServer(), startTestServer()]);
    [proxyA, proxyB] = await Promise.all([startRecordingProxy(serverA.url), startRecordingProxy(serverB.url)]);
    temp = makeTempDir();
    app = await openTestApp(dataDir());
    await app.handlers.signIn({ serverUrl: proxyA.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await app.handlers.runSync({});
    appToken = proxyA.authorizations[0]!;
    expect(appToken).toMatch(/^Token \S+$/);
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([proxyA?.close(), proxyB?.close()]);
    await Promise.all([serverA?.cleanup(), serverB?.cleanup()]);
    temp?.cleanup();
  });

  it("never sends the app's token to the server the CLI tried on the same cache, and refuses that sign-in naming both", async () => {
    const other = await cli(['sync', '--server', proxyB.url, '--username', 'demo-staff', '--data-dir', dataDir()], password);
    // The app's next sync (it may fail: what matters is where its token went).
    const synced = await app.handlers.runSync({}).catch((error: unknown) => error);
    expect(proxyB.authorizations).not.toContain(appToken);
    expect(synced).toMatchObject({ outcome: expect.any(String) });
    expect(proxyA.authorizations).toContain(appToken);
    expect(await app.handlers.getSession({})).toMatchObject({ signedIn: true, serverUrl: proxyA.url, username: 'demo-staff', role: 'staff' });

    expect(other.code).toBe(1);
    expect(other.stderr).toContain(proxyA.url);
    expect(other.stderr).toContain(proxyB.url);
    expect(other.stderr).toMatch(/separate data folder/);
    // Refused before anything, the password included, was sent to B.
    expect(proxyB.authorizations).toEqual([]);
  });

  it("keeps the app's own user and role when the CLI signs in to the same server as someone else", async () => {
    await app.handlers.signIn({ serverUrl: proxyA.url, username: 'demo-staff', password: 'claimdesk-demo' });
    proxyA.authorizations.length = 0;
    await app.handlers.runSync({});
    const mine = proxyA.authorizations[0];
    const manager = await cli(['sync', '--server', proxyA.url, '--username', 'demo-manager', '--data-dir', dataDir()], password);
    expect(manager.code).toBe(0);
    expect(await app.handlers.getSession({})).toMatchObject({ signedIn: true, username: 'demo-staff', role: 'staff' });
    proxyA.authorizations.length = 0;
    await app.handlers.runSync({});
    // Every request of the app's sync (the pending orders, then the crew board) carries the app's own token.
    expect(proxyA.authorizations.length).toBeGreaterThan(0);
    expect(new Set(proxyA.authorizations)).toEqual(new Set([mine]));
  });

  it('the HTTP client itself refuses a token issued by another server, before any request', async () => {
    const client = createGeoDbClient({ baseUrl: proxyB.url, timeoutMs: 2_000 });
    const refused = await client.getMe({ serverUrl: proxyA.url, token: appToken.slice('Token '.length) }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'auth-required' });
    expect(String((refused as Error).message)).toContain(proxyB.url);
    expect(proxyB.authorizations).toEqual([]);
  });

  it('sends an entry only under the account it was queued under; otherwise it waits and says for whom', async () => {
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 2 });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
    job = await app.handlers.validateLayout({ jobId: job.id });
    await app.handlers.generatePackage({ jobId: job.id });
    // Queued by demo-staff while signed out, so nothing is sent yet.
    await app.handlers.signOut({});
    const entry = await app.handlers.queueUpload({ jobId: job.id });

    await app.handlers.signIn({ serverUrl: proxyA.url, username: 'demo-manager', password: 'claimdesk-demo' });
    await app.handlers.sendOutboxNow({});
    expect(await fulfilment(2)).toMatchObject({ packages: 0 });
    expect(entry.queuedBy).toBe('demo-staff');
    const waiting = (await app.handlers.listOutbox({ jobId: job.id })).entries[0]!;
    expect(waiting.state).toBe('queued');
    expect(waiting.waitReason).toBe(`Queued for demo-staff on ${proxyA.url}; sign in as them to send.`);
    expect(await fulfilment(2)).toMatchObject({ packages: 0 });
    // The CLI signed in as the manager on the same cache does not send it either.
    const push = await cli(['push', '--server', proxyA.url, '--username', 'demo-manager', '--data-dir', dataDir()], password);
    expect(push.code).toBe(1);
    expect(push.stdout).toContain(`Queued for demo-staff on ${proxyA.url}; sign in as them to send.`);
    expect(await fulfilment(2)).toMatchObject({ packages: 0 });

    await app.handlers.signIn({ serverUrl: proxyA.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await app.handlers.sendOutboxNow({});
    expect((await app.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries[0]).toMatchObject({ state: 'done', waitReason: null });
    expect(await fulfilment(2)).toMatchObject({ packages: 1 });
  });

  it('moves an empty cache to another server, and refuses plain http to a remote host or an address with a password', async () => {
    const empty = makeTempDir();
    const other = await createClaimDeskApp({ dataDir: empty.dir, runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0 });
    try {
      // A customer account: no sync starts after the sign-in, so the cache stays empty.
      await other.handlers.signIn({ serverUrl: proxyA.url, username: 'demo-customer', password: 'claimdesk-demo' });
      // Nothing synced yet: the cache simply follows the new sign-in.
      expect(await other.handlers.signIn({ serverUrl: proxyB.url, username: 'demo-staff', password: 'claimdesk-demo' })).toMatchObject({ signedIn: true, serverUrl: proxyB.url });
      const insecure = await other.handlers.signIn({ serverUrl: 'http://geodb.example.com', username: 'demo-staff', password: 'x' }).catch((e: unknown) => e);
      expect(insecure).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/https:\/\/.*unencrypted/) });
      const withUser = await other.handlers.signIn({ serverUrl: `http://demo-staff:secret@${new URL(proxyB.url).host}`, username: 'demo-staff', password: 'x' }).catch((e: unknown) => e);
      expect(withUser).toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/must not contain a username or password/) });
    } finally {
      await other.close();
      empty.cleanup();
    }
  });
});
