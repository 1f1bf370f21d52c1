/**
 * One sync benchmark run in a process of its own (sync.bench.ts starts it), so its peak RSS is that sync's alone:
 * sign in to the server at argv[2], sync into a fresh cache in argv[3] (once, and again when argv[4] is "twice"),
 * and print one JSON line: the timings, the RSS of the idle back-end before the sync (the same run's baseline),
 * the process's peak RSS and, after the second sync, the same conditional request sent raw (its baseline). With argv[4] "checks" it runs the after-sync work over the cache in argv[3] instead.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { inThreadDuplicateCheck } from '../../core/workflow/duplicate-check';
import { getSyncState } from '../../core/repos/sync-state.repo';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { openBackEnd, workflowFor } from '../helpers/back-end';

async function main(): Promise<void> {
  const [url, dataDir, mode] = process.argv.slice(2);
  if (mode === 'checks') return afterSyncChecks(dataDir!);
  // CLAIMDESK_BENCH_SAVE=worker: staged and saved in a worker thread, as the app does (worker-order-saver.ts).
  const backEnd = await openBackEnd({ dataDir: dataDir!, saveInWorker: process.env.CLAIMDESK_BENCH_SAVE === 'worker' });
  await backEnd.session.signIn({ serverUrl: url!, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
  const idleRssMb = process.memoryUsage().rss / 1_048_576;
  let start = performance.now();
  const report = await backEnd.sync.syncNow();
  const fullMs = performance.now() - start;
  let againMs: number | null = null;
  let askMs: number | null = null;
  if (mode === 'twice') {
    start = performance.now();
    await backEnd.sync.syncNow();
    againMs = performance.now() - start;
    askMs = await conditionalGetMs(url!, backEnd);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await backEnd.close();
  process.stdout.write(`${JSON.stringify({ fullMs, againMs, askMs, idleRssMb, peakRssMb, report })}\n`);
}

/**
 * The no-change re-sync's baseline: the same conditional request (the stored ETag, the same token) sent raw, so what
 * the server and the loopback take is not counted as the sync's.
 */
async function conditionalGetMs(url: string, backEnd: Awaited<ReturnType<typeof openBackEnd>>): Promise<number> {
  const auth = await backEnd.session.getAuth();
  const { etag } = await getSyncState(backEnd.opened.db);
  const start = performance.now();
  const response = await fetch(new URL(API_PATHS.pendingOrders, url), { headers: { authorization: `Token ${auth!.token}`, ...(etag ? { 'if-none-match': etag } : {}) } });
  await response.arrayBuffer();
  if (response.status !== 304) throw new Error(`the conditional request was answered ${response.status}, not 304`);
  return performance.now() - start;
}

/**
 * The after-sync work the CLI runs over a cache a sync just filled (server changes under jobs, new-order notices,
 * the possible-duplicate check on this thread, as the built CLI runs it), alone in its process: the same JSON line,
 * its time as fullMs.
 */
async function afterSyncChecks(dataDir: string): Promise<void> {
  const backEnd = await openBackEnd({ dataDir });
  const workflow = workflowFor(backEnd.opened.db, () => new Date(), () => ({ username: DEMO_STAFF.username, role: 'staff' }), {
    duplicateCheck: inThreadDuplicateCheck(backEnd.opened.db),
  });
  const idleRssMb = process.memoryUsage().rss / 1_048_576;
  const start = performance.now();
  await workflow.afterSync({ added: { count: 0, first: [] }, changed: true });
  const fullMs = performance.now() - start;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await backEnd.close();
  process.stdout.write(`${JSON.stringify({ fullMs, againMs: null, idleRssMb, peakRssMb, report: null })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
