import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { codedErrorBodySchema, orderEventsPath, pendingOrderSchema, type OrderType } from '../../shared/api/geodb.schemas';
import { orderEventListResponseSchema, orderEventResponseSchema, type OrderEventRequest } from '../../shared/api/order-events.schemas';
import { normalizePendingOrder, ORDER_WARNING_CODES } from '../../shared/domain/normalize-order';
import { createGeoDbClient, RequestError } from '../../core/api/geodb-client';
import { DEMO_ADMIN, DEMO_CUSTOMER, DEMO_MANAGER } from '../../server/demo-users';
import { OVERRIDE_ROLE_REQUIRED } from '../../server/fulfilment/order-events.service';
import { getPending, pendingOrders, signIn, useSignedInServer } from './server-fixture';
import { freshOrder, fulfilment, totals } from './upload-fixture';

const ctx = useSignedInServer();
const tokens = { manager: '', admin: '', customer: '' };
beforeAll(async () => {
  tokens.manager = await signIn(ctx.server.url, DEMO_MANAGER);
  tokens.admin = await signIn(ctx.server.url, DEMO_ADMIN);
  tokens.customer = await signIn(ctx.server.url, DEMO_CUSTOMER);
});

function eventBody(changes: Partial<OrderEventRequest> = {}): OrderEventRequest {
  return {
    event: 'PULL',
    from_state: 'queued',
    to_state: 'pulled',
    overridden: ['awaiting-payment'],
    reason: 'Customer paid by cheque; cleared with accounts',
    actor: 'demo-manager',
    occurred_at: '2026-11-22T14:05:00.000Z',
    client_ref: 'log-17',
    ...changes,
  };
}

interface PostOptions {
  /** undefined: a fresh key; null: no header. */
  key?: string | null;
  /** undefined: the manager's; null: no Authorization header. */
  token?: string | null;
}

function post(type: string, id: number, body: unknown, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = options.token === undefined ? tokens.manager : options.token;
  if (token !== null) headers['authorization'] = `Token ${token}`;
  const key = options.key === undefined ? randomUUID() : options.key;
  if (key !== null) headers['idempotency-key'] = key;
  return fetch(`${ctx.server.url}${orderEventsPath(type as OrderType, id)}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function get(type: string, id: number, token: string | null = ctx.token): Promise<Response> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Token ${token}` };
  return fetch(`${ctx.server.url}${orderEventsPath(type as OrderType, id)}`, { headers });
}

async function listed(type: OrderType, id: number): Promise<unknown[]> {
  const response = await get(type, id);
  expect(response.status).toBe(200);
  return orderEventListResponseSchema.strict().parse(await response.json()).results;
}

async function storedEvents(type: OrderType, id: number): Promise<unknown> {
  return (await fulfilment(ctx.server, type, id))['order_events'];
}

describe('POST /api/v2/claims/staff/orders/{order_type}/{id}/events/', () => {
  it('a manager records an override: 201, stored, listed by GET; the pending list is untouched', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const etag = (await getPending(ctx.server.url, ctx.token)).headers.get('etag') ?? '';
    const response = await post('claim_purchase', order.id, eventBody({ reason: '  Customer paid by cheque  ' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const body = orderEventResponseSchema.strict().parse(await response.json());
    expect(body).toMatchObject({
      order_type: 'claim_purchase',
      order_id: order.id,
      order_number: order.order_number,
      event: 'PULL',
      from_state: 'queued',
      to_state: 'pulled',
      overridden: ['awaiting-payment'],
      reason: 'Customer paid by cheque', // trimmed
      actor: 'demo-manager',
      occurred_at: '2026-11-22T14:05:00.000Z',
      client_ref: 'log-17',
      recorded_by: 'demo-manager',
    });
    expect(Date.parse(body.recorded_at)).not.toBeNaN();
    expect(await listed('claim_purchase', order.id)).toEqual([body]);
    expect(await storedEvents('claim_purchase', order.id)).toBe(1);
    // An audit record only: the order's status and the list's ETag stay as they were.
    expect((await getPending(ctx.server.url, ctx.token, { 'if-none-match': etag })).status).toBe(304);
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ status: order.status, status_changes: [] });
  });

  it('an admin records overrides on any order, closed ones included; GET lists them oldest first', async () => {
    const order = await freshOrder(ctx.server, 'claim_order', { status: 'cancelled' });
    const reopen = eventBody({ event: 'REOPEN', from_state: 'cancelled', to_state: 'laying_out', overridden: ['reopen-closed'], actor: 'demo-admin', reason: 'Customer changed their mind' });
    const first = await post('claim_order', order.id, reopen, { token: tokens.admin });
    expect(first.status).toBe(201);
    const { client_ref: _ref, ...withoutRef } = eventBody({ event: 'UPLOAD_QUEUED', from_state: 'documents_ready', to_state: 'uploading', overridden: ['over-capacity', 'awaiting-payment'] });
    const second = await post('claim_order', order.id, withoutRef, { token: tokens.admin });
    expect(second.status).toBe(201);
    const events = orderEventListResponseSchema.parse({ results: await listed('claim_order', order.id) }).results;
    expect(events.map((e) => [e.event, e.overridden, e.recorded_by, e.client_ref])).toEqual([
      ['REOPEN', ['reopen-closed'], 'demo-admin', 'log-17'],
      ['UPLOAD_QUEUED', ['over-capacity', 'awaiting-payment'], 'demo-admin', null],
    ]);
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
    expect(await listed('claim_order', 1)).toEqual([]); // a demo order without events
  });

  it('staff without manager or admin role, customers and anonymous callers are refused; nothing is stored', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const staff = await post('claim_order', order.id, eventBody(), { token: ctx.token });
    expect(staff.status).toBe(403);
    expect(await staff.json()).toEqual({ detail: OVERRIDE_ROLE_REQUIRED });
    expect(OVERRIDE_ROLE_REQUIRED).toBe('Only a manager or admin can record a workflow override.');
    const customer = await post('claim_order', order.id, eventBody(), { token: tokens.customer });
    expect(customer.status).toBe(403);
    expect(await customer.json()).toEqual({ error: 'Staff access required' });
    const anonymous = await post('claim_order', order.id, eventBody(), { token: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect((await post('claim_order', order.id, eventBody(), { token: 'not-a-token' })).status).toBe(401);
    expect(await storedEvents('claim_order', order.id)).toBe(0);
    // Reading is for any staff member, not for customers or anonymous callers.
    expect((await get('claim_order', order.id, ctx.token)).status).toBe(200);
    expect((await get('claim_order', order.id, tokens.customer)).status).toBe(403);
    expect((await get('claim_order', order.id, null)).status).toBe(401);
  });

  it('any staff member records a county recording or BLM filing; the details are kept and listed; a wrong body is 400', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const common = { from_state: 'delivered', to_state: 'recorded', actor: 'demo-staff', occurred_at: '2027-01-10T15:00:00.000Z', client_ref: 'job-transition-9' };
    const recording = { recorded_on: '2027-01-10', office: 'Pershing County', instrument_number: null, book: '12', page: '345', fee_paid: '90.00' };
    const recorded = await post('claim_order', order.id, { event: 'COUNTY_RECORDED', ...common, county_recording: recording }, { token: ctx.token });
    expect(recorded.status).toBe(201);
    expect(orderEventResponseSchema.strict().parse(await recorded.json())).toMatchObject({ event: 'COUNTY_RECORDED', overridden: [], reason: '', county_recording: recording, blm_filing: null, recorded_by: 'demo-staff' });
    const blm = { filed_on: '2027-02-01', serials: [{ claim_name: 'LYNN 1', serial: 'NV105140001' }], fees_paid: '274.00' };
    const filed = await post('claim_order', order.id, { event: 'BLM_FILED', ...common, from_state: 'recorded', to_state: 'filed', blm_filing: blm }, { token: ctx.token });
    expect(filed.status).toBe(201);
    expect((await listed('claim_order', order.id)).map((e) => (e as { blm_filing: unknown }).blm_filing)).toEqual([null, blm]);

    // The details must be the event's own, with an instrument number or a book and page, and dates that exist.
    const wrongKind = await post('claim_order', order.id, { event: 'BLM_FILED', ...common, county_recording: recording }, { token: ctx.token });
    expect(wrongKind.status).toBe(400);
    expect(await wrongKind.json()).toEqual({ event: ['COUNTY_RECORDED carries county_recording and BLM_FILED carries blm_filing, nothing else.'] });
    const noReference = await post('claim_order', order.id, { event: 'COUNTY_RECORDED', ...common, county_recording: { ...recording, book: null } }, { token: ctx.token });
    expect(noReference.status).toBe(400);
    expect(JSON.stringify(await noReference.json())).toContain('Give the instrument number, or the book and the page.');
    const badDay = await post('claim_order', order.id, { event: 'COUNTY_RECORDED', ...common, county_recording: { ...recording, recorded_on: '2027-02-30' } }, { token: ctx.token });
    expect(badDay.status).toBe(400);
    expect(await storedEvents('claim_order', order.id)).toBe(2);
  });

  it('the Idempotency-Key is required and must be well formed', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const missing = await post('claim_purchase', order.id, eventBody(), { key: null });
    expect(missing.status).toBe(400);
    expect(codedErrorBodySchema.parse(await missing.json()).code).toBe('idempotency_key_missing');
    const malformed = await post('claim_purchase', order.id, eventBody(), { key: 'two words' });
    expect(malformed.status).toBe(400);
    expect(codedErrorBodySchema.parse(await malformed.json()).code).toBe('idempotency_key_invalid');
    expect(await storedEvents('claim_purchase', order.id)).toBe(0);
  });

  it('the same key replays the first answer and stores one row; the same key with another body is 422', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    const first = await post('claim_purchase', order.id, eventBody(), { key });
    expect(first.status).toBe(201);
    const firstBody: unknown = await first.json();
    const keysBefore = (await totals(ctx.server))['idempotency_keys'];
    // Same content, keys in another order: still the same request.
    const reordered = Object.fromEntries(Object.entries(eventBody()).reverse());
    const replay = await post('claim_purchase', order.id, reordered, { key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(firstBody);
    expect(await storedEvents('claim_purchase', order.id)).toBe(1);
    expect((await totals(ctx.server))['idempotency_keys']).toBe(keysBefore);

    const reused = await post('claim_purchase', order.id, eventBody({ reason: 'A different reason' }), { key });
    expect(reused.status).toBe(422);
    expect(codedErrorBodySchema.parse(await reused.json()).code).toBe('idempotency_key_reused');
    expect(await storedEvents('claim_purchase', order.id)).toBe(1);
  });

  it('400 with DRF field errors for a bad body', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const errors = async (body: unknown): Promise<unknown> => {
      const response = await post('claim_order', order.id, body);
      expect(response.status).toBe(400);
      return response.json();
    };
    const required = ['This field is required.'];
    expect(await errors({})).toEqual({
      event: required,
      from_state: required,
      to_state: required,
      overridden: required,
      reason: required,
      actor: required,
      occurred_at: required,
    });
    expect(await errors(eventBody({ overridden: ['no-claims' as never, 'over-capacity'] }))).toEqual({
      overridden: ['"no-claims" is not a valid choice (awaiting-payment, over-capacity, reopen-closed or held-by-other).'],
    });
    expect(await errors(eventBody({ overridden: [] }))).toEqual({ overridden: ['Name at least one overridden guard.'] });
    expect(await errors(eventBody({ reason: '  ok  ' }))).toEqual({ reason: ['Ensure this field has at least 3 characters.'] });
    expect(await errors(eventBody({ reason: 'x'.repeat(501) }))).toEqual({ reason: ['Ensure this field has no more than 500 characters.'] });
    expect(await errors(eventBody({ event: 'E'.repeat(41), client_ref: 'r'.repeat(101) }))).toEqual({
      event: ['Ensure this field has no more than 40 characters.'],
      client_ref: ['Ensure this field has no more than 100 characters.'],
    });
    expect(await errors(eventBody({ event: '' }))).toEqual({ event: ['This field may not be blank.'] });
    expect(await errors(eventBody({ to_state: null as never }))).toEqual({ to_state: ['This field may not be null.'] });
    expect(await errors(eventBody({ occurred_at: 'yesterday' }))).toEqual({
      occurred_at: ['Datetime has wrong format. Use ISO 8601 with a time zone, e.g. 2026-11-22T14:05:00Z.'],
    });
    expect(await errors({ ...eventBody(), colour: 'red' })).toEqual({ non_field_errors: ['Unknown field(s): colour.'] });
    expect(await errors([eventBody()])).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    // from_state may be null (no state yet) and client_ref may be left out.
    const { client_ref: _ref, ...noRef } = eventBody({ from_state: null });
    expect((await post('claim_order', order.id, noRef)).status).toBe(201);
    expect(await storedEvents('claim_order', order.id)).toBe(1);
  });

  it('404 for an unknown order or order type', async () => {
    expect((await post('claim_order', 99999, eventBody())).status).toBe(404);
    expect((await post('mystery', 1, eventBody())).status).toBe(404);
    expect((await get('claim_purchase', 99999)).status).toBe(404);
    expect((await get('mystery', 1)).status).toBe(404);
  });

  it('a deleted order takes its events with it', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    expect((await post('claim_order', order.id, eventBody())).status).toBe(201);
    await ctx.server.store.deleteOrder('claim_order', order.id);
    await ctx.server.store.insertOrder(order);
    expect(await listed('claim_order', order.id)).toEqual([]);
  });
});

describe('GeoDbClient.postOrderEvent against the reference server', () => {
  it('records the event, replays a resend with the same key and reports refusals as RequestError', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const client = createGeoDbClient({ baseUrl: ctx.server.url, timeoutMs: 5_000 });
    const target = { orderType: order.order_type, id: order.id };
    const as = (token: string) => ({ serverUrl: ctx.server.url, token });
    const body = eventBody({ event: 'VALIDATE_OK', from_state: 'laying_out', to_state: 'validated', overridden: ['over-capacity'] });
    const key = randomUUID();
    const recorded = await client.postOrderEvent(as(tokens.manager), target, body, key);
    expect(recorded).toMatchObject({ order_id: order.id, order_number: order.order_number, event: 'VALIDATE_OK', recorded_by: 'demo-manager' });
    const resent = await client.postOrderEvent(as(tokens.manager), target, body, key);
    expect(resent).toEqual(recorded);
    expect(await storedEvents('claim_purchase', order.id)).toBe(1);

    const refused = await client.postOrderEvent(as(ctx.token), target, body, randomUUID()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequestError);
    expect((refused as RequestError).failure).toMatchObject({ kind: 'http', status: 403, serverMessage: OVERRIDE_ROLE_REQUIRED });
    const reused = await client.postOrderEvent(as(tokens.manager), target, { ...body, reason: 'Something else' }, key).catch((error: unknown) => error);
    expect((reused as RequestError).failure).toMatchObject({ kind: 'http', status: 422 });
    const missing = await client.postOrderEvent(as(tokens.manager), { orderType: 'claim_order', id: 99999 }, body, randomUUID()).catch((error: unknown) => error);
    expect((missing as RequestError).failure).toMatchObject({ kind: 'http', status: 404 });
  });
});

describe('payment_status in the pending-orders response', () => {
  it('is absent on the demo orders and passed through once the test hook sets it', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const find = async (): Promise<Record<string, unknown> | undefined> =>
      (await pendingOrders(ctx.server.url, ctx.token)).find((o) => o['order_type'] === 'claim_order' && o['id'] === order.id);
    expect(await find()).not.toHaveProperty('payment_status');
    const etag = (await getPending(ctx.server.url, ctx.token)).headers.get('etag') ?? '';

    const hook = await fetch(`${ctx.server.url}/__test__/orders/claim_order/${order.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_status: 'awaiting_payment' }),
    });
    expect(hook.status).toBe(200);
    expect((await getPending(ctx.server.url, ctx.token, { 'if-none-match': etag })).status).toBe(200); // new ETag
    const listedOrder = await find();
    expect(listedOrder).toMatchObject({ payment_status: 'awaiting_payment', status: order.status });
    // The strict contract schema accepts it, and ClaimDesk's normaliser counts it as a known field.
    expect(pendingOrderSchema.parse(listedOrder).payment_status).toBe('awaiting_payment');
    const normalized = normalizePendingOrder(listedOrder, 0);
    expect(normalized.ok).toBe(true);
    if (normalized.ok) expect(normalized.order.warnings.map((w) => w.code)).not.toContain(ORDER_WARNING_CODES.unknownFields);

    const cleared = await fetch(`${ctx.server.url}/__test__/orders/claim_order/${order.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_status: null }),
    });
    expect(cleared.status).toBe(200);
    expect(await find()).toMatchObject({ payment_status: null });
    expect((await fetch(`${ctx.server.url}/__test__/orders/claim_order/99999`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"payment_status":"paid"}' })).status).toBe(404);
  });
});
