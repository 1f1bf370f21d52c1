/**
 * Main's cost of one layout edit at 2,400 claims: a 48 × 50 lode grid on CPO-2026-0004, one claim moved 10 ft east
 * (then back), saved the way the window saves it, in this process, on a real cache file:
 *   request   the IPC request as main receives it (JSON.parse of the body; Electron's structured clone is alike)
 *   save      dispatchIpc('saveLayout'): the contract's parse, jobs.saveLayout, the answer's parse (and, apart, the
 *             contract's parse of the same request alone: what a message of the change alone would spare)
 *   refresh   what the Layout step reads again when main announces a change (workflowChanged): the job, its
 *             history and outbox entries, the uploads ready and the order (api/queries.ts), each answer serialised
 *             as a transport would
 * Beside them, in the same run, the baseline: JSON.stringify of the same layout and a raw prepared UPDATE of
 * jobs.layout_json in its own transaction on a second connection with the app's pragmas (WAL, synchronous FULL),
 * the least a save of the whole layout can cost. Peak RSS (the kernel's high-water mark: it only grows) after the
 * set-up, the baseline and the saves. Printed, never asserted.
 *
 *   BENCH_SAVE_RUNS=15   saves per row (median and fastest printed)
 *   BENCH_PROFILE=1      also profiles the saves and their refreshes (node-cpu-profile.ts)
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { dispatchIpc } from '../../core/ipc/dispatch';
import { ipcContract } from '../../shared/ipc/contract';
import { applyWriterPragmas } from '../../core/db/open-writer';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { orderAreaRings } from '../../shared/jobs/check-job';
import { generateGrid } from '../../shared/layout/grid';
import type { GridInput, Layout } from '../../shared/layout/layout.types';
import type { JobChange } from '../../shared/jobs/job.types';
import { openTestApp } from '../helpers/test-app';
import { makeTempDir } from '../helpers/temp-dir';
import { startServerProcess } from './bench-server';
import { createCpuProfiler, formatProfile } from './node-cpu-profile';

const RUNS = Number(process.env.BENCH_SAVE_RUNS ?? 15);
const PROFILE = process.env.BENCH_PROFILE === '1';
const ROWS = 48;
const COLS = 50;
const FEET = 0.3048;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, fastest: sorted[0]! };
};

/** The layout with claim `index` moved `dxFt` feet east: a new object for it only, as the window's edit makes. */
function moved(layout: Layout, index: number, dxFt: number): Layout {
  const claims = layout.claims.slice();
  const claim = claims[index]!;
  claims[index] = { ...claim, corners: claim.corners.map(([x, y]) => [x + dxFt * FEET, y] as [number, number]) };
  return { ...layout, claims };
}

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-layout-save-');
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), 'demo');
  const app = await openTestApp(join(temp.dir, 'data'));
  try {
    const { handlers } = app;
    await handlers.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
    await handlers.runSync({});
    let job = await handlers.pullOrder({ orderType: 'claim_purchase', id: 4 });
    const epsg = job.crs.epsg;
    const anchor = orderAreaRings(job.order, epsg)[0]![0]!;
    const params: GridInput = { kind: 'lode', rows: ROWS, cols: COLS, azimuthDeg: 0, prefix: 'BIG', firstNumber: 1, anchorMode: 'nw', anchor };
    job = await handlers.saveJob({ jobId: job.id, patch: { step: 'layout', layout: { claims: generateGrid(params, epsg), grid: null } } });
    const jobId = job.id;
    const orderKey = { orderType: job.order.orderType, id: job.order.orderId };
    let layout = job.layout;
    const setUpRss = peakRssMb();

    let announced = 0;
    app.onEvent('workflowChanged', ({ jobIds }) => {
      if (jobIds.length === 0 || jobIds.includes(jobId)) announced += 1;
    });
    const refresh = async () => {
      const answers = await Promise.all([
        dispatchIpc(handlers, 'getJob', { jobId }),
        dispatchIpc(handlers, 'getJobHistory', { jobId }),
        dispatchIpc(handlers, 'listOutbox', { jobId, includeClosed: true }),
        dispatchIpc(handlers, 'listReadyToUpload', {}),
        dispatchIpc(handlers, 'getOrder', orderKey),
      ]);
      for (const answer of answers) {
        if (!answer.ok) throw new Error(answer.error.message);
        JSON.stringify(answer.value);
      }
    };

    // Baseline: the same layout's JSON written by a raw prepared UPDATE, one transaction (FULL commit) each.
    const raw = new BetterSqlite3(join(temp.dir, 'data', 'claimdesk.sqlite'), { fileMustExist: true });
    applyWriterPragmas(raw);
    const update = raw.prepare('UPDATE jobs SET layout_json = ?, updated_at = ? WHERE id = ?');
    const write = raw.transaction((json: string) => update.run(json, new Date().toISOString(), jobId));
    const baseline: number[] = [];
    const stringify: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const next = moved(layout, 1_225, run % 2 === 0 ? 10 : -10);
      const start = performance.now();
      const json = JSON.stringify(next);
      stringify.push(performance.now() - start);
      write(json);
      baseline.push(performance.now() - start);
    }
    raw.close();
    const baselineRss = peakRssMb();

    const profiler = PROFILE ? createCpuProfiler(join(temp.dir, 'layout-save.cpuprofile')) : null;
    const request: number[] = [];
    const contract: number[] = [];
    const save: number[] = [];
    const reread: number[] = [];
    let refreshes = 0;
    let problems = 0;
    for (let run = 0; run < RUNS; run += 1) {
      // A middle claim of the grid (row 25, column 26): it has neighbours on every side.
      layout = moved(layout, 1_225, run % 2 === 0 ? 10 : -10);
      const body = JSON.stringify({ jobId, layout });
      // The contract's parse alone (part of the save below), on a copy of the request: what a smaller message would save.
      const copy: unknown = JSON.parse(body);
      let start = performance.now();
      ipcContract.saveLayout.request.parse(copy);
      contract.push(performance.now() - start);
      await profiler?.start();
      start = performance.now();
      const payload: unknown = JSON.parse(body);
      request.push(performance.now() - start);
      start = performance.now();
      const before = announced;
      const answer = await dispatchIpc(handlers, 'saveLayout', payload);
      if (!answer.ok) throw new Error(answer.error.message);
      problems = (answer.value as JobChange).workflow.steps.validate.problems.length;
      JSON.stringify(answer.value);
      save.push(performance.now() - start);
      start = performance.now();
      if (announced > before) {
        refreshes += 1;
        await refresh();
      }
      reread.push(performance.now() - start);
      await profiler?.stop();
    }
    const savesRss = peakRssMb();

    const b = stats(baseline);
    const row = (label: string, times: number[], note = '') => {
      const s = stats(times);
      console.log(`  ${label.padEnd(46)} ${s.median.toFixed(1).padStart(7)} ms (fastest ${s.fastest.toFixed(1).padStart(6)}) ${(s.median / b.median).toFixed(1).padStart(6)} × base${note}`);
    };
    console.log(`\nLayout save in main at ${layout.claims.length} claims (${job.order.orderNumber}, layout_json ${(JSON.stringify(layout).length / 1e6).toFixed(2)} MB), median of ${RUNS} one-claim moves\n`);
    console.log(`  ${'baseline: stringify + raw UPDATE (FULL commit)'.padEnd(46)} ${b.median.toFixed(1).padStart(7)} ms (fastest ${b.fastest.toFixed(1).padStart(6)})   (stringify alone ${stats(stringify).median.toFixed(1)} ms)`);
    row('request: JSON.parse of the IPC body', request);
    row('save: dispatchIpc saveLayout', save);
    row('  of which the contract parses the layout', contract);
    row(`refresh after workflowChanged (${refreshes} of ${RUNS})`, reread);
    row('save + refresh', save.map((ms, i) => ms + reread[i]!), '   ← what one edit costs main');
    console.log(`  the layout's problems named in each answer (its Validate gate): ${problems}`);
    console.log(`\n  peak RSS: after set-up ${setUpRss.toFixed(0)} MB, after the baseline ${baselineRss.toFixed(0)} MB, after the saves ${savesRss.toFixed(0)} MB`);
    if (profiler) {
      console.log(`\n${formatProfile(profiler.summary, RUNS, 'save').join('\n')}`);
      profiler.close();
    }
  } finally {
    await app.close();
    child.kill();
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
