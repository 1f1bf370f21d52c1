/** Rows of order_events: the workflow overrides ClaimDesk reported, oldest first per order. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { OrderEventsTable, ServerDatabase } from './db.types';

export type OrderEventRow = Selectable<OrderEventsTable>;

export async function insertOrderEvent(db: Kysely<ServerDatabase>, row: Insertable<OrderEventsTable>): Promise<OrderEventRow> {
  return db.insertInto('order_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** By id, not by occurred_at: the order the server received them in, which is what support reads. */
export async function orderEventsOf(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<OrderEventRow[]> {
  return db
    .selectFrom('order_events')
    .selectAll()
    .where('order_type', '=', orderType)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}

export async function deleteOrderEvents(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<void> {
  await db.deleteFrom('order_events').where('order_type', '=', orderType).where('order_id', '=', orderId).execute();
}
