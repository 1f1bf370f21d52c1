/**
 * One sync benchmark run in a process of its own (sync.bench.ts starts it), so its peak RSS is that sync's alone:
 * sign in to the server at argv[2], sync into a fresh cache in argv[3] (once, and again when argv[4] is "twice"),
 * and print one JSON line: the timings, the RSS of the idle back-end before the sync (the same run's baseline),
 * and the process's peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { openBackEnd } from '../helpers/back-end';

async function main(): Promise<void> {
  const [url, dataDir, mode] = process.argv.slice(2);
  const backEnd = await openBackEnd({ dataDir: dataDir! });
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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
