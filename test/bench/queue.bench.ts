/**
 * `npm run bench` (queue): one queue request (the first page of 200 rows, the match count, the cache count and the
 * status list, as the window asks for them) over a cache synced with 10,000 orders × 8 claims, for the searches,
 * filters and sorts staff use. Each is the median of 31 runs and the fastest of them (on a machine busy with other
 * work the fastest is the truer cost), printed beside a baseline from the same run: reading every cached order's
 * search text once with one raw prepared statement, the least a full scan costs. Peak RSS is the process's (the
 * reference server runs in a child). Printed, never asserted.
 */
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { listStatuses, orderQueryStatements, queryOrders } from '../../core/repos/order-queue.repo';
import { planSearch } from '../../core/repos/order-search';
import type { OrderQuery } from '../../shared/domain/order.types';
import { makeTempDir } from '../helpers/temp-dir';
import { startSyncedBackEnd, timingsMs } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const RUNS = 31;

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-queue-');
  const { backEnd, child } = await startSyncedBackEnd(temp.dir, `bench:${ORDERS}x8`);
  try {
    const db = backEnd.opened.db;
    const context = { today: new Date().toISOString().slice(0, 10), staleBefore: null };
    const sample = (await queryOrders(db, { limit: 1, offset: Math.floor(ORDERS / 3) })).orders[0]!;
    const page = { limit: 200 } as const;
    const cases: [string, OrderQuery, string][] = [
      ['search "cpo" + not expedited, by date', { ...page, search: 'cpo', expedited: false, sort: { column: 'createdAt', direction: 'asc' } }, '≤ 5 ms'],
      [`search one order number (${sample.orderNumber})`, { ...page, search: sample.orderNumber }, '≤ 5 ms'],
      ['default listing, by date', { ...page }, '≤ 5 ms'],
      ['one status, by company name descending', { ...page, statuses: [sample.status], sort: { column: 'companyName', direction: 'desc' } }, '≤ 5 ms'],
      ['staking service, by target date', { ...page, stakingService: true, sort: { column: 'targetDate', direction: 'asc' } }, '≤ 5 ms'],
      ['dashboard focus "overdue", by target date', { ...page, focus: 'overdue', sort: { column: 'targetDate', direction: 'asc' } }, '≤ 5 ms'],
    ];
    const loadBefore = loadavg()[0]!;
    const results: [string, { median: number; fastest: number }, number, string][] = [];
    // Each statement of a request on its own (fastest of the runs), so a slow request says which part is slow.
    const parts: [string, [string, number][]][] = [];
    const fastest = async (work: () => Promise<unknown>) => (await timingsMs(work, RUNS)).fastest;
    const cached = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM orders`.execute(db)).rows[0]!.n);
    for (const [label, query, target] of cases) {
      let matched = 0;
      const ms = await timingsMs(async () => {
        matched = (await queryOrders(db, query, context)).total;
      }, RUNS);
      results.push([label, ms, matched, target]);
      const statements = await orderQueryStatements(db, query, context, cached);
      parts.push([
        label,
        [
          ['search plan', await fastest(() => planSearch(db, query.search, cached))],
          ['page rowids', await fastest(() => statements.page!.execute())],
          ['page + 200 summaries', await fastest(() => statements.rows.execute())],
          ['match count', await fastest(() => statements.matching.executeTakeFirstOrThrow())],
        ],
      ]);
    }
    const shared: [string, number][] = [
      ['cache count', await fastest(() => db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())],
      ['status list', await fastest(() => listStatuses(db))],
    ];
    // Baseline: every cached order read once, as a full scan would.
    const scan = backEnd.opened.sqlite.prepare('SELECT order_type, id, search_text FROM orders');
    const scanMs = await timingsMs(() => scan.all(), RUNS);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    await backEnd.close();

    console.log(`\nClaimDesk queue benchmark: ${ORDERS} orders × 8 claims; first page of 200 + counts, median of ${RUNS}`);
    console.log(`machine load (1 min average, 2 cores): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after\n`);
    const ms = (t: { median: number; fastest: number }) => `${t.median.toFixed(2)} ms (fastest ${t.fastest.toFixed(2)})`;
    for (const [label, t, matched, target] of results) {
      console.log(`${`queue: ${label} (${matched} hits)`.padEnd(66)} ${ms(t).padStart(26)}   target ${target}; peak RSS ${peakRssMb.toFixed(0)} MB`);
    }
    console.log('\nby statement, fastest of the runs (ms):');
    for (const [label, timed] of parts) console.log(`  ${label}: ${timed.map(([part, t]) => `${part} ${t.toFixed(2)}`).join(', ')}`);
    console.log(`  every request: ${shared.map(([part, t]) => `${part} ${t.toFixed(2)}`).join(', ')}\n`);
    console.log(`${'baseline: reading every order once (raw statement, a full scan)'.padEnd(66)} ${ms(scanMs).padStart(26)}   peak RSS ${peakRssMb.toFixed(0)} MB`);
  } finally {
    child.kill('SIGTERM');
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
