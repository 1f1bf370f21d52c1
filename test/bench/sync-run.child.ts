/**
 * One sync benchmark run in a process of its own (sync.bench.ts starts it), so its peak RSS is that sync's alone:
 * sign in to the server at argv[2], sync into a fresh cache in argv[3] (once, and again when argv[4] is "twice"),
 * and print one JSON line: the timings, the RSS of the idle back-end before the sync (the same run's baseline),
 * and the process's peak RSS. With argv[4] "checks" it runs the after-sync work over the cache in argv[3] instead.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { inThreadDuplicateCheck } from '../../core/workflow/duplicate-check';
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
  if (mode === 'twice') {
    start = performance.now();
    await backEnd.sync.syncNow();
    againMs = performance.now() - start;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  await backEnd.close();
  process.stdout.write(`${JSON.stringify({ fullMs, againMs, idleRssMb, peakRssMb, report })}\n`);
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
