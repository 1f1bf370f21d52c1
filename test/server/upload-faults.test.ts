/**
 * The fault hooks on the upload route, as the client's outbox tests will use them: failures before the work
 * (nothing applied) and after it (applied, answer lost), each followed by a retry with the same key.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PATHS, claimDocumentsUploadResponseSchema, type PendingOrder } from '../../shared/api/geodb.schemas';
import { postJson, useSignedInServer } from './server-fixture';
import { freshOrder, fulfilment, partsFor, upload, uploadForm } from './upload-fixture';

const ctx = useSignedInServer();
afterEach(async () => {
  await fetch(`${ctx.server.url}/__test__/faults`, { method: 'DELETE' });
});

const addFault = async (fault: Record<string, unknown>): Promise<void> => {
  const response = await postJson(`${ctx.server.url}/__test__/faults`, { method: 'POST', path: API_PATHS.claimDocuments, count: 1, ...fault });
  expect(response.status).toBe(201);
};

const state = (order: PendingOrder): Promise<Record<string, unknown>> => fulfilment(ctx.server, order.order_type, order.id);

async function retryReplays(order: PendingOrder, key: string): Promise<void> {
  const before = await state(order);
  const retry = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  claimDocumentsUploadResponseSchema.parse(await retry.json());
  expect(await state(order)).toEqual(before);
}

describe('faults before the work: nothing applied, the retry does it once', () => {
  it('500', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    await addFault({ status: 500 });
    const failed = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ detail: 'Injected fault (HTTP 500).' });
    expect(await state(order)).toMatchObject({ packages: 0, documents: 0, status: order.status });
    const retry = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await state(order)).toMatchObject({ packages: 1, documents: 3, status: 'completed' });
  });

  it('503 with Retry-After', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    await addFault({ status: 503, retryAfterSeconds: 2 });
    const failed = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect(await failed.json()).toEqual({ detail: 'Service temporarily unavailable, try again later.' });
    expect(await state(order)).toMatchObject({ packages: 0 });
  });

  it('409 with a realistic body', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const body = { detail: `Order ${order.order_number} is cancelled; documents can no longer be uploaded for it.`, code: 'order_cancelled', order_status: 'cancelled' };
    await addFault({ status: 409, body });
    const failed = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token });
    expect(failed.status).toBe(409);
    expect(await failed.json()).toEqual(body);
    expect(await state(order)).toMatchObject({ packages: 0 });
  });

  it('a delay the client times out on: the server drops the request unapplied', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    await addFault({ delayMs: 400 });
    await expect(upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await sleep(700);
    expect(await state(order)).toMatchObject({ packages: 0, status: order.status });
    expect((await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key })).status).toBe(201);
  });
});

describe('faults after the work: applied, the answer lost, the retry replays', () => {
  it('drops the connection after applying the upload', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    await addFault({ afterApply: true, destroySocket: true });
    await expect(upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key })).rejects.toThrow();
    expect(await state(order)).toMatchObject({ packages: 1, documents: 3, status: 'completed' });
    await retryReplays(order, key);
  });

  it('answers 503 + Retry-After after applying', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const key = randomUUID();
    await addFault({ afterApply: true, status: 503, retryAfterSeconds: 1 });
    const failed = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(await state(order)).toMatchObject({ packages: 1, status: 'fulfilled' });
    await retryReplays(order, key);
  });

  it('holds the answer past the client timeout after applying', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    await addFault({ afterApply: true, delayMs: 400 });
    await expect(upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    // The client gave up first; on a slow machine the server may still be committing.
    await expect.poll(() => state(order), { timeout: 5_000 }).toMatchObject({ packages: 1, status: 'completed' });
    await retryReplays(order, key);
  });

  it('an afterApply fault without an effect is refused', async () => {
    const response = await postJson(`${ctx.server.url}/__test__/faults`, { path: API_PATHS.claimDocuments, count: 1, afterApply: true });
    expect(response.status).toBe(400);
    const bodyWithoutStatus = await postJson(`${ctx.server.url}/__test__/faults`, { path: '/x', count: 1, delayMs: 5, body: { a: 1 } });
    expect(bodyWithoutStatus.status).toBe(400);
  });
});
