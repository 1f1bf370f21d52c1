/**
 * `npm run bench`: sync 10,000 orders × 8 claims from the reference server (a child process, so its memory is
 * not ours) over loopback into a fresh cache, and print the figures beside a baseline measured in the same run:
 * inserting the same rows with one raw prepared statement. Then the same corpus plus one hostile order (a
 * 200,000-vertex zig-zag ring), beside the corpus alone, each synced into a fresh cache three times, alternating,
 * best of three: what one pathological order costs the sync. Targets are printed, never asserted: timings vary with the
 * machine, and tests must not fail on a busy CI box.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { openDatabase } from '../../core/db/open-database';
import { openBackEnd } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';
import { orderWithRawField, zigzagPolygonsJson } from '../helpers/hostile-orders';
import { startServerProcess } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const HOSTILE_ID = 9_999_999;
const HOSTILE_VERTICES = 200_000;
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 8);

function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return work().then((value) => ({ ms: performance.now() - start, value }));
}

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-');
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${ORDERS}x${CLAIMS}`, ['--test-hooks']);
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

    const hostile = await hostileOrderCost(url, temp.dir);
    console.log('');
    line('full sync, the corpus alone (best of 3)', `${(hostile.plainMs / 1000).toFixed(2)} s`, '', null);
    line(`  + one ${HOSTILE_VERTICES.toLocaleString('en-US')}-vertex hostile order`, `${(hostile.hostileMs / 1000).toFixed(2)} s`, '', null);
    line('  what the hostile order adds', `${((hostile.hostileMs - hostile.plainMs) / 1000).toFixed(2)} s`, '< 1 s', hostile.hostileMs - hostile.plainMs < 1000);
    console.log(`  the hostile order was kept with: ${hostile.problems.join('; ')}`);
  } finally {
    child.kill('SIGTERM');
    temp.cleanup();
  }
}

/** Fresh-cache full syncs of the corpus with and without one 200,000-vertex zig-zag order, alternating. */
async function hostileOrderCost(url: string, dir: string): Promise<{ plainMs: number; hostileMs: number; problems: string[] }> {
  const hook = (method: string, path: string, body?: string) =>
    fetch(`${url}/__test__/${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} }).then((res) => {
      if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    });
  const hostileOrder = orderWithRawField(HOSTILE_ID, 'claim_polygons', zigzagPolygonsJson(HOSTILE_VERTICES));
  const plain: number[] = [];
  const withHostile: number[] = [];
  let problems: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const hostile of [false, true]) {
      if (hostile) await hook('POST', 'orders', hostileOrder);
      const backEnd = await openBackEnd({ dataDir: join(dir, `hostile-${round}-${hostile}`) });
      await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
      const run = await time(() => backEnd.sync.syncNow());
      (hostile ? withHostile : plain).push(run.ms);
      if (hostile) {
        const stored = await backEnd.opened.db.selectFrom('orders').select('problems_json').where('id', '=', HOSTILE_ID).executeTakeFirst();
        problems = (JSON.parse(stored?.problems_json ?? '[]') as { message: string }[]).map((p) => p.message);
        await hook('DELETE', `orders/claim_order/${HOSTILE_ID}`);
      }
      await backEnd.close();
    }
  }
  return { plainMs: Math.min(...plain), hostileMs: Math.min(...withHostile), problems };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
