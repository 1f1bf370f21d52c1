/**
 * `/__test__/` routes, registered only with testHooks: scripted faults, raw order manipulation and counts of
 * what uploads stored (so retry tests can assert that nothing exists twice).
 * No auth (tests drive them directly), but loopback callers only, as a second fence behind the bind address.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { orderTypeSchema } from '../../shared/api/geodb.schemas';
import { fulfilmentTotals, orderFulfilmentCounts } from '../fulfilment/package-view';
import { faultSpecSchema, TEST_HOOK_PREFIX, type FaultInjector } from '../http/fault-injector';
import { HttpError } from '../http/http-errors';
import type { ReferenceStore } from '../store/reference-store';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const orderParamsSchema = z.object({ type: orderTypeSchema, id: z.coerce.number().int() });
// payment_status lands in the order's document (and so in the pending list); the demo orders have none.
const orderPatchSchema = z
  .object({
    status: z.string().min(1).optional(),
    package_status: z.string().min(1).nullable().optional(),
    payment_status: z.string().nullable().optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.package_status !== undefined || b.payment_status !== undefined, {
    message: 'Send status, package_status and/or payment_status.',
  });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, { detail: z.prettifyError(result.error) });
  return result.data;
}

function loopbackOnly(request: FastifyRequest): void {
  if (!LOOPBACK.has(request.ip)) throw new HttpError(403, { detail: 'Test hooks answer loopback callers only.' });
}

export function registerTestHookRoutes(app: FastifyInstance, store: ReferenceStore, faults: FaultInjector): void {
  const p = (path: string): string => `${TEST_HOOK_PREFIX}${path}`;
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith(TEST_HOOK_PREFIX)) loopbackOnly(request);
  });

  app.post(p('faults'), async (request, reply) => {
    const pending = faults.add(parse(faultSpecSchema, request.body));
    return reply.code(201).send({ pending });
  });
  app.get(p('faults'), async () => ({ faults: faults.list() }));
  app.delete(p('faults'), async () => ({ cleared: faults.clear() }));

  // The body is stored exactly as sent: broken orders are the point of this route.
  app.post(p('orders'), async (request, reply) => {
    const key = await store.insertRawOrder(request.body);
    return reply.code(201).send({ order_type: key.orderType, id: key.id });
  });
  app.delete(p('orders'), async () => {
    await store.clearOrders();
    return { cleared: true };
  });
  app.patch(p('orders/:type/:id'), async (request) => {
    const { type, id } = parse(orderParamsSchema, request.params);
    const body = parse(orderPatchSchema, request.body);
    let found = true;
    if (body.status !== undefined) found = await store.setOrderStatus(type, id, body.status);
    if (found && body.package_status !== undefined) {
      if (type !== 'claim_purchase') throw new HttpError(400, { detail: 'Only claim_purchase orders have packages.' });
      found = await store.setPackageStatus(id, body.package_status);
    }
    if (found && body.payment_status !== undefined) found = await store.setOrderPaymentStatus(type, id, body.payment_status);
    if (!found) throw new HttpError(404, { detail: 'Not found.' });
    return { order_type: type, id, ...body };
  });
  app.delete(p('orders/:type/:id'), async (request) => {
    const { type, id } = parse(orderParamsSchema, request.params);
    if (!(await store.deleteOrder(type, id))) throw new HttpError(404, { detail: 'Not found.' });
    return { deleted: true };
  });
  app.post(p('bump-version'), async () => ({ version: await store.bumpVersion() }));

  // {found, status, package_status, package_id, packages, documents, order_documents, land_holdings, status_changes, order_events}
  app.get(p('orders/:type/:id/fulfilment'), async (request) => {
    const { type, id } = parse(orderParamsSchema, request.params);
    return orderFulfilmentCounts(store.db, type, id);
  });
  // Row counts of every fulfilment table, idempotency keys included.
  app.get(p('fulfilment-totals'), async () => fulfilmentTotals(store.db));
}
