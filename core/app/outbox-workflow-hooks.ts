/**
 * What an outbox outcome means for the workflow and for staff (issue 6): a delivered upload is UPLOAD_DELIVERED
 * (the order completes by itself once every purchased claim is delivered), a refused one UPLOAD_NEEDS_REVIEW, both
 * in the transaction that records the outcome; anything that failed for good is announced.
 */
import type { Transaction } from 'kysely';
import type { SendOutcome } from '../../shared/outbox/classify-send';
import { eventPayloadSchema, statusPayloadSchema, uploadPayloadSchema } from '../../shared/outbox/outbox.types';
import type { Database } from '../db/schema';
import type { OutboxRow } from '../repos/outbox.repo';
import { applySystemEvent } from '../workflow/apply-transition';
import type { NotificationsService } from '../workflow/notifications.service';

export function outboxWorkflowHooks(deps: { now: () => Date; notifications: NotificationsService; onChanged: (jobIds: number[]) => void; onError: (error: unknown) => void }) {
  return {
    async afterRecord(trx: Transaction<Database>, entry: OutboxRow, outcome: SendOutcome['state']): Promise<void> {
      if (entry.kind !== 'upload') return;
      const at = deps.now().toISOString();
      if (outcome === 'done') await applySystemEvent(trx, entry.job_id, 'UPLOAD_DELIVERED', at);
      if (outcome === 'needs-review') await applySystemEvent(trx, entry.job_id, 'UPLOAD_NEEDS_REVIEW', at, 'The server refused the upload (409): the order changed there.');
    },
    onRecorded(entry: OutboxRow, outcome: SendOutcome['state'], message: string | null): void {
      deps.onChanged([entry.job_id]);
      if (outcome !== 'failed' && outcome !== 'needs-review') return;
      const what = describe(entry);
      const title = outcome === 'failed' ? `${what.label} for ${what.orderNumber} failed` : `${what.label} for ${what.orderNumber} needs review`;
      deps.notifications
        .notify({
          kind: 'upload_failed',
          title,
          body: `${message ?? 'The server refused it.'} It is kept in the outbox: retry it, or discard it.`,
          order: what.order,
          jobId: entry.job_id,
          dedupeKey: `outbox:${entry.id}:${outcome}:${entry.attempts}`,
        })
        .catch(deps.onError);
    },
  };
}

function describe(entry: OutboxRow): { label: string; orderNumber: string; order: { orderType: 'claim_purchase' | 'claim_order'; id: number } | null } {
  const json: unknown = JSON.parse(entry.payload_json);
  const parsed = entry.kind === 'upload' ? uploadPayloadSchema.safeParse(json) : entry.kind === 'status' ? statusPayloadSchema.safeParse(json) : eventPayloadSchema.safeParse(json);
  const label = entry.kind === 'upload' ? 'The package upload' : entry.kind === 'status' ? 'The status change' : 'The override record';
  if (!parsed.success) return { label, orderNumber: `job ${entry.job_id}`, order: null };
  return { label, orderNumber: parsed.data.orderNumber, order: { orderType: parsed.data.orderType, id: parsed.data.orderId } };
}
