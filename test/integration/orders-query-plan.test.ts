/**
 * The queue answers its common filters from indexes: EXPLAIN QUERY PLAN of the very statements queryOrders runs (the
 * page and the match count) over a real cache synced from the reference server, for the default listing, a search,
 * each filter of the filter bar and each dashboard focus. "A full scan" is SQLite reading every order row: a SCAN of
 * the orders table itself, or, for a count, a walk of an index that still has to fetch each row. A page may walk an
 * index in its sort order (it stops once the page is full). Without statistics SQLite's choice does not depend on how
 * many orders there are, so the demo cache shows the plans a 10,000-order cache gets; the benchmark measures those.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ORDER_SORT_COLUMNS, type OrderQuery } from '../../shared/domain/order.types';
import { DASHBOARD_FOCUSES } from '../../shared/workflow/workflow-focus';
import type { Database } from '../../core/db/schema';
import { countOrders } from '../../core/repos/orders.repo';
import { orderQueryStatements, queryOrders } from '../../core/repos/order-queue.repo';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const context = { today: '2026-11-22', staleBefore: '2026-11-01T00:00:00.000Z' };

describe('queue query plans', () => {
  let server: Server;
  let backEnd: BackEnd;
  let db: Kysely<Database>;

  beforeAll(async () => {
    server = await startTestServer();
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
    await backEnd.sync.syncNow();
    db = backEnd.opened.db;
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  function explain(query: { compile(): { sql: string; parameters: readonly unknown[] } }): string[] {
    const { sql, parameters } = query.compile();
    return (backEnd.opened.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
  }

  async function plans(filter: OrderQuery) {
    const statements = await orderQueryStatements(db, { limit: 200, ...filter }, context, await countOrders(db, { includeGone: true }));
    return { page: explain(statements.rows), count: explain(statements.matching), indexedSearch: statements.search.indexed };
  }

  const tableScan = (line: string) => /^SCAN orders\b/.test(line) && !/USING (COVERING )?INDEX/.test(line);
  const rowByRowWalk = (line: string) => /^SCAN orders USING INDEX/.test(line);

  const common: [string, OrderQuery][] = [
    ['the default listing', {}],
    ['the default listing, newest first', { sort: { column: 'createdAt', direction: 'desc' } }],
    ['one order type', { orderTypes: ['claim_order'] }],
    ['one status', { statuses: ['paid'] }],
    ['expedited only', { expedited: true }],
    ['staking service only', { stakingService: true }],
    ['with problems', { hasProblems: true }],
    ['gone orders included', { includeGone: true }],
    ['expedited of one type', { expedited: true, orderTypes: ['claim_purchase'] }],
    ...DASHBOARD_FOCUSES.map((focus): [string, OrderQuery] => [`the dashboard focus "${focus}"`, { focus }]),
  ];

  it.each(common)('%s: no full scan for the page or the count', async (_label, filter) => {
    const { page, count } = await plans(filter);
    expect(page.filter(tableScan), page.join('\n')).toEqual([]);
    expect(count.filter((line) => tableScan(line) || rowByRowWalk(line)), count.join('\n')).toEqual([]);
  });

  it.each(common)('%s: each order of the page gets its job, deliveries and duplicates by index, not by a scan', async (_label, filter) => {
    const { page } = await plans(filter);
    // A SCAN of another table here runs once per order of the page (json_each over the order's own warnings is not a table).
    const scans = page.filter((line) => /^SCAN (?!orders\b)/.test(line) && !/VIRTUAL TABLE/.test(line));
    expect(scans, page.join('\n')).toEqual([]);
  });

  it('counts "overdue" (every open listed order with a past target date) from the index of open listed orders alone', async () => {
    // The index's WHERE must be orderOpen()'s status list word for word, or SQLite cannot use it (0015_queue_indexes.sql).
    const { count } = await plans({ focus: 'overdue' });
    expect(count[0], count.join('\n')).toMatch(/^SEARCH orders USING COVERING INDEX orders_open_by_target \(target_date<\?\)/);
  });

  it('lists the statuses in the cache, each once and in order, as the filter bar shows them', async () => {
    const { statuses, orders } = await queryOrders(db, { includeGone: true }, context);
    expect(statuses).toEqual([...new Set(orders.map((o) => o.status))].sort());
    expect(statuses.length).toBeGreaterThan(1);
  });

  it.each(ORDER_SORT_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((direction) => [column, direction] as const)))(
    'sorts the listed orders by %s %s from an index alone, never reading an order row for the page',
    async (column, direction) => {
      const { page } = await plans({ sort: { column, direction } });
      // The page's own scan (the outer statement then reads 200 rows by rowid) must cover every column it sorts by.
      const scans = page.filter((line) => /^(SCAN|SEARCH) orders USING/.test(line) && !/INTEGER PRIMARY KEY/.test(line));
      expect(scans.length, page.join('\n')).toBeGreaterThan(0);
      for (const line of scans) expect(line, page.join('\n')).toMatch(/USING COVERING INDEX/);
    },
  );

  it.each<[string, OrderQuery]>([
    ['one status', { statuses: ['paid'] }],
    ['one order type', { orderTypes: ['claim_order'] }],
    ['a type and two statuses', { orderTypes: ['claim_purchase'], statuses: ['paid', 'processing'] }],
  ])('%s sorted by another column: the page reads the listed-orders index alone, and keeps filter and order', async (_label, filter) => {
    const query: OrderQuery = { ...filter, sort: { column: 'companyName', direction: 'desc' } };
    const { page } = await plans(query);
    const scans = page.filter((line) => /^(SCAN|SEARCH) orders USING/.test(line) && !/INTEGER PRIMARY KEY/.test(line));
    expect(scans, page.join('\n')).toEqual(['SCAN orders USING COVERING INDEX orders_listed']);
    const found = (await queryOrders(db, { ...query, limit: 200 }, context)).orders;
    const all = (await queryOrders(db, {}, context)).orders;
    const expected = all
      .filter((o) => (!filter.statuses || filter.statuses.includes(o.status)) && (!filter.orderTypes || filter.orderTypes.includes(o.orderType)))
      .sort((a, b) => (a.companyName < b.companyName ? 1 : a.companyName > b.companyName ? -1 : a.createdAt.localeCompare(b.createdAt) || a.orderType.localeCompare(b.orderType) || a.id - b.id));
    expect(found.map((o) => `${o.orderType}:${o.id}`)).toEqual(expected.slice(0, 200).map((o) => `${o.orderType}:${o.id}`));
  });

  it('looks a search up in the trigram index, and keeps only the page rows for the per-order columns', async () => {
    const all = await queryOrders(db, { includeGone: true });
    const sample = all.orders.find((o) => o.orderType === 'claim_purchase')!;
    for (const filter of [{ search: sample.orderNumber }, { search: sample.customerEmail, statuses: [sample.status] }]) {
      const { page, count, indexedSearch } = await plans(filter);
      expect(indexedSearch).toBe(true);
      for (const plan of [page, count]) {
        expect(plan.some((line) => /^SCAN orders_search VIRTUAL TABLE INDEX \d+:M/.test(line)), plan.join('\n')).toBe(true);
        expect(plan.filter((line) => tableScan(line) || rowByRowWalk(line)), plan.join('\n')).toEqual([]);
      }
      // The outer statement reads the page's rows by rowid; the per-order subqueries run for those rows only.
      expect(page[0]).toMatch(/^SEARCH orders USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect((await queryOrders(db, filter)).orders.map((o) => o.orderNumber)).toContain(sample.orderNumber);
    }
  });

  it('finds through the index exactly the orders a substring test of every word finds', async () => {
    const all = (await queryOrders(db, { includeGone: true })).orders;
    const text = (o: (typeof all)[number]) => [o.orderNumber, o.customerEmail, o.companyName, o.projectName].join('\u001f').toLowerCase();
    const sample = all[1]!;
    const searches = [
      sample.orderNumber.slice(-4),
      sample.customerEmail.toUpperCase(),
      `${sample.companyName.split(' ')[0]} ${sample.orderNumber.slice(-2)}`,
      'xyz-nothing',
      '"quoted" word',
      '100%',
    ];
    for (const search of searches) {
      const words = search.toLowerCase().split(/\s+/).filter(Boolean);
      const expected = all.filter((o) => words.every((word) => text(o).includes(word))).map((o) => `${o.orderType}:${o.id}`);
      const found = (await queryOrders(db, { search, includeGone: true })).orders.map((o) => `${o.orderType}:${o.id}`);
      expect(found, search).toEqual(expected);
    }
  });

  it('tests words too short for trigrams, and words matching most of the cache, on the listed-orders index', async () => {
    for (const search of ['o', 'cpo co']) {
      const { page, count } = await plans({ search });
      expect(page.filter(tableScan), page.join('\n')).toEqual([]);
      expect(count.filter((line) => tableScan(line) || rowByRowWalk(line)), count.join('\n')).toEqual([]);
    }
  });
});
