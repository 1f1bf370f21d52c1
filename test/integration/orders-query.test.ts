/**
 * The queue's queries through the whole back-end stack a renderer call takes: IPC validation (dispatchIpc), the
 * handlers, the repositories and a real SQLite cache filled by a real sync from the reference server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail, OrderQuery, OrderQueryResult } from '../../shared/domain/order.types';
import type { IpcResult } from '../../shared/ipc/result';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { dispatchIpc } from '../../core/ipc/dispatch';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('order queue queries over IPC', () => {
  let server: Server;
  let app: ClaimDeskApp;
  let temp: ReturnType<typeof makeTempDir>;

  async function call<T>(method: string, payload: unknown): Promise<IpcResult<T>> {
    return (await dispatchIpc(app.handlers, method, payload, { log: () => undefined })) as IpcResult<T>;
  }
  async function query(payload: OrderQuery): Promise<OrderQueryResult> {
    const result = await call<OrderQueryResult>('queryOrders', payload);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    app = await createClaimDeskApp({ dataDir: temp.dir, runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0 });
    const signedIn = await call('signIn', { serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    expect(signedIn.ok).toBe(true);
    const synced = await call('runSync', {});
    expect(synced.ok).toBe(true);
  });

  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('lists every order oldest first by default and counts the cache', async () => {
    const all = await query({});
    expect(all.total).toBe(all.orders.length);
    expect(all.totalCached).toBe(all.total);
    expect(all.orders.map((o) => o.createdAt)).toEqual(all.orders.map((o) => o.createdAt).sort());
    expect(all.statuses.length).toBeGreaterThan(1);
  });

  it('searches order number, customer, company and project case-insensitively, every word must match', async () => {
    const all = await query({});
    const sample = all.orders.find((o) => o.orderType === 'claim_purchase')!;
    expect((await query({ search: sample.orderNumber.toLowerCase() })).orders.map((o) => o.orderNumber)).toContain(sample.orderNumber);
    const byCompany = await query({ search: sample.companyName.toUpperCase() });
    expect(byCompany.orders.every((o) => o.companyName === sample.companyName || o.projectName.includes(sample.companyName))).toBe(true);
    expect(byCompany.total).toBeGreaterThan(0);
    expect((await query({ search: `${sample.orderNumber} no-such-word` })).total).toBe(0);
    // LIKE wildcards are matched literally.
    expect((await query({ search: '%' })).total).toBe(0);
    expect((await query({ search: '_' })).total).toBe(0);
  });

  it('filters by type, status, flags and problems', async () => {
    const all = await query({});
    const purchases = await query({ orderTypes: ['claim_purchase'] });
    expect(purchases.orders.every((o) => o.orderType === 'claim_purchase')).toBe(true);
    expect(purchases.total).toBe(all.orders.filter((o) => o.orderType === 'claim_purchase').length);
    const paid = await query({ statuses: ['paid'] });
    expect(paid.total).toBe(all.orders.filter((o) => o.status === 'paid').length);
    expect((await query({ expedited: true })).total).toBe(all.orders.filter((o) => o.expedited).length);
    expect((await query({ stakingService: true })).total).toBe(all.orders.filter((o) => o.stakingService).length);
    const broken = await query({ hasProblems: true });
    expect(broken.total).toBeGreaterThan(0);
    // A problem of the order, or claims over the legal limits as drawn (their own class, counted with them).
    expect(broken.orders.every((o) => o.problemCount + o.drawnOverLimits > 0)).toBe(true);
    expect((await query({ hasProblems: false })).total).toBe(all.total - broken.total);
  });

  it('sorts by any column both ways and pages consistently', async () => {
    const byClaims = await query({ sort: { column: 'claimCount', direction: 'desc' } });
    const counts = byClaims.orders.map((o) => o.claimCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const firstPage = await query({ sort: { column: 'orderNumber', direction: 'asc' }, limit: 5 });
    const secondPage = await query({ sort: { column: 'orderNumber', direction: 'asc' }, limit: 5, offset: 5 });
    const whole = await query({ sort: { column: 'orderNumber', direction: 'asc' } });
    expect([...firstPage.orders, ...secondPage.orders]).toEqual(whole.orders.slice(0, 10));
    expect(firstPage.total).toBe(whole.total);
  });

  it('answers order details with claims, claimant and problems naming the claim', async () => {
    const broken = (await query({ hasProblems: true })).orders.find((o) => o.problemCount > 0)!;
    const detail = await call<OrderDetail>('getOrder', { orderType: broken.orderType, id: broken.id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.problems.length).toBe(broken.problemCount);
    expect(detail.value.problems.some((p) => p.claim !== undefined && p.message.includes(p.claim))).toBe(true);

    const missing = await call('getOrder', { orderType: 'claim_order', id: 999_999 });
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining('999999') } });
  });

  it('refuses malformed requests with a readable invalid-request error', async () => {
    const bad = await call('queryOrders', { sort: { column: 'password', direction: 'up' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-request');
      expect(bad.error.message).toMatch(/sort/);
    }
  });
});
