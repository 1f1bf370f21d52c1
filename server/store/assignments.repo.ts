/** Rows of order_assignments: one claim per order (desk assignment), open until released, taken over or expired. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { OrderAssignmentsTable, ServerDatabase } from './db.types';

export type AssignmentRow = Selectable<OrderAssignmentsTable>;

export async function findAssignment(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<AssignmentRow | undefined> {
  return db.selectFrom('order_assignments').selectAll().where('order_type', '=', orderType).where('order_id', '=', orderId).executeTakeFirst();
}

/** Replaces the order's claim (a new holder, or the expired claim of before). */
export async function putAssignment(db: Kysely<ServerDatabase>, row: Insertable<OrderAssignmentsTable>): Promise<void> {
  await db
    .insertInto('order_assignments')
    .values(row)
    .onConflict((oc) => oc.columns(['order_type', 'order_id']).doUpdateSet(row))
    .execute();
}

export async function touchAssignment(db: Kysely<ServerDatabase>, orderType: string, orderId: number, at: string): Promise<void> {
  await db.updateTable('order_assignments').set({ active_at: at }).where('order_type', '=', orderType).where('order_id', '=', orderId).execute();
}

export async function deleteAssignment(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<void> {
  await db.deleteFrom('order_assignments').where('order_type', '=', orderType).where('order_id', '=', orderId).execute();
}

/** Open claims whose last activity is before `before` (ISO); the caller decides which of them have expired. */
export async function openAssignmentsActiveBefore(db: Kysely<ServerDatabase>, before: string): Promise<AssignmentRow[]> {
  return db.selectFrom('order_assignments').selectAll().where('ended_at', 'is', null).where('active_at', '<', before).execute();
}

export async function endAssignment(db: Kysely<ServerDatabase>, row: Pick<AssignmentRow, 'order_type' | 'order_id'>, at: string, reason: string): Promise<void> {
  await db
    .updateTable('order_assignments')
    .set({ ended_at: at, end_reason: reason })
    .where('order_type', '=', row.order_type)
    .where('order_id', '=', row.order_id)
    .where('ended_at', 'is', null)
    .execute();
}
