/** GET pending orders, staff only, with ETag / If-None-Match revalidation. */
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { requireStaff } from '../http/auth.guard';
import { ifNoneMatchHits, PendingOrdersCache } from '../http/pending-orders.cache';
import type { ServerProfile } from '../http/server-profile';
import type { ReferenceStore } from '../store/reference-store';

export function registerOrderRoutes(app: FastifyInstance, store: ReferenceStore, profile: ServerProfile): void {
  const cache = new PendingOrdersCache(store, profile.pendingOrder);
  // Build the body once at start so the first client does not pay for a cold SQLite page cache; not awaited,
  // and failures are harmless (the next request simply builds it).
  app.addHook('onReady', async () => {
    void cache.get().catch(() => undefined);
  });

  app.get(API_PATHS.pendingOrders, async (request, reply) => {
    await requireStaff(request, store);
    if (!profile.etags) return reply.type('application/json; charset=utf-8').send((await cache.get()).body);
    // The cheap path: one version read, no list query, no body.
    const etag = await cache.currentEtag();
    reply.header('cache-control', 'private, no-cache');
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).send();
    }
    const { etag: bodyEtag, body } = await cache.get();
    return reply.header('etag', bodyEtag).type('application/json; charset=utf-8').send(body);
  });
}
