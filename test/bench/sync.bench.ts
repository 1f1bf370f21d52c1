/**
 * `npm run bench`: sync 10,000 orders × 8 claims from the reference server (a child process, so its memory is
 * not ours) over loopback into a fresh cache, each sync in a process of its own (sync-run.child.ts) so its peak
 * RSS is its own, and print the figures beside baselines measured in the same run: inserting the same rows with
 * one raw prepared statement (time) and the same process idle before the sync (memory); saved in a worker thread as
 * the app does, and once more on the main thread as `claimdesk sync` does. Then 40,000 orders × 8
 * (the peak RSS must not grow with the orders), `claimdesk sync` as a user runs it, whole process under
 * /usr/bin/time -v, beside a plain fetch + JSON.parse of the same list, and the same corpus plus one hostile order
 * (a 200,000-vertex zig-zag ring) beside the corpus alone, three times each, alternating, best of three. Targets
 * are printed, never asserted: timings vary with the machine, and tests must not fail on a busy CI box.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { openDatabase } from '../../core/db/open-database';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import type { SyncReport } from '../../shared/domain/sync.types';
import { makeTempDir } from '../helpers/temp-dir';
import { orderWithRawField, zigzagPolygonsJson } from '../helpers/hostile-orders';
import { startServerProcess } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
/** The same claims per order, four times the orders: peak RSS must stay where it was. */
const LARGE_ORDERS = Number(process.env.BENCH_LARGE_ORDERS ?? 40_000);
const HOSTILE_ID = 9_999_999;
const HOSTILE_VERTICES = 200_000;
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 8);

interface ChildRun {
  fullMs: number;
  againMs: number | null;
  /** The re-sync's conditional request sent raw: the server's and the loopback's share of it. */
  askMs: number | null;
  idleRssMb: number;
  peakRssMb: number;
  report: SyncReport;
}

/**
 * sync-run.child.ts as plain JavaScript (bundled like the CLI, dependencies from node_modules): run through tsx, the
 * child would carry the TypeScript compiler's memory too, which neither the app nor the built CLI has.
 */
const CHILD = join('out', 'bench', 'sync-run.child.cjs');

async function buildChild(): Promise<void> {
  // The save's worker entry beside it, as electron-vite puts it beside the app's main bundle (worker-entry.ts).
  await build({
    entryPoints: { 'sync-run.child': 'test/bench/sync-run.child.ts', 'order-save.worker': 'core/sync/order-save.worker.ts' },
    outdir: dirname(CHILD),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  // worker-entry.ts looks for `<name>.js`.
  renameSync(join(dirname(CHILD), 'order-save.worker.cjs'), join(dirname(CHILD), 'order-save.worker.js'));
}

/**
 * One sync in a process of its own (sync-run.child.ts): its peak RSS is that sync's alone. `save` 'worker' stages and
 * saves in a worker thread, as the app does; 'thread' on the main thread, as `claimdesk sync` does.
 */
function syncInChild(url: string, dataDir: string, mode: 'once' | 'twice' | 'checks' = 'once', save: 'worker' | 'thread' = 'worker'): ChildRun {
  const run = spawnSync(process.execPath, [CHILD, url, dataDir, mode], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, CLAIMDESK_BENCH_SAVE: save },
  });
  if (run.status !== 0) throw new Error(`the sync run failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildRun;
}

/** The same rows, one raw prepared statement per table, one transaction, into a fresh cache: the time baseline. */
async function rawInsertMs(from: string, into: string): Promise<number> {
  const source = await openDatabase({ file: from, readOnly: true });
  const orders = source.sqlite.prepare('SELECT * FROM orders').all() as Record<string, unknown>[];
  const payloads = source.sqlite.prepare('SELECT * FROM order_payloads').all() as Record<string, unknown>[];
  await source.close();
  const baselineDb = await openDatabase({ file: into });
  const raw: BetterSqlite3.Database = baselineDb.sqlite;
  const insertOrder = raw.prepare(`INSERT INTO orders (${Object.keys(orders[0]!).join(',')}) VALUES (${Object.keys(orders[0]!).map(() => '?').join(',')})`);
  const insertPayload = raw.prepare(`INSERT INTO order_payloads (${Object.keys(payloads[0]!).join(',')}) VALUES (${Object.keys(payloads[0]!).map(() => '?').join(',')})`);
  const start = performance.now();
  raw.transaction(() => {
    for (const row of orders) insertOrder.run(...Object.values(row));
    for (const row of payloads) insertPayload.run(...Object.values(row));
  })();
  const ms = performance.now() - start;
  await baselineDb.close();
  return ms;
}

const line = (label: string, value: string, target: string, ok: boolean | null) =>
  console.log(`${label.padEnd(46)} ${value.padStart(12)}   ${target.padEnd(14)} ${ok === null ? '' : ok ? 'ok' : 'OVER TARGET'}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-');
  const servers: ChildProcess[] = [];
  await buildChild();
  try {
    const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${ORDERS}x${CLAIMS}`, ['--test-hooks']);
    servers.push(child);
    const cache = join(temp.dir, 'cache');
    const full = syncInChild(url, cache, 'twice');
    const baselineMs = await rawInsertMs(join(cache, 'claimdesk.sqlite'), join(temp.dir, 'baseline', 'claimdesk.sqlite'));
    const onThread = syncInChild(url, join(temp.dir, 'cache-thread'), 'once', 'thread');

    console.log(`\nClaimDesk sync benchmark: ${ORDERS} orders × ${CLAIMS} claims over loopback (${full.report.received} received)`);
    console.log(`machine load (1 min average, 2 cores): ${loadavg()[0]!.toFixed(2)}\n`);
    line('measure', 'value', 'target', null);
    line('full sync (saved in a worker, as the app)', seconds(full.fullMs), '', null);
    line('  baseline: raw prepared insert, same rows', seconds(baselineMs), '', null);
    line('  full sync ÷ baseline', `${(full.fullMs / baselineMs).toFixed(1)}×`, '≤ 2×', full.fullMs <= 2 * baselineMs);
    line('  peak RSS of the syncing process', mb(full.peakRssMb), '≤ 200 MB', full.peakRssMb <= 200);
    line('  baseline: the same process idle, signed in', mb(full.idleRssMb), '', null);
    line('full sync saved on the main thread (as the CLI)', seconds(onThread.fullMs), '', null);
    line('  full sync ÷ baseline', `${(onThread.fullMs / baselineMs).toFixed(1)}×`, '≤ 2×', onThread.fullMs <= 2 * baselineMs);
    line('  peak RSS of the syncing process', mb(onThread.peakRssMb), '≤ 200 MB', onThread.peakRssMb <= 200);
    line('no-change re-sync (same process)', `${(full.againMs! / 1000).toFixed(3)} s`, '≤ 0.2 s', full.againMs! <= 200);
    line('  baseline: its conditional request sent raw (304)', `${(full.askMs! / 1000).toFixed(3)} s`, '', null);
    console.log(`\nre-sync outcome: unchanged; full sync wrote ${full.report.added} orders in ${full.report.attempts} attempt(s).`);

    // Four times the orders: the time grows with them, the peak RSS must not.
    const large = await startServerProcess(join(temp.dir, 'server-large.sqlite'), `bench:${LARGE_ORDERS}x${CLAIMS}`);
    servers.push(large.child);
    const big = syncInChild(large.url, join(temp.dir, 'cache-large'));
    large.child.kill('SIGTERM');
    const bigBaselineMs = await rawInsertMs(join(temp.dir, 'cache-large', 'claimdesk.sqlite'), join(temp.dir, 'baseline-large', 'claimdesk.sqlite'));
    console.log('');
    line(`full sync, ${LARGE_ORDERS.toLocaleString('en-US')} orders × ${CLAIMS}`, seconds(big.fullMs), '', null);
    line('  baseline: raw prepared insert, same rows', seconds(bigBaselineMs), '', null);
    line('  full sync ÷ baseline', `${(big.fullMs / bigBaselineMs).toFixed(1)}×`, '≤ 2×', big.fullMs <= 2 * bigBaselineMs);
    line('  peak RSS of the syncing process', mb(big.peakRssMb), `≤ ${mb(full.peakRssMb * 1.1)}`, big.peakRssMb <= full.peakRssMb * 1.1);
    line(`  baseline: the ${ORDERS.toLocaleString('en-US')}-order sync above`, mb(full.peakRssMb), '', null);

    const cli = cliPeak(url, join(temp.dir, 'cli-cache'));
    console.log('');
    if (cli) {
      line('`claimdesk sync` (built CLI), whole process', `${mb(cli.sync.peakMb)}`, '', null);
      line('  its wall time', seconds(cli.sync.ms), '', null);
      line('  baseline: fetch + JSON.parse of the same body', `${mb(cli.plain.peakMb)}`, '', null);
      line('  its wall time', seconds(cli.plain.ms), '', null);
      // Where the CLI's peak comes from: the sync alone (above) and the after-sync work alone, each in its own process.
      const checks = syncInChild(url, join(temp.dir, 'cli-cache'), 'checks');
      line('  of which: the sync alone (saved on its thread, above)', mb(onThread.peakRssMb), '', null);
      line('  of which: after-sync work alone, same cache', mb(checks.peakRssMb), '', null);
      line('    its time (duplicate check on this thread)', seconds(checks.fullMs), '', null);
      line('    the same process idle, before it', mb(checks.idleRssMb), '', null);
    } else {
      console.log('`claimdesk sync` peak RSS: skipped (/usr/bin/time is not installed)');
    }

    const hostile = await hostileOrderCost(url, temp.dir);
    console.log('');
    line('full sync, the corpus alone (best of 3)', seconds(hostile.plain.ms), '', null);
    line('  its peak RSS', mb(hostile.plain.peakRssMb), '', null);
    line(`  + one ${HOSTILE_VERTICES.toLocaleString('en-US')}-vertex hostile order`, seconds(hostile.withHostile.ms), '', null);
    line('  its peak RSS', mb(hostile.withHostile.peakRssMb), '', null);
    line('  what the hostile order adds', seconds(hostile.withHostile.ms - hostile.plain.ms), '< 1 s', hostile.withHostile.ms - hostile.plain.ms < 1000);
    console.log(`  the hostile order was kept with: ${hostile.problems.join('; ')}`);
  } finally {
    for (const child of servers) child.kill('SIGTERM');
    temp.cleanup();
  }
}

/** Peak RSS and wall time of a command, as `/usr/bin/time -v` reports them; null where it is not installed. */
function timed(command: string[], env: NodeJS.ProcessEnv): { peakMb: number; ms: number } {
  const run = spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  if (run.status !== 0 || !peak || !wall) throw new Error(`${command.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { peakMb: Number(peak[1]) / 1024, ms: (Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])) * 1000 };
}

/**
 * `claimdesk sync` as a user runs it (the built JavaScript behind bin/claimdesk.cjs) into a fresh cache, beside a
 * plain Node process that signs in, downloads the same list and JSON.parses it: what holding the answer alone costs.
 */
function cliPeak(url: string, dataDir: string): { sync: { peakMb: number; ms: number }; plain: { peakMb: number; ms: number } } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli failed:\n${build.stderr}`);
  const env = { ...process.env, CLAIMDESK_PASSWORD: DEMO_PASSWORD };
  const sync = timed([process.execPath, 'bin/claimdesk.cjs', 'sync', '--server', url, '--username', DEMO_STAFF.username, '--data-dir', dataDir], env);
  const plainScript = `
    const base = ${JSON.stringify(url)};
    (async () => {
      const signIn = await fetch(base + ${JSON.stringify(API_PATHS.tokenAuth)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ${JSON.stringify(DEMO_STAFF.username)}, password: process.env.CLAIMDESK_PASSWORD }) });
      const { token } = await signIn.json();
      const list = await fetch(base + ${JSON.stringify(API_PATHS.pendingOrders)}, { headers: { authorization: 'Token ' + token } });
      const body = JSON.parse(await list.text());
      if (!Array.isArray(body.orders)) process.exit(1);
    })();`;
  const plain = timed([process.execPath, '-e', plainScript], env);
  return { sync, plain };
}

/** Fresh-cache full syncs of the corpus with and without one 200,000-vertex zig-zag order, alternating, each in its own process. */
async function hostileOrderCost(url: string, dir: string): Promise<{ plain: ChildRun & { ms: number }; withHostile: ChildRun & { ms: number }; problems: string[] }> {
  const hook = (method: string, path: string, body?: string) =>
    fetch(`${url}/__test__/${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} }).then((res) => {
      if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
    });
  const hostileOrder = orderWithRawField(HOSTILE_ID, 'claim_polygons', zigzagPolygonsJson(HOSTILE_VERTICES));
  const plain: ChildRun[] = [];
  const withHostile: ChildRun[] = [];
  let problems: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const hostile of [false, true]) {
      if (hostile) await hook('POST', 'orders', hostileOrder);
      const dataDir = join(dir, `hostile-${round}-${hostile}`);
      const run = syncInChild(url, dataDir);
      (hostile ? withHostile : plain).push(run);
      if (hostile) {
        const opened = await openDatabase({ file: join(dataDir, 'claimdesk.sqlite'), readOnly: true });
        const stored = await opened.db.selectFrom('orders').select('problems_json').where('id', '=', HOSTILE_ID).executeTakeFirst();
        problems = (JSON.parse(stored?.problems_json ?? '[]') as { message: string }[]).map((p) => p.message);
        await opened.close();
        await hook('DELETE', `orders/claim_order/${HOSTILE_ID}`);
      }
    }
  }
  const best = (runs: ChildRun[]) => {
    const fastest = runs.reduce((a, b) => (b.fullMs < a.fullMs ? b : a));
    return { ...fastest, ms: fastest.fullMs };
  };
  return { plain: best(plain), withHostile: best(withHostile), problems };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
