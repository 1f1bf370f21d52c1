/** Deliveries (0009): uploads the server confirmed, each with the claims it carried. Written with the outcome. */
import type { Db } from '../db/schema';

export interface DeliveryInput {
  outboxId: string;
  jobId: number;
  orderType: 'claim_purchase' | 'claim_order';
  orderId: number;
  claimPackageId: number | null;
  deliveredAt: string;
  claimNames: readonly string[];
}

/** Records one delivery; a second record of the same entry (a resend answered from its key) changes nothing. */
export async function insertDelivery(db: Db, delivery: DeliveryInput): Promise<void> {
  const inserted = await db
    .insertInto('deliveries')
    .values({
      outbox_id: delivery.outboxId,
      job_id: delivery.jobId,
      order_type: delivery.orderType,
      order_id: delivery.orderId,
      claim_package_id: delivery.claimPackageId,
      delivered_at: delivery.deliveredAt,
    })
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const names = [...new Set(delivery.claimNames)];
  if (names.length === 0) return;
  await db
    .insertInto('delivered_claims')
    .values(names.map((claim_name) => ({ outbox_id: delivery.outboxId, job_id: delivery.jobId, claim_name })))
    .execute();
}

/** When the server last confirmed an upload of the job's package; null when it never has. */
export async function lastDeliveredAt(db: Db, jobId: number): Promise<string | null> {
  const row = await db.selectFrom('deliveries').select((eb) => eb.fn.max('delivered_at').as('at')).where('job_id', '=', jobId).executeTakeFirst();
  return row?.at ?? null;
}
