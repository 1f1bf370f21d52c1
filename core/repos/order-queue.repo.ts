/**
 * The queue's reads over the order cache: a page of orders with their job, progress and duplicate columns, the
 * match count the page is part of, and the dashboard's counts, each from the same filters and focus predicates so a
 * count and the queue it opens always agree. Writes are in orders.repo.ts.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { OrderKey, OrderQuery, OrderQueryResult, OrderSortColumn } from '../../shared/domain/order.types';
import { deskDay } from '../../shared/domain/calendar-date';
import type { DashboardFocus } from '../../shared/workflow/workflow-focus';
import type { Database, Db, OrdersTable } from '../db/schema';
import { awaitsCrew } from './crews.repo';
import { focusPredicate, type FocusContext } from './order-focus';
import { planSearch, type SearchPlan } from './order-search';
import { SUMMARY_COLUMNS, toSummary, type OrderRowExtras } from './orders.mapper';
import { claimsDeliveredOfOrder, drawnOverLimitsOfOrder } from './workflow-sql';

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

/**
 * `byListing`: the type and status tests are written `+column`, which keeps SQLite off the type and status indexes
 * (a unary plus disqualifies a term from index use) so that it reads the listed-orders index instead.
 */
function applyFilters<O>(
  query: SelectQueryBuilder<Database, 'orders', O>,
  filter: OrderQuery,
  context: FocusContext,
  search: SearchPlan,
  byListing = false,
): SelectQueryBuilder<Database, 'orders', O> {
  let q = query;
  // A focus says for itself whether gone orders count (a job whose order left the list may need review).
  if (filter.focus) q = q.where(focusPredicate(filter.focus, context));
  else if (!filter.includeGone) q = q.where('gone_at', 'is', null);
  for (const predicate of search.where) q = q.where(predicate);
  if (filter.orderTypes && filter.orderTypes.length > 0) q = q.where(byListing ? sql`+orders.order_type` : sql.ref('order_type'), 'in', filter.orderTypes);
  if (filter.statuses && filter.statuses.length > 0) q = q.where(byListing ? sql`+orders.status` : sql.ref('status'), 'in', filter.statuses);
  if (filter.expedited !== undefined) q = q.where('expedited_delivery', '=', filter.expedited ? 1 : 0);
  if (filter.stakingService !== undefined) q = q.where('staking_service', '=', filter.stakingService ? 1 : 0);
  // problem_count includes claims over the legal limits as drawn (orders.mapper toOrderRow), so this stays on the index.
  if (filter.hasProblems !== undefined) q = q.where('problem_count', filter.hasProblems ? '>' : '=', 0);
  if (filter.awaitingCrew !== undefined) q = q.where(filter.awaitingCrew ? awaitsCrew() : sql<boolean>`NOT ${awaitsCrew()}`);
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
      ...lastDeliveryOfOrder(),
      drawnOverLimitsOfOrder().as('drawn_over_limits'),
      sql<number | null>`(SELECT j.claimant_named FROM jobs j WHERE j.order_type = orders.order_type AND j.order_id = orders.id)`.as('job_has_claimant'),
      // Two lookups (one per side of the pair, each an index), not one OR that would read the whole table per order.
      sql<number>`(SELECT count(*) FROM order_duplicates d WHERE d.a_type = orders.order_type AND d.a_id = orders.id)
        + (SELECT count(*) FROM order_duplicates d WHERE d.b_type = orders.order_type AND d.b_id = orders.id)`.as('duplicate_count'),
    ]);
}

/**
 * The order's latest delivery, from the delivery rows: when, and the server package it went to (its number is the
 * one the outbox stored on the job with that delivery).
 */
function lastDeliveryOfOrder() {
  const latest = sql`(SELECT d.outbox_id FROM deliveries d WHERE d.order_type = orders.order_type AND d.order_id = orders.id
    ORDER BY d.delivered_at DESC, d.outbox_id DESC LIMIT 1)`;
  return [
    sql<string | null>`(SELECT d.delivered_at FROM deliveries d WHERE d.outbox_id = ${latest})`.as('delivered_at'),
    sql<number | null>`(SELECT d.claim_package_id FROM deliveries d WHERE d.outbox_id = ${latest})`.as('delivered_package_id'),
    sql<string | null>`(SELECT j.claim_package_number FROM deliveries d JOIN jobs j ON j.id = d.job_id
      WHERE d.outbox_id = ${latest} AND j.claim_package_id IS d.claim_package_id)`.as('delivered_package_number'),
  ];
}

/** One order as the queue shows it (the details panel starts from this). */
export async function getOrderSummary(db: Db, key: OrderKey, today: string): Promise<OrderQueryResult['orders'][number] | undefined> {
  const row = await summarySelect(db).where('order_type', '=', key.orderType).where('id', '=', key.id).executeTakeFirst();
  return row ? toSummary(row as typeof row & OrderRowExtras, today) : undefined;
}

/** Callers that use no focus (tests, tools) may omit the context: the desk's today, no stale check. */
const PLAIN_CONTEXT = (): FocusContext => ({ today: deskDay(new Date()), staleBefore: null });

const DEFAULT_SORT = { column: 'createdAt', direction: 'asc' } as const satisfies OrderQuery['sort'];

function withSort<O>(query: SelectQueryBuilder<Database, 'orders', O>, filter: OrderQuery): SelectQueryBuilder<Database, 'orders', O> {
  const sort = filter.sort ?? DEFAULT_SORT;
  const column = SORT_COLUMNS[sort.column];
  let q = query.orderBy(column, sort.direction);
  // Ties resolve the way the server lists orders (oldest first), so the order is stable between queries. A repeated
  // created_at would stop SQLite from walking the queue's index in order.
  if (column !== 'created_at') q = q.orderBy('created_at', 'asc');
  return q.orderBy('order_type', 'asc').orderBy('id', 'asc');
}

/**
 * A type or status has thousands of orders (there are a handful of each). Sorted by another column, a page of them
 * read through the type or status index costs a row lookup per matching order before the sort; the listed-orders
 * index carries every sort column and every filter, so reading it whole and sorting is several times cheaper. Sorted
 * by date (the index order), by type or by status, those indexes stop after a page and stay the better choice.
 */
function sortsByListing(filter: OrderQuery): boolean {
  const column = (filter.sort ?? DEFAULT_SORT).column;
  return !filter.focus && !filter.includeGone && column !== 'createdAt' && column !== 'orderType' && column !== 'status';
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
  let page = null;
  if (filter.limit !== undefined) {
    page = withSort(applyFilters(db.selectFrom('orders').select(sql<number>`orders.rowid`.as('r')), filter, context, search, sortsByListing(filter)), filter)
      .limit(filter.limit)
      .offset(filter.offset ?? 0);
    rows = summarySelect(db).where(sql`orders.rowid`, 'in', page);
  }
  return {
    rows: withSort(rows, filter),
    /** The page's rowids alone (with a limit), the part of `rows` the filters and the sort decide. */
    page,
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
    listStatuses(db),
  ]);
  return {
    orders: found.map((row) => toSummary(row as typeof row & OrderRowExtras, context.today)),
    total: Number(matched.n),
    totalCached: cached,
    statuses,
  };
}

/**
 * The statuses in the cache, for the filter bar. A handful of statuses among thousands of orders: SELECT DISTINCT
 * walks the whole status index (~0.4 ms at 10,000 orders, on every queue request), while stepping from each status
 * to the next one above it is one index seek per status.
 */
export async function listStatuses(db: Db): Promise<string[]> {
  const { rows } = await sql<{ status: string }>`WITH RECURSIVE next(status) AS (
      SELECT min(status) FROM orders
      UNION ALL
      SELECT (SELECT min(o.status) FROM orders o WHERE o.status > next.status) FROM next WHERE next.status IS NOT NULL
    )
    SELECT status FROM next WHERE status IS NOT NULL`.execute(db);
  return rows.map((row) => row.status);
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
