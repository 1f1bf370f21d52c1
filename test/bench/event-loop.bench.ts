/**
 * `npm run bench` (event loop): the back-end shares its process with the window's IPC (Electron main), so any
 * long synchronous stretch freezes every answer the window waits for. This measures the longest stall of the
 * event loop while the back-end runs a full sync of 10,000 orders × 8 claims from the reference server (a child
 * process), the after-sync checks (server changes, new orders, possible duplicates) and the refresh the window
 * asks for when they finish (dashboard and the first queue page), phase by phase. The baseline is the longest
 * stall of the same probe over an idle stretch of the same length in the same run: what the machine and the
 * garbage collector cost with none of our work. Beside each phase's longest stall, the CPU the back-end's thread used
 * within it, and the most it used within any one stall of the phase (Linux, 10 ms ticks): a stall with no CPU of
 * ours is the machine's other work. Printed, never asserted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { queryOrders } from '../../core/repos/order-queue.repo';
import { focusContext } from '../../core/workflow/desk-calendar';
import { inThreadDuplicateCheck, workerDuplicateCheck } from '../../core/workflow/duplicate-check';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import { openBackEnd, workflowFor } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';
import { startServerProcess } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 8);
const TICK_MS = 1;

/**
 * CPU time this thread has used, in ms, where Linux says (/proc/thread-self/stat, in clock ticks of 10 ms); null
 * elsewhere. On a machine busy with other work a stall may be the scheduler's, not ours: the CPU our thread used
 * within the longest stall tells them apart.
 */
function threadCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * A 1 ms timer that records the longest gap between two of its ticks (how long the loop was held), overall and per
 * phase, and the CPU this thread used within each phase's longest gap. A phase change splits the gap under way, so
 * each phase is charged only its own part of a stall.
 */
function stallProbe() {
  const longest = new Map<string, number>();
  const cpuInLongest = new Map<string, number | null>();
  let overall = 0;
  let phase = 'idle';
  let last = performance.now();
  let phaseFrom = last;
  let cpuFrom = threadCpuMs();
  const busiest = new Map<string, number>();
  const charge = (now: number) => {
    const cpu = threadCpuMs();
    const used = cpu === null || cpuFrom === null ? null : cpu - cpuFrom;
    if (used !== null) busiest.set(phase, Math.max(busiest.get(phase) ?? 0, used));
    if (now - phaseFrom < (longest.get(phase) ?? 0)) return;
    longest.set(phase, now - phaseFrom);
    cpuInLongest.set(phase, used);
  };
  const tick = (): void => {
    const now = performance.now();
    overall = Math.max(overall, now - last);
    charge(now);
    last = now;
    phaseFrom = now;
    cpuFrom = threadCpuMs();
  };
  const timer = setInterval(tick, TICK_MS);
  return {
    enter(next: string) {
      const now = performance.now();
      charge(now);
      phase = next;
      phaseFrom = now;
      cpuFrom = threadCpuMs();
    },
    stop() {
      tick(); // the stall under way, if any, ends here
      clearInterval(timer);
      return { longest, cpuInLongest, busiest, overall };
    },
  };
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-loop-');
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${ORDERS}x${CLAIMS}`);
  const loadBefore = loadavg()[0]!;
  try {
    // As the app composes it (create-app.ts): the save staged and committed by a connection in a worker thread.
    const backEnd = await openBackEnd({ dataDir: join(temp.dir, 'cache'), saveInWorker: process.env.BENCH_SAVE_IN_THREAD !== '1' });
    const db = backEnd.opened.db;
    const now = () => new Date();
    // As the app composes it (create-app.ts): the duplicate check in a worker thread over its own connection.
    const duplicateCheck = workerDuplicateCheck({ file: join(backEnd.dataDir, 'claimdesk.sqlite'), fallback: inThreadDuplicateCheck(db) });
    const workflow = workflowFor(db, now, () => ({ username: DEMO_STAFF.username, role: 'staff' }), { duplicateCheck });
    await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });

    const probe = stallProbe();
    const stages: Record<string, string> = { connecting: 'download, parse and check (streamed)', downloading: 'download, parse and check (streamed)', validating: 'validate (plan writes)', saving: 'save (one transaction)' };
    const unsubscribe = backEnd.sync.onStatus((status) => {
      if (status.progress) probe.enter(stages[status.progress.stage] ?? status.progress.stage);
    });
    const start = performance.now();
    probe.enter('download, parse and check (streamed)');
    const report = await backEnd.sync.syncNow();
    unsubscribe();
    const syncMs = performance.now() - start;
    probe.enter('after-sync checks (duplicates …)');
    const checksStart = performance.now();
    await workflow.afterSync({ added: { count: 0, first: [] }, changed: true });
    const checksMs = performance.now() - checksStart;
    probe.enter('window refresh (dashboard, queue page)');
    const context = focusContext(now(), DEFAULT_WORKFLOW_SETTINGS.staleAfterDays);
    await Promise.all([workflow.dashboard(), queryOrders(db, { sort: { column: 'createdAt', direction: 'asc' }, limit: 200 }, context)]);
    const busyMs = performance.now() - start;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    // Baseline: the same probe over an idle stretch as long as the work above.
    probe.enter('done');
    const { longest, cpuInLongest, busiest, overall } = probe.stop();
    const baseline = stallProbe();
    baseline.enter('baseline');
    await idle(busyMs);
    const idleStall = baseline.stop().overall;
    await backEnd.close();

    const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(46)} ${value.padStart(10)}   ${note}`);
    console.log(`\nClaimDesk event-loop benchmark: full sync of ${report.received} orders × ${CLAIMS} claims, then the after-sync checks`);
    console.log(`machine load (1 min average, 2 cores): ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after\n`);
    for (const [phase, ms] of longest) {
      const cpu = cpuInLongest.get(phase);
      const note = cpu == null ? '' : `this thread's CPU within it: ${cpu} ms; most CPU within any one stall: ${busiest.get(phase) ?? 0} ms (±10)`;
      if (phase !== 'idle' && phase !== 'done') line(`  longest stall during ${phase}`, `${ms.toFixed(0)} ms`, note);
    }
    line('longest event-loop stall, sync + checks + refresh', `${overall.toFixed(0)} ms`, `target ≤ 50 ms; baseline, idle back-end for as long: ${idleStall.toFixed(0)} ms`);
    line('full sync', `${(syncMs / 1000).toFixed(2)} s`, `after-sync checks ${(checksMs / 1000).toFixed(2)} s; peak RSS ${peakRssMb.toFixed(0)} MB`);
  } finally {
    child.kill('SIGTERM');
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
