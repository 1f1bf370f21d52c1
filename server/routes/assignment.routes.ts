/**
 * Desk assignment (reference profile only; a GeoDB server without it answers 404 and ClaimDesk works without claims):
 *
 * POST …/orders/{order_type}/{id}/assignment/claim/       any staff member; renews the caller's own claim
 *   200  {order_type, order_id, order_number, assigned_to}
 *   409  {detail: "Being worked by NAME since DATE.", code: "assignment_held", assigned_to}
 * POST …/assignment/release/                               the holder; anyone else's call changes nothing
 *   200  {…, assigned_to, released}
 * POST …/assignment/take-over/  {reason, username?}        manager or admin; Idempotency-Key required
 *   200  {…, assigned_to, previous}   400 field errors   403 not a manager or admin
 * All: 401 / 403 (not staff) / 404 {detail, code: "not_found"} for no such order; 422 for a reused Idempotency-Key.
 *
 * Claims with no activity for the configured business days are ended on the server's clock before every
 * assignment request and before the pending list is read, so what the list says is current.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { API_PATHS, orderTypeSchema } from '../../shared/api/geodb.schemas';
import { ASSIGNMENT_PATHS, takeOverRequestSchema, type AssignmentAction } from '../../shared/api/assignment.schemas';
import { claimAssignment, expireStaleAssignments, releaseAssignment, takeOverAssignment, type AssignmentClock } from '../fulfilment/assignment.service';
import { requireStaff } from '../http/auth.guard';
import { HttpError } from '../http/http-errors';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { routePath } from '../http/route-path';
import type { ReferenceStore } from '../store/reference-store';

const paramsSchema = z.object({ order_type: orderTypeSchema, id: z.string().regex(/^\d{1,15}$/).transform(Number) });

function fieldErrors(error: z.ZodError, raw: unknown): Record<string, string[]> {
  const body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'non_field_errors';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `Unknown field(s): ${issue.keys.join(', ')}.`;
    else if (body[field] === undefined) message = 'This field is required.';
    else if (field === 'reason' && issue.code === 'too_small') message = 'Give a reason of at least 3 characters.';
    (fields[field] ??= []).push(message);
  }
  return fields;
}

export function registerAssignmentRoutes(app: FastifyInstance, store: ReferenceStore, clock: AssignmentClock): void {
  // The list says who holds what: claims past their grace end before it is read (and before its ETag is computed).
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' && requestPath(request) === API_PATHS.pendingOrders) await store.transaction((trx) => expireStaleAssignments(trx, clock));
  });

  const route = (action: AssignmentAction): void => {
    app.post(routePath(ASSIGNMENT_PATHS[action]), async (request, reply) => {
      const user = await requireStaff(request, store);
      const params = paramsSchema.safeParse(request.params);
      if (!params.success) throw new HttpError(404, { detail: 'Not found.', code: 'not_found' });
      const raw: unknown = request.body ?? {};
      const takeOver = action === 'takeOver' ? takeOverRequestSchema.safeParse(raw) : null;
      if (takeOver && !takeOver.success) throw new HttpError(400, fieldErrors(takeOver.error, raw));
      // Required for a take-over (it moves someone else's work, and the audit must not see it twice); claims and
      // releases are idempotent by themselves, a key only replays the first answer.
      const key = readIdempotencyKey(request, action === 'takeOver');
      const path = requestPath(request);
      const scope = { key, method: 'POST', path, userId: user.id, fingerprint: requestFingerprint('POST', path, raw) };
      const result = await runIdempotent(store, scope, async (trx) => {
        await expireStaleAssignments(trx, clock);
        const input = { orderType: params.data.order_type, orderId: params.data.id, user, now: clock.now().toISOString() };
        if (takeOver?.success) return { statusCode: 200, body: await takeOverAssignment(trx, { ...input, request: takeOver.data }) };
        return { statusCode: 200, body: action === 'claim' ? await claimAssignment(trx, input) : await releaseAssignment(trx, input) };
      });
      return sendIdempotent(reply, result);
    });
  };
  route('claim');
  route('release');
  route('takeOver');
}
