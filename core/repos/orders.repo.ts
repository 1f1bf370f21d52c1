/** The order cache: server-owned rows, written by sync and read by details, export and the CLI (the queue's reads: order-queue.repo.ts). */
import type { ExpressionBuilder } from 'kysely';
import type { ServiceLevels } from '../../shared/workflow/workflow-settings';
import { targetDateOf } from '../../shared/workflow/order-progress';
import { orderKeyOfRow, orderKeyString, type OrderKey } from '../../shared/domain/order.types';
import type { Database, Db, OrdersTable, OrderPayloadsTable } from '../db/schema';
import type { PaymentState } from '../../shared/workflow/workflow.types';
import { toOrderRow, toPayloadRow, type OrderWrite } from './orders.mapper';
import { createTurn } from '../platform/event-loop';

/**
 * Rows per INSERT. Each statement runs without a break (200 orders with their indexes and search index, or their
 * payloads: each some 10–25 ms), and the event loop gets its turn only between statements: 200 keeps that under
 * the window's notice, while fewer rows per statement would spend more on statements than on rows.
 */
const BATCH = 200;

export interface StoredOrderState {
  hash: string;
  gone: boolean;
  /** What the last sync derived, for statuses that say nothing about payment on their own. */
  paymentState: PaymentState;
}

export async function getStoredOrderStates(db: Db): Promise<Map<string, StoredOrderState>> {
  const rows = await db.selectFrom('orders').select(['order_type', 'id', 'payload_hash', 'gone_at', 'payment_state']).execute();
  return new Map(
    rows.map((row) => [orderKeyString(orderKeyOfRow(row)), { hash: row.payload_hash, gone: row.gone_at !== null, paymentState: row.payment_state }]),
  );
}

/**
 * Inserts new orders and overwrites changed ones; first_seen_at survives an update. A full sync writes thousands of
 * orders in one transaction: the event loop gets a turn between statements (createTurn), so the window's IPC stays live.
 */
export async function upsertOrders(trx: Db, writes: OrderWrite[], now: string, levels: ServiceLevels): Promise<void> {
  const turn = createTurn();
  for (let start = 0; start < writes.length; start += BATCH) {
    await turn();
    const chunk = writes.slice(start, start + BATCH);
    await trx
      .insertInto('orders')
      .values(chunk.map((write) => toOrderRow(write, now, levels)))
      .onConflict((oc) =>
        oc.columns(['order_type', 'id']).doUpdateSet((eb) => {
          const updated: Partial<Record<keyof OrdersTable, unknown>> = {};
          for (const column of UPDATABLE_COLUMNS) updated[column] = eb.ref(`excluded.${column}`);
          return updated as never;
        }),
      )
      .execute();
    await turn();
    await trx
      .insertInto('order_payloads')
      .values(chunk.map(toPayloadRow))
      .onConflict((oc) =>
        oc.columns(['order_type', 'id']).doUpdateSet((eb) => ({
          raw_json: eb.ref('excluded.raw_json'),
          claims_json: eb.ref('excluded.claims_json'),
        })),
      )
      .execute();
  }
}

/** What a sync overwrites in a stored order (first_seen_at stays). */
export const UPDATABLE_COLUMNS = [
  'order_number',
  'status',
  'created_at',
  'customer_email',
  'company_name',
  'project_id',
  'project_name',
  'claim_count',
  'polygon_count',
  'claimant_info_json',
  'claim_package_id',
  'staking_service',
  'expedited_delivery',
  'problems_json',
  'warnings_json',
  'problem_count',
  'warning_count',
  'search_text',
  'payload_hash',
  'updated_at',
  'gone_at',
  'payment_status',
  'payment_state',
  'target_date',
  'assigned_to_json',
  'assignment_expired_json',
] as const satisfies readonly (keyof OrdersTable)[];

/** Orders the server stopped listing: marked, never deleted (local work may refer to them). */
export async function markOrdersGone(trx: Db, keys: OrderKey[], at: string): Promise<void> {
  const turn = createTurn();
  for (let start = 0; start < keys.length; start += BATCH) {
    await turn();
    const chunk = keys.slice(start, start + BATCH);
    await trx
      .updateTable('orders')
      .set({ gone_at: at })
      .where('gone_at', 'is', null)
      .where((eb) => eb.or(chunk.map((key) => eb.and([eb('order_type', '=', key.orderType), eb('id', '=', key.id)]))))
      .execute();
  }
}

export async function countOrders(db: Db, options: { includeGone: boolean; withProblems?: boolean }): Promise<number> {
  let q = db.selectFrom('orders').select((eb: ExpressionBuilder<Database, 'orders'>) => eb.fn.countAll<number>().as('n'));
  if (!options.includeGone) q = q.where('gone_at', 'is', null);
  if (options.withProblems) q = q.where('problem_count', '>', 0);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function getOrderRow(
  db: Db,
  key: OrderKey,
): Promise<{ row: OrdersTable; payload: OrderPayloadsTable | undefined } | undefined> {
  const row = await db
    .selectFrom('orders')
    .selectAll()
    .where('order_type', '=', key.orderType)
    .where('id', '=', key.id)
    .executeTakeFirst();
  if (!row) return undefined;
  const payload = await db
    .selectFrom('order_payloads')
    .selectAll()
    .where('order_type', '=', key.orderType)
    .where('id', '=', key.id)
    .executeTakeFirst();
  return { row, payload };
}

/** The order numbers of `keys` that are cached, by orderKeyString. */
export async function getOrderNumbers(db: Db, keys: readonly OrderKey[]): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (let start = 0; start < keys.length; start += BATCH) {
    const chunk = keys.slice(start, start + BATCH);
    const rows = await db
      .selectFrom('orders')
      .select(['order_type', 'id', 'order_number'])
      .where((eb) => eb.or(chunk.map((key) => eb.and([eb('order_type', '=', key.orderType), eb('id', '=', key.id)]))))
      .execute();
    for (const row of rows) numbers.set(orderKeyString({ orderType: row.order_type, id: row.id }), row.order_number);
  }
  return numbers;
}

/** Every cached order, oldest first, gone ones included (the CLI lists the whole cache). */
export async function listOrderRows(db: Db): Promise<OrdersTable[]> {
  return db.selectFrom('orders').selectAll().orderBy('created_at').orderBy('order_type').orderBy('id').execute();
}

/** Keys of the orders still listed by the server (not gone), oldest first: what "export --all" covers. */
export async function listActiveOrderKeys(db: Db): Promise<OrderKey[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['order_type', 'id'])
    .where('gone_at', 'is', null)
    .orderBy('created_at')
    .orderBy('order_type')
    .orderBy('id')
    .execute();
  return rows.map(orderKeyOfRow);
}

/**
 * A status change made here, shown at once while the outbox carries it to the server; the next sync brings the
 * server's own status back (and a later change there wins, as for every server-owned field).
 */
export async function setOrderStatusLocally(trx: Db, key: OrderKey, status: string, at: string): Promise<void> {
  await trx.updateTable('orders').set({ status, updated_at: at }).where('order_type', '=', key.orderType).where('id', '=', key.id).execute();
}

/** Every cached order's target date again, under new service levels (settings changed). */
export async function refreshTargetDates(db: Db, levels: ServiceLevels): Promise<void> {
  const rows = await db.selectFrom('orders').select(['order_type', 'id', 'created_at', 'expedited_delivery', 'target_date']).execute();
  const turn = createTurn();
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await turn();
      const target = targetDateOf({ createdAt: row.created_at, expedited: row.expedited_delivery === 1 }, levels);
      if (target === row.target_date) continue;
      await trx.updateTable('orders').set({ target_date: target }).where('order_type', '=', row.order_type).where('id', '=', row.id).execute();
    }
  });
}
