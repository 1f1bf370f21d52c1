/** GET /api/v2/claims/packages/{id}/: a package with its documents (metadata, no bytes) and LandHoldings. */
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { packageView } from '../fulfilment/package-view';
import { requireStaff } from '../http/auth.guard';
import { HttpError } from '../http/http-errors';
import { routePath } from '../http/route-path';
import type { ReferenceStore } from '../store/reference-store';

export function registerPackageRoutes(app: FastifyInstance, store: ReferenceStore): void {
  app.get(routePath(API_PATHS.claimPackage), async (request) => {
    await requireStaff(request, store);
    const id = (request.params as { id?: string }).id ?? '';
    const view = /^\d{1,15}$/.test(id) ? await packageView(store.db, Number(id)) : undefined;
    if (view === undefined) throw new HttpError(404, { detail: 'Not found.' });
    return view;
  });
}
