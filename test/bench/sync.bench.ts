/**
 * `npm run bench`: sync 10,000 orders × 8 claims from the reference server (a child process, so its memory is
 * not ours) over loopback into a fresh cache, and print the figures beside a baseline measured in the same run:
 * inserting the same rows with one raw prepared statement. Targets are printed, never asserted: timings vary
 * with the machine, and tests must not fail on a busy CI box.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { openDatabase } from '../../core/db/open-database';
import { openBackEnd } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';
import { startServerProcess } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 8);

function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return work().then((value) => ({ ms: performance.now() - start, value }));
}

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-');
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${ORDERS}x${CLAIMS}`);
  try {
    const backEnd = await openBackEnd({ dataDir: join(temp.dir, 'cache') });
    await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });

    const full = await time(() => backEnd.sync.syncNow());
    const again = await time(() => backEnd.sync.syncNow());
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // Baseline: the same rows, one raw prepared statement per table, one transaction, into a fresh cache.
    const source = backEnd.opened.sqlite;
    const orders = source.prepare('SELECT * FROM orders').all() as Record<string, unknown>[];
    const payloads = source.prepare('SELECT * FROM order_payloads').all() as Record<string, unknown>[];
    await backEnd.close();
    const baselineDb = await openDatabase({ file: join(temp.dir, 'baseline', 'claimdesk.sqlite') });
    const raw: BetterSqlite3.Database = baselineDb.sqlite;
    const insertOrder = raw.prepare(`INSERT INTO orders (${Object.keys(orders[0]!).join(',')}) VALUES (${Object.keys(orders[0]!).map(() => '?').join(',')})`);
    const insertPayload = raw.prepare(`INSERT INTO order_payloads (${Object.keys(payloads[0]!).join(',')}) VALUES (${Object.keys(payloads[0]!).map(() => '?').join(',')})`);
    const baselineStart = performance.now();
    raw.transaction(() => {
      for (const row of orders) insertOrder.run(...Object.values(row));
      for (const row of payloads) insertPayload.run(...Object.values(row));
    })();
    const baselineMs = performance.now() - baselineStart;
    await baselineDb.close();

    const report = full.value;
    const line = (label: string, value: string, target: string, ok: boolean | null) =>
      console.log(`${label.padEnd(38)} ${value.padStart(12)}   ${target.padEnd(12)} ${ok === null ? '' : ok ? 'ok' : 'OVER TARGET'}`);
    console.log(`\nClaimDesk sync benchmark: ${ORDERS} orders × ${CLAIMS} claims over loopback (${report.received} received)\n`);
    line('measure', 'value', 'target', null);
    line('full sync', `${(full.ms / 1000).toFixed(2)} s`, '≤ 3 s', full.ms <= 3000);
    line('orders per second (full sync)', `${Math.round(report.received / (full.ms / 1000))}`, '', null);
    line('no-change re-sync', `${(again.ms / 1000).toFixed(3)} s`, '≤ 0.2 s', again.ms <= 200);
    line('peak RSS', `${peakRssMb.toFixed(0)} MB`, '≤ 300 MB', peakRssMb <= 300);
    line('baseline: raw prepared insert, same rows', `${(baselineMs / 1000).toFixed(2)} s`, '', null);
    line('full sync ÷ baseline', `${(full.ms / baselineMs).toFixed(1)}×`, '', null);
    console.log(`\nre-sync outcome: ${again.value.outcome}; full sync wrote ${report.added} orders in ${report.attempts} attempt(s).`);
  } finally {
    child.kill('SIGTERM');
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
