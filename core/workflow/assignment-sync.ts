/**
 * What a finished sync says about desk assignment, for this desk's signed-in user:
 *   - an order this desk's claim was confirmed for is now held by someone else (a manager or admin took it over, or
 *     gave it to another staff member): ASSIGNMENT_LOST puts the job in needs review, and the holder is told who;
 *   - their claim ended because the server saw no activity for its business days: they are told, and so is every
 *     manager or admin (each desk once per expiry).
 * Nothing here while a claim, release or take-over of the job is still on its way: the list predates it.
 */
import { beingWorkedBy, sinceDate } from '../../shared/assignment/assignment-text';
import { parseStoredExpired, parseStoredHolder } from '../../shared/assignment/read-assignment';
import { canOverride } from '../../shared/workflow/workflow.machine';
import type { Actor } from '../../shared/workflow/workflow.types';
import { hasPendingAssignment, listClaimedJobs, listExpiredClaims, setJobClaimed, type ClaimedJobRow } from '../repos/assignment.repo';
import { applySystemEvent } from './apply-transition';
import type { AfterSyncDeps } from './workflow-sync';

const expiredKey = (orderType: string, id: number, expiredAt: string): string => `assignment-expired:${orderType}:${id}:${expiredAt}`;

async function lost(deps: AfterSyncDeps, job: ClaimedJobRow, actor: Actor): Promise<number | null> {
  const holder = parseStoredHolder(job.assigned_to_json);
  const at = deps.now().toISOString();
  if (holder === null) {
    await setJobClaimed(deps.db, job.id, null);
    const expired = parseStoredExpired(job.assignment_expired_json);
    if (expired && expired.username === actor.username) {
      await deps.notifications.notify({
        kind: 'assignment',
        title: `Your claim on ${job.order_number} expired`,
        body: `The server saw no activity on it since ${sinceDate(expired.since)} and ended it on ${sinceDate(expired.expiredAt)}. Other desks may pull the order now; pull it again to keep working on it.`,
        order: { orderType: job.order_type, id: job.order_id },
        jobId: job.id,
        dedupeKey: expiredKey(job.order_type, job.order_id, expired.expiredAt),
      });
    }
    return null;
  }
  const from = holder.takenOverFrom === actor.username ? `, taken over from ${actor.username}${holder.reason ? ` (${holder.reason})` : ''}` : '';
  const reason = `${beingWorkedBy(holder)}${from}.`;
  const applied = await deps.db.transaction().execute(async (trx) => {
    await setJobClaimed(trx, job.id, null);
    return applySystemEvent(trx, job.id, 'ASSIGNMENT_LOST', at, reason);
  });
  await deps.notifications.notify({
    kind: 'assignment',
    title: `${holder.name} now works ${job.order_number}`,
    body: `${reason} ${applied?.changed ? 'Your job is in needs review: keep the work here, hand it over or cancel it.' : 'Your job is kept as it is.'}`,
    order: { orderType: job.order_type, id: job.order_id },
    jobId: job.id,
    dedupeKey: `assignment-lost:${job.id}:${holder.username}:${holder.since}`,
  });
  return applied?.changed ? job.id : null;
}

/** Answers the jobs whose workflow changed. */
export async function reconcileAssignments(deps: AfterSyncDeps, actor: Actor | null): Promise<number[]> {
  if (actor === null || actor.role === 'system') return [];
  const changed: number[] = [];
  for (const job of await listClaimedJobs(deps.db, actor.username)) {
    if (parseStoredHolder(job.assigned_to_json)?.username === actor.username) continue;
    if (await hasPendingAssignment(deps.db, job.id)) continue;
    const id = await lost(deps, job, actor);
    if (id !== null) changed.push(id);
  }
  if (canOverride(actor.role)) {
    for (const order of await listExpiredClaims(deps.db)) {
      if (order.expired.username === actor.username) continue; // told above, as the holder
      await deps.notifications.notify({
        kind: 'assignment',
        title: `${order.expired.name}'s claim on ${order.order_number} expired`,
        body: `No activity since ${sinceDate(order.expired.since)}; the server ended the claim on ${sinceDate(order.expired.expiredAt)}. The order is free for any desk.`,
        order: { orderType: order.order_type, id: order.id },
        dedupeKey: expiredKey(order.order_type, order.id, order.expired.expiredAt),
      });
    }
  }
  return changed;
}
