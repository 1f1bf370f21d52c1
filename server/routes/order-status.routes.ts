/**
 * PATCH /api/v2/claims/staff/orders/{order_type}/{id}/status/: staff mark an order in progress, on
 * hold or cancelled. In progress and on hold keep the order in the pending list; cancelled takes it off.
 * The rules (409s) are in ../fulfilment/order-rules.ts. An Idempotency-Key is optional: the change is
 * idempotent by value anyway (the same status again answers changed: false), the key also replays the
 * exact first answer.
 *
 *   200  {order_type, id, order_number, status, previous_status, changed, reason, changed_at, changed_by}
 *   400  bad body (DRF field errors) or a malformed Idempotency-Key
 *   401 / 403  not signed in / not staff
 *   404  no such order (or an unknown order type)
 *   409  completed, cancelled (except cancelling again) or not-yet-paid orders
 *   422  the Idempotency-Key was used before for a different request
 */
import type { FastifyInstance } from 'fastify';
import { API_PATHS, orderStatusChangeRequestSchema } from '../../shared/api/geodb.schemas';
import { applyStatusChange } from '../fulfilment/status-change.service';
import { requireStaff } from '../http/auth.guard';
import { drfFieldErrors, readOrderPath, type IssueWording } from '../http/drf-errors';
import { HttpError } from '../http/http-errors';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { routePath } from '../http/route-path';
import type { ServerProfile } from '../http/server-profile';
import type { ReferenceStore } from '../store/reference-store';

const wording: IssueWording = (_issue, field, value) => (field === 'status' ? `"${String(value)}" is not a valid choice (in_progress, on_hold or cancelled).` : undefined);

export function registerOrderStatusRoutes(app: FastifyInstance, store: ReferenceStore, profile: ServerProfile): void {
  app.patch(routePath(API_PATHS.orderStatus), async (request, reply) => {
    const user = await requireStaff(request, store);
    const order = readOrderPath(request.params);
    const key = profile.idempotency ? readIdempotencyKey(request, false) : undefined;
    const raw: unknown = request.body ?? {};
    const parsed = orderStatusChangeRequestSchema.safeParse(raw);
    if (!parsed.success) throw new HttpError(400, drfFieldErrors(parsed.error, raw, wording));
    const path = requestPath(request);
    const scope = { key, method: 'PATCH', path, userId: user.id, fingerprint: requestFingerprint('PATCH', path, raw) };
    const result = await runIdempotent(store, scope, async (trx) => {
      const input = { ...order, request: parsed.data, user, now: new Date().toISOString() };
      return profile.statusChange(await applyStatusChange(trx, input));
    });
    return sendIdempotent(reply, result);
  });
}
