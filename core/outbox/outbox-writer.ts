/**
 * The one writer of what a workflow transition must tell the server. It runs in the caller's transaction, so the
 * transition, the change that caused it and the entries that carry it to the server commit together or not at all.
 * An order status change is also written to the order's cached row at once (the desk sees it before the server
 * does), and a cancellation made here is marked as ours so it never reads as a server change under the job.
 */
import { randomUUID } from 'node:crypto';
import type { OutgoingMessage } from '../../shared/outbox/outbox.types';
import type { Actor, TransitionOptions, WorkflowEvent } from '../../shared/workflow/workflow.types';
import type { Db } from '../db/schema';
import { setConflictAck } from '../repos/jobs.repo';
import { setOrderStatusLocally } from '../repos/orders.repo';
import { insertOutboxEntry } from '../repos/outbox.repo';
import { assignmentUnsupported } from '../repos/assignment.repo';
import { applyTransition, type Applied, type Trx } from '../workflow/apply-transition';

export interface WriteHooks {
  /** Test hook: runs between a status change's local write and its entry (the crash tests kill the process there). */
  afterLocalWrite?: () => void;
}

/**
 * Stores each message as an outbox entry (in order, so the runner sends them in order), queued by the person whose
 * decision it carries: it is sent only under their account. Answers the entry ids.
 */
export async function writeOutgoing(
  trx: Db,
  jobId: number,
  outgoing: readonly OutgoingMessage[],
  by: { at: string; queuedBy: string },
  hooks: WriteHooks = {},
): Promise<string[]> {
  const { at, queuedBy } = by;
  const ids: string[] = [];
  // A server known to lack desk assignment is not asked again: the order is worked here without a claim.
  const skipAssignment = outgoing.some((m) => m.kind === 'assignment') && (await assignmentUnsupported(trx));
  for (const message of outgoing) {
    if (message.kind === 'assignment' && skipAssignment) continue;
    const id = randomUUID();
    if (message.kind === 'status') {
      const { payload } = message;
      await setOrderStatusLocally(trx, { orderType: payload.orderType, id: payload.orderId }, payload.status, at);
      // Cancelling here is our own decision, not a server change under the job: it must not raise a conflict.
      if (payload.status === 'cancelled') await setConflictAck(trx, jobId, 'cancelled');
      hooks.afterLocalWrite?.();
    }
    await insertOutboxEntry(
      trx,
      { id, job_id: jobId, kind: message.kind, payload_json: JSON.stringify(message.payload), state: 'queued', created_at: at, updated_at: at, queued_by: queuedBy },
      [],
    );
    ids.push(id);
  }
  return ids;
}

/** A transition and what it must tell the server, in the caller's transaction: how every service fires an event. */
export async function transitionAndQueue(
  trx: Trx,
  jobId: number,
  event: WorkflowEvent,
  actor: Actor,
  options: TransitionOptions & { at: string },
): Promise<Applied & { entryIds: string[] }> {
  const applied = await applyTransition(trx, jobId, event, actor, options);
  return { ...applied, entryIds: await writeOutgoing(trx, jobId, applied.outgoing, { at: options.at, queuedBy: actor.username }) };
}
