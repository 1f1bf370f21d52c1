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
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { ASSIGNMENT_PATHS, takeOverRequestSchema, type AssignmentAction } from '../../shared/api/assignment.schemas';
import { claimAssignment, expireStaleAssignments, releaseAssignment, takeOverAssignment, type AssignmentClock } from '../fulfilment/assignment.service';
import { requireStaff } from '../http/auth.guard';
import { drfFieldErrors, readOrderPath, type IssueWording } from '../http/drf-errors';
import { HttpError } from '../http/http-errors';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { routePath } from '../http/route-path';
import type { ReferenceStore } from '../store/reference-store';

// A reason too short to say anything is worded for the person taking over, not as zod's length message.
const wording: IssueWording = (issue, field) => (field === 'reason' && issue.code === 'too_small' ? 'Give a reason of at least 3 characters.' : undefined);

export function registerAssignmentRoutes(app: FastifyInstance, store: ReferenceStore, clock: AssignmentClock): void {
  // The list says who holds what: claims past their grace end before it is read (and before its ETag is computed).
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET' && requestPath(request) === API_PATHS.pendingOrders) await store.transaction((trx) => expireStaleAssignments(trx, clock));
  });

  const route = (action: AssignmentAction): void => {
    app.post(routePath(ASSIGNMENT_PATHS[action]), async (request, reply) => {
      const user = await requireStaff(request, store);
      const order = readOrderPath(request.params, { code: 'not_found' });
      const raw: unknown = request.body ?? {};
      const takeOver = action === 'takeOver' ? takeOverRequestSchema.safeParse(raw) : null;
      if (takeOver && !takeOver.success) throw new HttpError(400, drfFieldErrors(takeOver.error, raw, wording));
      // Required for a take-over (it moves someone else's work, and the audit must not see it twice); claims and
      // releases are idempotent by themselves, a key only replays the first answer.
      const key = readIdempotencyKey(request, action === 'takeOver');
      const path = requestPath(request);
      const scope = { key, method: 'POST', path, userId: user.id, fingerprint: requestFingerprint('POST', path, raw) };
      const result = await runIdempotent(store, scope, async (trx) => {
        await expireStaleAssignments(trx, clock);
        const input = { ...order, user, now: clock.now().toISOString() };
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
