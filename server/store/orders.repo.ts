/** Order rows: the JSON document as sent plus the few columns the pending-orders filter and FIFO sort need. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OrderStatusChangesTable, OrdersTable, ServerDatabase } from './db.types';

export type OrderRow = Selectable<OrdersTable>;
export type NewOrderRow = Omit<OrderRow, 'row_id'>;

/** Staff statuses: an order being worked on or on hold still waits for fulfilment, so it stays listed. */
export const STAFF_LISTED_STATUSES = ['in_progress', 'on_hold'] as const;
export const CPO_LISTED_STATUSES = ['processing', 'pending', ...STAFF_LISTED_STATUSES] as const;
export const CO_LISTED_STATUSES = ['paid', 'approved', ...STAFF_LISTED_STATUSES] as const;
export const COMPLETE_PACKAGE_STATUS = 'complete';

/**
 * The stored document with the order's desk assignment (assignment.schemas.ts) set in it by SQLite's json_set, so
 * the claim lives in one table and the list is still assembled from stored text; orders nobody ever claimed keep
 * their text untouched. Raw test documents that are not JSON objects are never edited.
 */
const withAssignment = sql<string>`CASE WHEN a.order_id IS NULL OR NOT json_valid(orders.doc) OR json_type(orders.doc) != 'object' THEN orders.doc ELSE json_set(orders.doc,
  '$.assigned_to', CASE WHEN a.ended_at IS NULL THEN json_object('username', a.username, 'name', a.name, 'since', a.since, 'active_at', a.active_at, 'taken_over_from', a.taken_over_from, 'reason', a.reason) END,
  '$.assignment_expired', CASE WHEN a.end_reason = 'expired' THEN json_object('username', a.username, 'name', a.name, 'since', a.since, 'expired_at', a.ended_at) END) END`;

/**
 * The pending-orders filter. Rows whose type or status could not be read (raw test orders with wrong types) are
 * listed too: the point of storing them is that the client gets to see them.
 */
export async function selectPendingDocs(db: Kysely<ServerDatabase>): Promise<string[]> {
  const rows = await db
    .selectFrom('orders')
    .leftJoin('order_assignments as a', (join) => join.onRef('a.order_type', '=', 'orders.order_type').onRef('a.order_id', '=', 'orders.order_id'))
    .select(withAssignment.as('doc'))
    .where((eb) =>
      eb.or([
        eb('orders.order_type', 'is', null),
        eb('orders.status', 'is', null),
        eb.and([
          eb('orders.order_type', '=', 'claim_purchase'),
          eb('orders.status', 'in', [...CPO_LISTED_STATUSES]),
          eb.or([eb('orders.package_status', 'is', null), eb('orders.package_status', '!=', COMPLETE_PACKAGE_STATUS)]),
        ]),
        eb.and([eb('orders.order_type', '=', 'claim_order'), eb('orders.status', 'in', [...CO_LISTED_STATUSES])]),
      ]),
    )
    .orderBy('orders.created_at')
    .orderBy('orders.order_type')
    .orderBy('orders.order_id')
    .orderBy('orders.row_id')
    .execute();
  return rows.map((r) => r.doc);
}

/** Replaces an order with the same (type, id); rows without a usable key are always added. */
export async function upsertOrder(db: Kysely<ServerDatabase>, row: NewOrderRow): Promise<void> {
  const { order_type: _type, order_id: _id, ...rest } = row;
  await db
    .insertInto('orders')
    .values(row)
    .onConflict((oc) => oc.columns(['order_type', 'order_id']).doUpdateSet(rest))
    .execute();
}

export async function findOrder(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('order_type', '=', orderType)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

export async function updateOrderRow(
  db: Kysely<ServerDatabase>,
  rowId: number,
  changes: Partial<Pick<OrderRow, 'status' | 'package_status' | 'doc'>>,
): Promise<void> {
  await db.updateTable('orders').set(changes).where('row_id', '=', rowId).execute();
}

export async function insertStatusChange(db: Kysely<ServerDatabase>, change: Omit<OrderStatusChangesTable, 'id'>): Promise<void> {
  await db.insertInto('order_status_changes').values(change).execute();
}

export async function deleteOrder(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('orders')
    .where('order_type', '=', orderType)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteAllOrders(db: Kysely<ServerDatabase>): Promise<void> {
  await db.deleteFrom('orders').execute();
}

export async function countOrders(db: Kysely<ServerDatabase>): Promise<number> {
  const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function maxOrderId(db: Kysely<ServerDatabase>, orderType: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.max('order_id').as('m'))
    .where('order_type', '=', orderType)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/**
 * Bulk insert for seeding: one transaction, one prepared statement. Kysely would build a fresh statement
 * per batch; for 10,000 large documents the raw statement is several times faster.
 */
export function bulkInsertOrders(sqlite: BetterSqlite3.Database, rows: Iterable<NewOrderRow>): number {
  const insert = sqlite.prepare(
    'INSERT OR IGNORE INTO orders (order_type, order_id, status, created_at, package_status, doc) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const run = sqlite.transaction((all: Iterable<NewOrderRow>) => {
    let inserted = 0;
    for (const r of all) {
      inserted += insert.run(r.order_type, r.order_id, r.status, r.created_at, r.package_status, r.doc).changes;
    }
    return inserted;
  });
  return run(rows);
}
