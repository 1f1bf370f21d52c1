import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  claimDocumentsUploadResponseSchema,
  claimPackagePath,
  claimPackageSchema,
  codedErrorBodySchema,
} from '../../shared/api/geodb.schemas';
import { DEMO_CUSTOMER } from '../../server/demo-users';
import { getPending, pendingOrders, signIn, useSignedInServer } from './server-fixture';
import { claimsNamed, freshOrder, fulfilment, partsFor, totals, upload, uploadForm } from './upload-fixture';

const ctx = useSignedInServer();

const listed = async (type: string, id: number): Promise<boolean> =>
  (await pendingOrders(ctx.server.url, ctx.token)).some((o) => o['order_type'] === type && o['id'] === id);

async function getPackage(id: number): Promise<ReturnType<typeof claimPackageSchema.parse>> {
  const response = await fetch(`${ctx.server.url}${claimPackagePath(id)}`, { headers: { authorization: `Token ${ctx.token}` } });
  expect(response.status).toBe(200);
  return claimPackageSchema.strict().parse(await response.json());
}

describe('POST /api/v2/claims/documents/', () => {
  it('creates the package, links documents and land holdings, completes the order and drops it from the list', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const before = await getPending(ctx.server.url, ctx.token);
    const etag = before.headers.get('etag') ?? '';
    expect(await listed('claim_purchase', order.id)).toBe(true);

    const response = await upload(ctx.server.url, uploadForm(partsFor(order, claimsNamed('SB 1', 'SB 2', 'SB 3'))), { token: ctx.token });
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const body = claimDocumentsUploadResponseSchema.strict().parse(await response.json());
    expect(body.package.package_number).toMatch(/^PKG-\d{4}-\d{6}$/);
    expect(body.package.status).toBe('complete');
    expect(body.order).toEqual({ order_type: 'claim_purchase', id: order.id, status: 'completed' });
    expect(body.documents.map((d) => [d.filename, d.document_type, d.version])).toEqual([
      ['location-notices.pdf', 'location_notices', 1],
      ['claim-map.pdf', 'claim_map', 1],
      ['waypoints.gpx', 'gpx', 1],
    ]);
    expect(body.documents[2]?.size).toBe('<gpx/>'.length);

    const pkg = await getPackage(body.package.id);
    expect(pkg).toMatchObject({ order_type: 'claim_purchase', order_id: order.id, project_id: order.project_id, status: 'complete' });
    expect(pkg.documents.map((d) => d.document_id)).toEqual(body.documents.map((d) => d.document_id));
    expect(pkg.documents.every((d) => !d.linked_to_order)).toBe(true);
    expect(pkg.land_holdings.map((h) => h.name)).toEqual(['SB 1', 'SB 2', 'SB 3']);

    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({
      status: 'completed',
      package_status: 'complete',
      package_id: body.package.id,
      packages: 1,
      documents: 3,
      land_holdings: 3,
      status_changes: [{ from_status: order.status, to_status: 'completed', source: 'upload' }],
    });
    const after = await getPending(ctx.server.url, ctx.token, { 'if-none-match': etag });
    expect(after.status).toBe(200); // the ETag moved on
    expect(await listed('claim_purchase', order.id)).toBe(false);
  });

  it('replays the same key without doing the work again', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    const first = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
    expect(first.status).toBe(201);
    const firstBody: unknown = await first.json();
    const counts = await totals(ctx.server);

    const again = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(await totals(ctx.server)).toEqual(counts);
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ packages: 1, documents: 3, land_holdings: 2 });
  });

  it('answers concurrent requests with the same key once', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const key = randomUUID();
    const responses = await Promise.all([1, 2, 3].map(() => upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await fulfilment(ctx.server, 'claim_order', order.id)).toMatchObject({ packages: 1, documents: 3 });
  });

  it('two different uploads racing for one order make one package; the later one is told the order is completed', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const responses = await Promise.all([1, 2].map(() => upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ packages: 1, documents: 3 });
  });

  it('refuses the same key with a different body (422) and leaves everything as it was', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const key = randomUUID();
    expect((await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key })).status).toBe(201);
    const counts = await totals(ctx.server);
    const changed = uploadForm({ ...partsFor(order), files: [{ field: 'other', filename: 'note.txt', content: 'different' }] });
    const response = await upload(ctx.server.url, changed, { token: ctx.token, key });
    expect(response.status).toBe(422);
    const body = codedErrorBodySchema.parse(await response.json());
    expect(body.code).toBe('idempotency_key_reused');
    expect(body.detail).toContain(key);
    expect(await totals(ctx.server)).toEqual(counts);
  });

  it('adds a second upload with claim_package_id to the same package (new content → new version, same content kept once)', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const first = claimDocumentsUploadResponseSchema.parse(await (await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token })).json());
    const files = [
      { field: 'location_notices', filename: 'location-notices.pdf', content: '%PDF-1.7 notices v2', type: 'application/pdf' },
      { field: 'claim_map', filename: 'claim-map.pdf', content: '%PDF-1.7 map', type: 'application/pdf' },
    ];
    const parts = { ...partsFor(order, claimsNamed('A 1', 'A 2', 'A 3')), claim_package_id: first.package.id, files };
    const second = await upload(ctx.server.url, uploadForm(parts), { token: ctx.token });
    expect(second.status).toBe(201);
    const body = claimDocumentsUploadResponseSchema.parse(await second.json());
    expect(body.package).toEqual(first.package);
    expect(body.order.status).toBe('completed');
    expect(body.documents.map((d) => [d.filename, d.version])).toEqual([['location-notices.pdf', 2], ['claim-map.pdf', 1]]);
    expect(body.documents[1]?.document_id).toBe(first.documents[1]?.document_id);
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ packages: 1, documents: 4, land_holdings: 3 });
  });

  it('links a claim_order\'s documents to the order itself and keeps its claim_package_id null', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const response = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token });
    expect(response.status).toBe(201);
    const body = claimDocumentsUploadResponseSchema.parse(await response.json());
    expect(body.order.status).toBe('fulfilled');
    const pkg = await getPackage(body.package.id);
    expect(pkg.documents.every((d) => d.linked_to_order)).toBe(true);
    expect(await fulfilment(ctx.server, 'claim_order', order.id)).toMatchObject({ status: 'fulfilled', order_documents: 3, packages: 1 });
    expect(await listed('claim_order', order.id)).toBe(false);
    const raw = await ctx.server.store.db.selectFrom('orders').select('doc').where('order_type', '=', 'claim_order').where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(JSON.parse(raw.doc)).toMatchObject({ status: 'fulfilled', claim_package_id: null });
  });

  it('is one transaction: a failure after the documents are written leaves nothing behind', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const counts = await totals(ctx.server);
    // Fails the land-holding links, which come after the package and the documents.
    ctx.server.store.sqlite.exec("CREATE TEMP TRIGGER fail_links BEFORE INSERT ON package_land_holdings BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
    try {
      const response = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key: 'atomic-1' });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ detail: 'A server error occurred.' });
    } finally {
      ctx.server.store.sqlite.exec('DROP TRIGGER fail_links;');
    }
    expect(await totals(ctx.server)).toEqual(counts);
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ status: order.status, packages: 0, documents: 0 });
    expect(await listed('claim_purchase', order.id)).toBe(true);
    expect((await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key: 'atomic-1' })).status).toBe(201);
  });

  it('reuses the package a demo order already has (CPO-2026-0003, package 1041)', async () => {
    const response = await upload(ctx.server.url, uploadForm({ ...partsFor({ id: 3, order_type: 'claim_purchase', project_id: 226 } as never) }), { token: ctx.token });
    expect(response.status).toBe(201);
    const body = claimDocumentsUploadResponseSchema.parse(await response.json());
    expect(body.package).toEqual({ id: 1041, package_number: 'PKG-2026-001041', status: 'complete' });
  });
});

describe('upload refusals', () => {
  const coded = async (response: Response, status: number, code: string): Promise<Record<string, unknown>> => {
    expect(response.status).toBe(status);
    const body = codedErrorBodySchema.parse(await response.json());
    expect(body.code).toBe(code);
    return body;
  };

  it('409 for a cancelled order, nothing stored', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase', { status: 'cancelled' });
    const body = await coded(await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token }), 409, 'order_cancelled');
    expect(body).toEqual({ code: 'order_cancelled', order_status: 'cancelled', detail: `Order ${order.order_number} is cancelled; documents can no longer be uploaded for it.` });
    expect(await fulfilment(ctx.server, 'claim_purchase', order.id)).toMatchObject({ packages: 0, documents: 0, status: 'cancelled' });
  });

  it('409 for an order on hold, or not yet paid', async () => {
    const held = await freshOrder(ctx.server, 'claim_order', { status: 'on_hold' });
    await coded(await upload(ctx.server.url, uploadForm(partsFor(held)), { token: ctx.token }), 409, 'order_on_hold');
    const unpaid = await freshOrder(ctx.server, 'claim_order', { status: 'pending_approval' });
    await coded(await upload(ctx.server.url, uploadForm(partsFor(unpaid)), { token: ctx.token }), 409, 'order_not_open');
  });

  it('409 for a completed order without its package id, and for a package id that is not the order\'s', async () => {
    const order = await freshOrder(ctx.server, 'claim_purchase');
    const first = claimDocumentsUploadResponseSchema.parse(await (await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token })).json());
    const again = await coded(await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token }), 409, 'order_completed');
    expect(again['detail']).toContain(`send claim_package_id ${first.package.id}`);
    expect(again['claim_package_id']).toBe(first.package.id);
    await coded(await upload(ctx.server.url, uploadForm({ ...partsFor(order), claim_package_id: 1041 }), { token: ctx.token }), 409, 'package_mismatch');
    const other = await freshOrder(ctx.server, 'claim_purchase');
    const stale = await coded(await upload(ctx.server.url, uploadForm({ ...partsFor(other), claim_package_id: first.package.id }), { token: ctx.token }), 409, 'package_mismatch');
    expect(stale['detail']).toContain('it has no package yet');
    expect(stale['claim_package_id']).toBeNull();
    expect(await fulfilment(ctx.server, 'claim_purchase', other.id)).toMatchObject({ packages: 0, status: other.status });
  });

  it('a refused request is not remembered: its key works once the order can take it', async () => {
    const order = await freshOrder(ctx.server, 'claim_order', { status: 'on_hold' });
    const key = randomUUID();
    await coded(await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key }), 409, 'order_on_hold');
    await ctx.server.store.setOrderStatus('claim_order', order.id, 'in_progress');
    expect((await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key })).status).toBe(201);
  });

  it('404 for an unknown order; 400 for a project that is not the order\'s', async () => {
    const response = await upload(ctx.server.url, uploadForm({ order_id: 99999, order_type: 'claim_order', project_id: 1, claims: claimsNamed('X') }), { token: ctx.token });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'No claim_order order with id 99999.' });
    const order = await freshOrder(ctx.server, 'claim_order');
    const wrong = await upload(ctx.server.url, uploadForm({ ...partsFor(order), project_id: 1 }), { token: ctx.token });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ project_id: [`Order ${order.order_number} belongs to project ${order.project_id}, not 1.`] });
  });

  it('401 without a token, 403 for a customer', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const anonymous = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: undefined });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const customer = await upload(ctx.server.url, uploadForm(partsFor(order)), { token: await signIn(ctx.server.url, DEMO_CUSTOMER) });
    expect(customer.status).toBe(403);
    expect(await customer.json()).toEqual({ error: 'Staff access required' });
    expect(await fulfilment(ctx.server, 'claim_order', order.id)).toMatchObject({ packages: 0 });
  });
});
