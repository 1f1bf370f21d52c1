/**
 * /api/v2/claims/staff/orders/{order_type}/{id}/events/: the order events ClaimDesk's outbox reports, one per
 * workflow override and one per county recording or BLM filing entered after delivery. An override is recorded
 * for managers and admins only, because it is only valid when one of them made it; a recording or filing (event
 * COUNTY_RECORDED or BLM_FILED) for any staff member; reading is for any staff member (support, tests). The rules are in
 * ../fulfilment/order-events.service.ts, the Idempotency-Key semantics in ../http/idempotency.ts.
 *
 * POST
 *   201  {id, order_type, order_id, order_number, event, from_state, to_state, overridden, reason, actor,
 *        occurred_at, client_ref, recorded_at, recorded_by}; a replay of the same key and body answers the
 *        stored body again (Idempotent-Replayed: true) and stores nothing
 *   400  bad body (DRF field errors), a missing or malformed Idempotency-Key
 *   401  not signed in
 *   403  not staff ({"error": …}), or staff but not a manager or admin ({"detail": …})
 *   404  no such order (or an unknown order type)
 *   422  the Idempotency-Key was used before for a different request
 * GET
 *   200  {results: [event, …]} oldest first;  401 / 403 (not staff) / 404 as above
 */
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { filingEventRequestSchema, isFilingEvent, OVERRIDE_GUARD_CODES, orderEventRequestSchema } from '../../shared/api/order-events.schemas';
import { listOrderEvents, recordOrderEvent, requireOverrideRole } from '../fulfilment/order-events.service';
import { requireStaff } from '../http/auth.guard';
import { describeType, drfFieldErrors, readOrderPath, type IssueWording } from '../http/drf-errors';
import { HttpError } from '../http/http-errors';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { routePath } from '../http/route-path';
import type { ServerProfile } from '../http/server-profile';
import type { ReferenceStore } from '../store/reference-store';

const GUARD_CHOICES = `${OVERRIDE_GUARD_CODES.slice(0, -1).join(', ')} or ${OVERRIDE_GUARD_CODES.at(-1) ?? ''}`;

/** One message per issue, worded as DRF's serializers word them, so staff see the same text as from GeoDB. */
const issueMessage: IssueWording = (issue, field, value) => {
  if (value === null) return 'This field may not be null.';
  if (field === 'overridden' && issue.path.length > 1) {
    return `"${String((value as unknown[])[Number(issue.path[1])])}" is not a valid choice (${GUARD_CHOICES}).`;
  }
  if (field === 'overridden' && issue.code === 'too_small') return 'Name at least one overridden guard.';
  if (field === 'occurred_at' && issue.code !== 'invalid_type') {
    return 'Datetime has wrong format. Use ISO 8601 with a time zone, e.g. 2026-11-22T14:05:00Z.';
  }
  if (issue.code === 'invalid_type') return issue.expected === 'array' ? `Expected a list of items but got type "${describeType(value)}".` : 'Not a valid string.';
  if (issue.code === 'too_small') return Number(issue.minimum) <= 1 ? 'This field may not be blank.' : `Ensure this field has at least ${String(issue.minimum)} characters.`;
  if (issue.code === 'too_big') return `Ensure this field has no more than ${String(issue.maximum)} characters.`;
  return issue.message;
};

export function registerOrderEventRoutes(app: FastifyInstance, store: ReferenceStore, profile: ServerProfile): void {
  const path = routePath(API_PATHS.orderEvents);

  app.post(path, async (request, reply) => {
    const user = await requireStaff(request, store);
    const raw: unknown = request.body ?? {};
    // Read by its event: a filing is any staff member's entry, an override only a manager's or admin's.
    const filing = typeof raw === 'object' && raw !== null && isFilingEvent((raw as { event?: unknown }).event);
    if (!filing) requireOverrideRole(user);
    const order = readOrderPath(request.params);
    // Required: an override sent twice would read as two overrides in the audit trail.
    const key = profile.idempotency ? readIdempotencyKey(request, true) : undefined;
    const parsed = filing ? filingEventRequestSchema.safeParse(raw) : orderEventRequestSchema.safeParse(raw);
    if (!parsed.success) throw new HttpError(400, drfFieldErrors(parsed.error, raw, issueMessage));
    const url = requestPath(request);
    const scope = { key, method: 'POST', path: url, userId: user.id, fingerprint: requestFingerprint('POST', url, raw) };
    const result = await runIdempotent(store, scope, async (trx) => {
      const input = { ...order, request: parsed.data, user, now: new Date().toISOString() };
      return profile.event(await recordOrderEvent(trx, input));
    });
    return sendIdempotent(reply, result);
  });

  app.get(path, async (request) => {
    await requireStaff(request, store);
    const order = readOrderPath(request.params);
    return { results: await listOrderEvents(store.db, order.orderType, order.orderId) };
  });
}
