/**
 * What an outbox outcome means beyond the entry itself. In the transaction that records it: a delivered upload is a
 * delivery (its claims counted from then on) and UPLOAD_DELIVERED in the job's workflow (the order completes by
 * itself once every purchased claim is delivered); a refused one is UPLOAD_NEEDS_REVIEW. After it commits: anything
 * that failed for good, or waits for a person's decision, is announced to staff.
 */
import type { SendOutcome } from '../../shared/outbox/classify-send';
import { eventLabel, eventPayloadSchema, statusPayloadSchema, uploadPayloadSchema, type UploadPayload } from '../../shared/outbox/outbox.types';
import type { OrderKey } from '../../shared/domain/order.types';
import { crewLabel, crewPayloadSchema } from '../../shared/crews/crew-payload';
import { insertDelivery } from '../repos/deliveries.repo';
import type { OutboxRow } from '../repos/outbox.repo';
import { applySystemEvent, type Trx } from '../workflow/apply-transition';
import type { NotificationsService } from '../workflow/notifications.service';

/** The job of an upload (every upload is queued from a job; only crew decisions have none). */
export function uploadJobId(entry: OutboxRow): number {
  if (entry.job_id === null) throw new Error(`Outbox entry ${entry.id} (${entry.kind}) has no job.`);
  return entry.job_id;
}

/** A delivered upload: `payload` is what its request carried (read once, by the send). */
export async function recordDelivery(trx: Trx, entry: OutboxRow, payload: Pick<UploadPayload, 'orderType' | 'orderId' | 'claims'>, claimPackageId: number | null, at: string): Promise<void> {
  await insertDelivery(trx, {
    outboxId: entry.id,
    jobId: uploadJobId(entry),
    orderType: payload.orderType,
    orderId: payload.orderId,
    claimPackageId,
    deliveredAt: at,
    claimNames: payload.claims.map((claim) => claim.name),
  });
}

export async function applyOutcomeToWorkflow(trx: Trx, entry: OutboxRow, outcome: SendOutcome['state'], at: string): Promise<void> {
  if (entry.kind !== 'upload') return;
  if (outcome === 'done') await applySystemEvent(trx, uploadJobId(entry), 'UPLOAD_DELIVERED', at);
  if (outcome === 'needs-review') await applySystemEvent(trx, uploadJobId(entry), 'UPLOAD_NEEDS_REVIEW', at, 'The server refused the upload (409): the order changed there.');
}

export async function announceOutcome(
  notifications: Pick<NotificationsService, 'notify'>,
  entry: OutboxRow,
  outcome: SendOutcome['state'],
  message: string | null,
): Promise<void> {
  if (outcome !== 'failed' && outcome !== 'needs-review') return;
  const what = describe(entry);
  const title = outcome === 'failed' ? `${what.label} for ${what.orderNumber} failed` : `${what.label} for ${what.orderNumber} needs review`;
  await notifications.notify({
    kind: 'upload_failed',
    title,
    body: `${message ?? 'The server refused it.'} It is kept in the outbox: retry it, or discard it.`,
    order: what.order,
    jobId: entry.job_id,
    dedupeKey: `outbox:${entry.id}:${outcome}:${entry.attempts}`,
  });
}

function describe(entry: OutboxRow): { label: string; orderNumber: string; order: OrderKey | null } {
  let json: unknown;
  try {
    json = JSON.parse(entry.payload_json);
  } catch {
    json = undefined; // announced all the same, with what the entry's own columns say
  }
  if (entry.kind === 'crew') {
    const crew = crewPayloadSchema.safeParse(json);
    if (!crew.success) return { label: crewLabel(null), orderNumber: 'an order', order: null };
    return { label: crewLabel(crew.data), orderNumber: crew.data.orderNumber, order: { orderType: crew.data.orderType, id: crew.data.orderId } };
  }
  const parsed = entry.kind === 'upload' ? uploadPayloadSchema.safeParse(json) : entry.kind === 'status' ? statusPayloadSchema.safeParse(json) : eventPayloadSchema.safeParse(json);
  const event = entry.kind === 'event' && parsed.success ? eventPayloadSchema.parse(json) : null;
  const label = entry.kind === 'upload' ? 'The package upload' : entry.kind === 'status' ? 'The status change' : eventLabel(event);
  if (!parsed.success) return { label, orderNumber: `job ${entry.job_id}`, order: null };
  return { label, orderNumber: parsed.data.orderNumber, order: { orderType: parsed.data.orderType, id: parsed.data.orderId } };
}
