/**
 * What a finished sync means for the workflow, done outside the sync's transaction so a problem
 * here never costs the orders just saved:
 *   - a job whose order the server cancelled, rejected, completed or stopped listing (with nothing delivered from
 *     here) gets SERVER_CANCELLED or SERVER_COMPLETED, and staff are told;
 *   - new orders are announced;
 *   - possible duplicate purchases are found again over every listed order (in a worker thread in the app) and new
 *     pairs announced.
 */
import type { Kysely } from 'kysely';
import { orderKeyFromString, orderKeyOfJobRow } from '../../shared/domain/order.types';
import { isClosedOrderStatus, isCompletedOrderStatus } from '../../shared/domain/order-status';
import type { WorkflowSettings } from '../../shared/workflow/workflow-settings';
import type { Database } from '../db/schema';
import { withRelaxedCommit } from '../db/relaxed-commit';
import { listDuplicatePairKeys, replaceDuplicates, type DuplicateRowInput } from '../repos/duplicates.repo';
import { getWorkflowFacts, listJobsWithClosedOrders } from '../repos/workflow.repo';
import { applySystemEvent } from './apply-transition';
import { reconcileAssignments } from './assignment-sync';
import type { Actor } from '../../shared/workflow/workflow.types';
import { inThreadDuplicateCheck, type DuplicateCheck } from './duplicate-check';
import type { NewOrders } from '../../shared/domain/sync.types';
import type { NotificationsService } from './notifications.service';

export interface AfterSyncDeps {
  db: Kysely<Database>;
  now: () => Date;
  notifications: NotificationsService;
  getSettings: () => Promise<WorkflowSettings>;
  /** Who is signed in, for desk assignment (assignment-sync.ts); absent: nothing about assignment is reconciled. */
  currentActor?: () => Promise<Actor | null>;
  /** The duplicate check; the app's runs in a worker thread (duplicate-check.ts). Default: on this thread. */
  findDuplicates?: DuplicateCheck;
}

export interface SyncOutcome {
  /** Orders this sync saw for the first time: how many, and the first few (oldest first) with their numbers. */
  added: NewOrders;
  /** Anything was written or marked gone (duplicates only need recomputing then). */
  changed: boolean;
}

async function reconcileServerChanges(deps: AfterSyncDeps): Promise<number[]> {
  const changed: number[] = [];
  for (const job of await listJobsWithClosedOrders(deps.db)) {
    const facts = await getWorkflowFacts(deps.db, job.id);
    // Something from this job reached the server: the order closing is then our own doing (as job-conflict.ts).
    if (!facts || Number(facts.claims_delivered) > 0) continue;
    const status = job.gone === 1 && !isClosedOrderStatus(job.order_status) ? 'gone' : job.order_status;
    const event = isCompletedOrderStatus(status) ? 'SERVER_COMPLETED' : 'SERVER_CANCELLED';
    const what = status === 'gone' ? 'is no longer listed as pending on the server' : `was ${status.replace('_', ' ')} on the server`;
    const at = deps.now().toISOString();
    const applied = await deps.db.transaction().execute((trx) => applySystemEvent(trx, job.id, event, at, `The order ${what}.`));
    if (!applied?.changed) continue;
    changed.push(job.id);
    const number = job.order_number || `job ${job.id}`;
    await deps.notifications.notify({
      kind: 'order_changed',
      title: `Order ${number} ${what}`,
      body: `Its job is now ${applied.to.replace('_', ' ')}. Your layout and documents are kept; open the job to decide what happens next.`,
      order: orderKeyOfJobRow(facts),
      jobId: job.id,
      dedupeKey: `order_changed:${job.id}:${status}`,
    });
  }
  return changed;
}

async function announceNewOrders(deps: AfterSyncDeps, added: SyncOutcome['added']): Promise<void> {
  if (added.count === 0) return;
  const numbers = added.first.map((a) => a.orderNumber);
  const more = added.count > numbers.length ? ` and ${added.count - numbers.length} more` : '';
  await deps.notifications.notify({
    kind: 'new_orders',
    title: added.count === 1 ? `New order ${added.first[0]!.orderNumber}` : `${added.count} new orders`,
    body: `Synced from the server: ${numbers.join(', ')}${more}.`,
    order: added.count === 1 ? added.first[0]!.key : null,
  });
}

async function refreshDuplicates(deps: AfterSyncDeps, settings: WorkflowSettings): Promise<void> {
  const { pairs, numbers } = await (deps.findDuplicates ?? inThreadDuplicateCheck(deps.db))(settings.duplicateMinShare);
  const inputs: DuplicateRowInput[] = pairs.map((pair) => ({
    a: orderKeyFromString(pair.a),
    b: orderKeyFromString(pair.b),
    share: pair.share,
    overlapAcres: pair.overlapAcres,
    claims: pair.claims,
  }));
  const known = await listDuplicatePairKeys(deps.db);
  const notices = pairs
    .filter((pair) => !known.has(`${pair.a}|${pair.b}`))
    .map((pair) => ({
      kind: 'duplicate_orders' as const,
      title: 'Possible duplicate purchase',
      body: `Orders ${numbers[pair.a] ?? pair.a} and ${numbers[pair.b] ?? pair.b} share ${Math.round(pair.share * 100)} % of their claim area (${pair.overlapAcres.toFixed(1)} acres). Check with the customer before staking both.`,
      order: orderKeyFromString(pair.a),
      dedupeKey: `duplicate:${pair.a}|${pair.b}`,
    }));
  // The pairs and their notices land together, in one commit that does not wait for the disk (relaxed-commit.ts):
  // a commit each, flushed on this thread, held the event loop for a flush per pair. A power cut that undoes them
  // undoes both, and the next sync's check finds and announces the same pairs again.
  const added = await withRelaxedCommit(deps.db, (connection) =>
    connection.transaction().execute(async (trx) => {
      await replaceDuplicates(trx, inputs, deps.now().toISOString());
      return deps.notifications.record(trx, notices);
    }),
  );
  deps.notifications.announce(added);
}

/** Answers the jobs whose workflow changed, for the views to refresh. */
export async function afterSync(deps: AfterSyncDeps, outcome: SyncOutcome): Promise<number[]> {
  const changed = await reconcileServerChanges(deps);
  if (deps.currentActor) changed.push(...(await reconcileAssignments(deps, await deps.currentActor())));
  await announceNewOrders(deps, outcome.added);
  if (outcome.changed) await refreshDuplicates(deps, await deps.getSettings());
  return changed;
}
