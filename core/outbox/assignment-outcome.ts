/**
 * What a desk-assignment answer means, beyond the outbox entry. In the outcome's transaction: a claim or take-over
 * the server confirmed is the order's holder and this desk's claim; a claim refused because someone else holds the
 * order (this desk pulled it offline, or before its sync knew) is that holder and ASSIGNMENT_LOST, which puts the
 * job in needs review with both names; a server without the endpoints is remembered, so nothing more is queued for
 * it. After it commits, that last fact is announced once per server, never per order.
 */
import { beingWorkedBy, sinceDate } from '../../shared/assignment/assignment-text';
import type { SendOutcome } from '../../shared/outbox/classify-send';
import { assignmentPayloadSchema } from '../../shared/outbox/outbox.types';
import { setAssignmentUnsupported, setJobClaimed, setOrderHolder } from '../repos/assignment.repo';
import type { OutboxRow } from '../repos/outbox.repo';
import { applySystemEvent, type Trx } from '../workflow/apply-transition';
import type { NotificationsService } from '../workflow/notifications.service';
import type { SendAnswer } from './outbox-send';

export const ASSIGNMENT_UNSUPPORTED_MESSAGE =
  'This server does not support desk assignment: the order is worked here without a claim, and other desks are not told who works it.';

/** The outcome an assignment answer stands for; null: not an assignment answer, or delivered (done). */
export function assignmentOutcome(entry: OutboxRow, answer: SendAnswer | null): SendOutcome | null {
  if (answer?.kind !== 'assignment') return null;
  const { answer: result } = answer;
  if (result.kind === 'unsupported') return { state: 'not-applied', message: ASSIGNMENT_UNSUPPORTED_MESSAGE };
  if (result.kind === 'held') {
    const holder = result.holder ? beingWorkedBy(result.holder) : result.message.replace(/\.$/, '');
    return { state: 'not-applied', message: `${holder}; ${entry.queued_by ?? 'this desk'} pulled it here on ${sinceDate(entry.created_at)}, before that was known here.` };
  }
  return null;
}

export async function applyAssignmentOutcome(trx: Trx, entry: OutboxRow, answer: SendAnswer | null, outcome: SendOutcome, at: string): Promise<void> {
  if (entry.kind !== 'assignment' || answer?.kind !== 'assignment') return;
  const payload = assignmentPayloadSchema.parse(JSON.parse(entry.payload_json));
  const key = { orderType: payload.orderType, id: payload.orderId };
  const result = answer.answer;
  if (result.kind === 'unsupported') {
    if (entry.server_url) await setAssignmentUnsupported(trx, entry.server_url);
    return;
  }
  await setOrderHolder(trx, key, result.holder);
  // Claims are queued with their job; only crew decisions carry none (the outbox's job_id is nullable for them).
  if (entry.job_id === null) return;
  const ours = result.holder !== null && result.holder.username === entry.queued_by;
  await setJobClaimed(trx, entry.job_id, ours && entry.queued_by ? { at, by: entry.queued_by } : null);
  if (result.kind === 'held' && outcome.state === 'not-applied') await applySystemEvent(trx, entry.job_id, 'ASSIGNMENT_LOST', at, outcome.message);
}

export async function announceAssignment(notifications: Pick<NotificationsService, 'notify'>, entry: OutboxRow, answer: SendAnswer | null, outcome: SendOutcome): Promise<void> {
  if (answer?.kind !== 'assignment' || outcome.state !== 'not-applied') return;
  if (answer.answer.kind === 'held') {
    const payload = assignmentPayloadSchema.parse(JSON.parse(entry.payload_json));
    await notifications.notify({
      kind: 'assignment',
      title: `${payload.orderNumber}: someone else works this order`,
      body: `${outcome.message} The job is in needs review: keep the work here, hand it over or cancel it.`,
      order: { orderType: payload.orderType, id: payload.orderId },
      jobId: entry.job_id,
      dedupeKey: `assignment-held:${entry.id}`,
    });
    return;
  }
  await notifications.notify({
    kind: 'assignment',
    title: 'Desk assignment is not supported by this server',
    body: `${ASSIGNMENT_UNSUPPORTED_MESSAGE} Pulling, documents and uploads work as before.`,
    dedupeKey: `assignment-unsupported:${entry.server_url ?? ''}`,
  });
}
