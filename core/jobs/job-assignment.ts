/**
 * A person's desk-assignment commands on an order this desk has a job for: claim it (again), take it over from
 * another staff member (a manager or admin, with a reason: logged and reported like every override), and release
 * it. Each is written to the outbox in one transaction, like a status change, and sent when the network allows;
 * a server known to lack desk assignment is not asked (outbox-writer.ts). Pulling a new order claims it through
 * the workflow itself (PULL; apply-transition.ts).
 */
import type { Kysely } from 'kysely';
import { beingWorkedBy } from '../../shared/assignment/assignment-text';
import { parseStoredHolder, type OrderHolder } from '../../shared/assignment/read-assignment';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { canOverride } from '../../shared/workflow/workflow.machine';
import { isClosedState, MIN_OVERRIDE_REASON_LENGTH, type Actor } from '../../shared/workflow/workflow.types';
import type { Database } from '../db/schema';
import { assignmentUnsupported, hasPendingAssignment } from '../repos/assignment.repo';
import { getJobRowByOrder } from '../repos/jobs.repo';
import { getWorkflowFacts } from '../repos/workflow.repo';
import { writeOutgoing } from '../outbox/outbox-writer';
import { assignmentMessage, recordTakeOver, type Trx } from '../workflow/apply-transition';
import type { OutboxService } from '../outbox/outbox.service';
import type { WorkflowService } from '../workflow/workflow.service';

export interface AssignmentCommandsDeps {
  db: Kysely<Database>;
  workflow: Pick<WorkflowService, 'requireActor'>;
  now: () => Date;
  outbox?: Pick<OutboxService, 'kick'>;
  onChanged?: (jobIds: number[]) => void;
}

export interface AssignmentResult {
  jobId: number;
  /** What was queued for the server: nothing when there was nothing to do, or the server lacks desk assignment. */
  queued: 'claim' | 'take_over' | 'release' | null;
  /** The holder the desk knows of now (before the server answers what was queued). */
  holder: OrderHolder | null;
  /** The server this cache is bound to has no desk assignment: the order is worked here without a claim. */
  unsupported: boolean;
}

/** The refusal a staff member gets when another desk holds the order, with the one sentence every desk shows. */
export function heldRefusal(holder: Pick<OrderHolder, 'name' | 'since'>, actor: Actor): AppError {
  const who = canOverride(actor.role) ? 'As a manager or admin you can take it over with a reason.' : 'Only a manager or admin can take it over, with a reason.';
  return new AppError('assignment-held', `${beingWorkedBy(holder)}. ${who}`);
}

/** A day: work saved on a claimed job renews the claim on the server at most this often. */
const RENEW_AFTER_MS = 86_400_000;

/**
 * Work on a job is the activity that keeps its claim alive: after a save, the holder's claim is renewed when the
 * server last saw activity more than a day ago, so a claim expires only when nobody works the order (the server
 * counts its business days from the last renewal). In the save's transaction; nothing when the claim is not this
 * user's, one is already on its way, or the server has no desk assignment.
 */
export async function renewClaimIfDue(trx: Trx, jobId: number, actor: Actor, at: string): Promise<boolean> {
  const facts = await getWorkflowFacts(trx, jobId);
  if (!facts || facts.claimed_at === null || isClosedState(facts.workflow_state)) return false;
  const holder = parseStoredHolder(facts.assigned_to_json);
  if (!holder || holder.username !== actor.username) return false;
  const seen = Date.parse(holder.activeAt ?? facts.claimed_at);
  if (!(Date.parse(at) - seen > RENEW_AFTER_MS) || (await hasPendingAssignment(trx, jobId))) return false;
  const ids = await writeOutgoing(trx, jobId, [assignmentMessage(facts, 'claim', null)], { at, queuedBy: actor.username });
  return ids.length > 0;
}

export interface AssignmentCommands {
  claim(key: OrderKey, takeOver?: { reason: string; to?: string }): Promise<AssignmentResult>;
  release(key: OrderKey): Promise<AssignmentResult>;
}

export function createAssignmentCommands(deps: AssignmentCommandsDeps): AssignmentCommands {
  const { db } = deps;

  async function jobOf(key: OrderKey): Promise<number> {
    const row = await getJobRowByOrder(db, key);
    if (!row) throw new AppError('not-found', `There is no job for order ${key.orderType} #${key.id} on this desk: pull the order first.`);
    return row.id;
  }

  async function run(key: OrderKey, decide: (facts: { holder: OrderHolder | null; closed: boolean }, actor: Actor, at: string, jobId: number, trx: Trx) => Promise<AssignmentResult['queued']>): Promise<AssignmentResult> {
    const jobId = await jobOf(key);
    const actor = await deps.workflow.requireActor();
    const at = deps.now().toISOString();
    const queued = await db.transaction().execute(async (trx) => {
      const facts = await getWorkflowFacts(trx, jobId);
      if (!facts) throw new AppError('not-found', `Job ${jobId} does not exist.`);
      const holder = parseStoredHolder(facts.assigned_to_json);
      return decide({ holder, closed: isClosedState(facts.workflow_state) }, actor, at, jobId, trx);
    });
    const after = await getWorkflowFacts(db, jobId);
    if (queued) {
      deps.onChanged?.([jobId]);
      deps.outbox?.kick();
    }
    return { jobId, queued, holder: parseStoredHolder(after?.assigned_to_json ?? null), unsupported: await assignmentUnsupported(db) };
  }

  return {
    claim(key, takeOver) {
      return run(key, async ({ holder, closed }, actor, at, jobId, trx) => {
        if (closed) throw new AppError('workflow-refused', 'The job is closed (delivered or cancelled): reopen it before claiming the order again.');
        const target = takeOver?.to ?? actor.username;
        const other = holder !== null && holder.username !== target;
        if (takeOver || other) {
          if (!takeOver) throw heldRefusal(holder!, actor);
          if (!canOverride(actor.role)) throw new AppError('forbidden', `Only a manager or admin can take an order over or assign it; you are signed in as ${actor.role}.`);
          if (takeOver.reason.trim().length < MIN_OVERRIDE_REASON_LENGTH) {
            throw new AppError('workflow-refused', `A take-over needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters saying why the order changes hands.`);
          }
          if (await assignmentUnsupported(trx)) return null;
          const messages = await recordTakeOver(trx, jobId, actor, takeOver.reason.trim(), at, takeOver.to ?? null);
          await writeOutgoing(trx, jobId, messages, { at, queuedBy: actor.username });
          return 'take_over';
        }
        if (await hasPendingAssignment(trx, jobId)) return null;
        const facts = await getWorkflowFacts(trx, jobId);
        const ids = await writeOutgoing(trx, jobId, [assignmentMessage(facts!, 'claim', null)], { at, queuedBy: actor.username });
        return ids.length > 0 ? 'claim' : null;
      });
    },
    release(key) {
      return run(key, async (_facts, actor, at, jobId, trx) => {
        const facts = await getWorkflowFacts(trx, jobId);
        const ids = await writeOutgoing(trx, jobId, [assignmentMessage(facts!, 'release', null)], { at, queuedBy: actor.username });
        return ids.length > 0 ? 'release' : null;
      });
    },
  };
}
