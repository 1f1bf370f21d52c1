/**
 * The outbox tests' setting: the reference server behind a recording proxy (what ClaimDesk sends, per key), and
 * ClaimDesk's back-end over a temp cache, signed in through the proxy as demo-staff and synced. Plus a claim
 * order's package queued by demo-staff while signed out, so nothing sends it until the test says so.
 */
import { join } from 'node:path';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';
import type { SignInRequest } from '../../shared/domain/session.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { startTestServer } from './back-end';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';
import { makeTempDir } from './temp-dir';

export interface ProxiedApp {
  server: Awaited<ReturnType<typeof startTestServer>>;
  proxy: RecordingProxy;
  app: ClaimDeskApp;
  dataDir: string;
  /** demo-staff through the proxy. */
  staff: SignInRequest;
  close(): Promise<void>;
}

export async function startProxiedApp(): Promise<ProxiedApp> {
  const server = await startTestServer();
  const proxy = await startRecordingProxy(server.url);
  const temp = makeTempDir();
  const dataDir = join(temp.dir, 'data');
  const staff = { serverUrl: proxy.url, username: 'demo-staff', password: 'claimdesk-demo' };
  const app = await createClaimDeskApp({ dataDir, runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0, documentWorkers: 1 });
  await app.handlers.signIn(staff);
  await app.handlers.runSync({});
  return {
    server,
    proxy,
    app,
    dataDir,
    staff,
    async close() {
      await app.close();
      await proxy.close();
      await server.cleanup();
      temp.cleanup();
    },
  };
}

export async function queueUploadSignedOut(app: ClaimDeskApp, signIn: SignInRequest, orderId: number): Promise<{ jobId: number; entryId: string }> {
  await app.handlers.signIn(signIn);
  let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: orderId });
  job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
  job = await app.handlers.validateLayout({ jobId: job.id });
  await app.handlers.generatePackage({ jobId: job.id });
  await app.handlers.signOut({});
  const entry = await app.handlers.queueUpload({ jobId: job.id });
  return { jobId: job.id, entryId: entry.id };
}
