/** The order cache: server-owned rows, written by sync and read by the queue, details and the CLI. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { ServiceLevels } from '../../shared/workflow/workflow-settings';
import { targetDateOf } from '../../shared/workflow/order-progress';
import { orderKeyString, type OrderKey, type OrderQuery, type OrderQueryResult, type OrderSortColumn } from '../../shared/domain/order.types';
import type { Database, Db, OrdersTable, OrderPayloadsTable } from '../db/schema';
import type { DashboardFocus } from '../../shared/workflow/workflow-focus';
import type { PaymentState } from '../../shared/workflow/workflow.types';
import { SUMMARY_COLUMNS, toOrderRow, toPayloadRow, toSummary, type OrderRowExtras, type OrderWrite } from './orders.mapper';
import { focusPredicate, type FocusContext } from './order-focus';
import { planSearch, type SearchPlan } from './order-search';
import { claimsDeliveredOfOrder } from './workflow-sql';
import { createTurn } from '../platform/event-loop';

/**
 * Rows per INSERT. Each statement runs without a break (about 25 ms for 200 orders with their payloads, indexes and
 * search index), and the event loop gets its turn only between statements: 200 keeps that under the window's
 * notice, while fewer rows per statement would spend more on statements than on rows.
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
    rows.map((row) => [`${row.order_type}:${row.id}`, { hash: row.payload_hash, gone: row.gone_at !== null, paymentState: row.payment_state }]),
  );
}

/**
 * Inserts new orders and overwrites changed ones; first_seen_at survives an update. A full sync writes thousands of
 * orders in one transaction: the event loop gets a turn between batches (createTurn), so the window's IPC stays live.
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

const UPDATABLE_COLUMNS = [
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

const SORT_COLUMNS: Record<OrderSortColumn, keyof OrdersTable> = {
  createdAt: 'created_at',
  orderNumber: 'order_number',
  orderType: 'order_type',
  status: 'status',
  customerEmail: 'customer_email',
  companyName: 'company_name',
  projectName: 'project_name',
  claimCount: 'claim_count',
  problemCount: 'problem_count',
  targetDate: 'target_date',
};

function applyFilters<O>(
  query: SelectQueryBuilder<Database, 'orders', O>,
  filter: OrderQuery,
  context: FocusContext,
  search: SearchPlan,
): SelectQueryBuilder<Database, 'orders', O> {
  let q = query;
  // A focus says for itself whether gone orders count (a job whose order left the list may need review).
  if (filter.focus) q = q.where(focusPredicate(filter.focus, context));
  else if (!filter.includeGone) q = q.where('gone_at', 'is', null);
  for (const predicate of search.where) q = q.where(predicate);
  if (filter.orderTypes && filter.orderTypes.length > 0) q = q.where('order_type', 'in', filter.orderTypes);
  if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', filter.statuses);
  if (filter.expedited !== undefined) q = q.where('expedited_delivery', '=', filter.expedited ? 1 : 0);
  if (filter.stakingService !== undefined) q = q.where('staking_service', '=', filter.stakingService ? 1 : 0);
  if (filter.hasProblems !== undefined) q = q.where('problem_count', filter.hasProblems ? '>' : '=', 0);
  return q;
}

/**
 * The queue's columns: the order's own plus, computed in SQL so the JSON is not parsed per row, whether it has a
 * claimant, its job and workflow state, claims delivered and duplicate flags.
 */
function summarySelect(db: Db) {
  return db
    .selectFrom('orders')
    .select([
      ...SUMMARY_COLUMNS,
      sql<number>`claimant_info_json IS NOT NULL`.as('has_claimant'),
      sql<number | null>`(SELECT j.id FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id)`.as('job_id'),
      sql<string | null>`(SELECT j.workflow_state FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id)`.as('workflow_state'),
      claimsDeliveredOfOrder().as('claims_delivered'),
      // Two lookups (one per side of the pair, each an index), not one OR that would read the whole table per order.
      sql<number>`(SELECT count(*) FROM order_duplicates d WHERE d.a_type = orders.order_type AND d.a_id = orders.id)
        + (SELECT count(*) FROM order_duplicates d WHERE d.b_type = orders.order_type AND d.b_id = orders.id)`.as('duplicate_count'),
    ]);
}

/** One order as the queue shows it (the details panel starts from this). */
export async function getOrderSummary(db: Db, key: OrderKey, today: string): Promise<OrderQueryResult['orders'][number] | undefined> {
  const row = await summarySelect(db).where('order_type', '=', key.orderType).where('id', '=', key.id).executeTakeFirst();
  return row ? toSummary(row as typeof row & OrderRowExtras, today) : undefined;
}

/** Callers that use no focus (tests, tools) may omit the context: today by UTC, no stale check. */
const PLAIN_CONTEXT = (): FocusContext => ({ today: new Date().toISOString().slice(0, 10), staleBefore: null });

function withSort<O>(query: SelectQueryBuilder<Database, 'orders', O>, filter: OrderQuery): SelectQueryBuilder<Database, 'orders', O> {
  const sort = filter.sort ?? { column: 'createdAt', direction: 'asc' };
  const column = SORT_COLUMNS[sort.column];
  let q = query.orderBy(column, sort.direction);
  // Ties resolve the way the server lists orders (oldest first), so the order is stable between queries. A repeated
  // created_at would stop SQLite from walking the queue's index in order.
  if (column !== 'created_at') q = q.orderBy('created_at', 'asc');
  return q.orderBy('order_type', 'asc').orderBy('id', 'asc');
}

/**
 * The two statements a queue request runs, exported so a test can check their plans: the requested rows and the
 * number matching. With a limit, the filters and the sort pick the page's rows by rowid first (from the indexes
 * alone) and only those rows get the per-order subqueries of summarySelect; computing them for every match and
 * then sorting is what made a page cost tens of milliseconds.
 */
export async function orderQueryStatements(db: Db, filter: OrderQuery, context: FocusContext, cachedOrders: number) {
  const search = await planSearch(db, filter.search, cachedOrders);
  let rows = applyFilters(summarySelect(db), filter, context, search);
  if (filter.limit !== undefined) {
    const page = withSort(applyFilters(db.selectFrom('orders').select(sql<number>`orders.rowid`.as('r')), filter, context, search), filter)
      .limit(filter.limit)
      .offset(filter.offset ?? 0);
    rows = summarySelect(db).where(sql`orders.rowid`, 'in', page);
  }
  return {
    rows: withSort(rows, filter),
    matching: applyFilters(db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')), filter, context, search),
    search,
  };
}

export async function queryOrders(db: Db, filter: OrderQuery, context: FocusContext = PLAIN_CONTEXT()): Promise<OrderQueryResult> {
  const cached = Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const { rows, matching } = await orderQueryStatements(db, filter, context, cached);
  const [found, matched, statuses] = await Promise.all([
    rows.execute(),
    matching.executeTakeFirstOrThrow(),
    db.selectFrom('orders').select('status').distinct().orderBy('status').execute(),
  ]);
  return {
    orders: found.map((row) => toSummary(row as typeof row & OrderRowExtras, context.today)),
    total: Number(matched.n),
    totalCached: cached,
    statuses: statuses.map((row) => row.status),
  };
}

/** Orders a dashboard focus covers: the same predicate its click-through applies to the queue. */
export async function countFocus(db: Db, focus: DashboardFocus, context: FocusContext): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(focusPredicate(focus, context))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
  return rows.map((row) => ({ orderType: row.order_type, id: row.id }));
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
