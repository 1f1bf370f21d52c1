/**
 * The Layout step at 2,400 claims in the browser host (headless Chromium, SwiftShader WebGL as on the build
 * machines): a 48 × 50 lode grid laid over CPO-2026-0004, then the three edits staff repeat most, each timed from
 * the click until the step has re-rendered and two frames were drawn:
 *   select   a click on a claim's row (it becomes the only selected claim)
 *   move     Move with one claim selected (10 ft east, then back west)
 *   rename   Rename with one claim selected (the prefix alternates, so every click changes the name)
 * Beside them, in the same run, the baseline: a click on the table's footer, which changes nothing (the cost of a
 * click and two frames on this machine). Peak memory beside every row: the renderer's JS heap (CDP
 * Runtime.getHeapUsage, the highest sample after any action of that row) and the back-end's peak RSS (this process
 * hosts main's services; the kernel's high-water mark, so it only grows). Target: ≤ 50 ms per action. Printed,
 * never asserted.
 *
 *   BENCH_TABLE_RUNS=9     actions per row (median printed)
 *   BENCH_PROFILE=1        also prints the functions with the most self time (and total time) during each row's
 *                          actions, and for one more action of each row how long each browser thread was busy in the
 *                          second after its click and how many frames the window drew (a Chrome trace: the GPU
 *                          process's main thread is software GL, and each frame composites the whole window)
 */
import type { Page } from 'playwright-core';
import { DEMO_STAFF } from '../../server';
import { orderAreaRings } from '../../shared/jobs/check-job';
import { generateGrid } from '../../shared/layout/grid';
import type { GridInput } from '../../shared/layout/layout.types';
import { listedOrders, startBrowserHarness } from '../helpers/browser-harness';
import { heapMb, threadBusy, topFunctions, topFunctionsTotal, type CpuProfile } from './cdp-readings';

const RUNS = Number(process.env.BENCH_TABLE_RUNS ?? 9);
const PROFILE = process.env.BENCH_PROFILE === '1';
const ROWS = 48;
const COLS = 50;

/**
 * Clicks the element and resolves, in the page, with the time until `done()` holds (checked on every DOM change
 * and frame) and two more frames were drawn. Sent as text: tsx would wrap inner closures in a helper the page
 * does not have.
 */
const CLICK_IN_PAGE = `(args) => new Promise((resolve) => {
  const target = document.querySelector(args.selector);
  const done = new Function('return (' + args.done + ')')();
  const started = performance.now();
  let finished = false;
  setTimeout(() => { if (!finished) { finished = true; resolve(Number.NaN); } }, 10000);
  const check = () => {
    if (finished || !done()) return false;
    finished = true;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { attributes: true, childList: true, subtree: true });
  target.click();
  if (check()) observer.disconnect();
})`;

async function clickAndWait(page: Page, selector: string, done = '() => true'): Promise<number> {
  return page.evaluate(`(${CLICK_IN_PAGE})(${JSON.stringify({ selector, done })})`);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const backEndPeakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const h = await startBrowserHarness();
  try {
    await h.signInAndSync((await listedOrders(h.server)).length, DEMO_STAFF.username);
    const { handlers } = h.app;
    let job = await handlers.pullOrder({ orderType: 'claim_purchase', id: 4 });
    const epsg = job.crs.epsg;
    // The grid's north-west corner on the order's first corner: the claims lie over and around the order.
    const anchor = orderAreaRings(job.order, epsg)[0]![0]!;
    const params: GridInput = { kind: 'lode', rows: ROWS, cols: COLS, azimuthDeg: 0, prefix: 'BIG', firstNumber: 1, anchorMode: 'nw', anchor };
    job = await handlers.saveJob({ jobId: job.id, patch: { step: 'layout', layout: { claims: generateGrid(params, epsg), grid: null } } });
    console.log(`\nLayout step at ${job.layout.claims.length} claims (${job.order.orderNumber}), median of ${RUNS}: click → re-rendered + two frames`);

    const page = h.page;
    await page.getByTestId('nav-jobs').click();
    await page.locator(`[data-testid="job-row"][data-order-number="${job.order.orderNumber}"] button`).click();
    await page.getByTestId('layout-claims-table').waitFor();
    await page.locator('[data-testid="claims-map"][data-map-ready="true"]').waitFor({ timeout: 120_000 }).catch(() => undefined);
    const rowsInPage = await page.getByTestId('layout-claim-row').count();
    const cdp = await h.context.newCDPSession(page);

    const rows: { label: string; ms: number; heap: number; rss: number }[] = [];
    const timeRow = async (label: string, action: (run: number) => Promise<number>) => {
      const times: number[] = [];
      let heap = 0;
      if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      for (let run = 0; run < RUNS; run += 1) {
        times.push(await action(run));
        heap = Math.max(heap, await heapMb(cdp));
      }
      if (PROFILE) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        console.log(`  profile of "${label}", self time:\n    ${topFunctions(profile, 16).join('\n    ')}`);
        console.log(`  total time (with callees):\n    ${topFunctionsTotal(profile, 24).join('\n    ')}`);
        console.log(`  threads in the second after one more action:\n    ${(await threadBusy(cdp, () => action(RUNS))).join('\n    ')}`);
      }
      rows.push({ label, ms: median(times), heap, rss: backEndPeakRssMb() });
    };

    const rowSelector = (n: number) => `[data-testid="layout-claim-row"]:nth-child(${n + 2})`; // after the top spacer, if any
    await timeRow('baseline: click that changes nothing', () => clickAndWait(page, '[data-testid="layout-claims-table"] tfoot th'));
    await timeRow('select a claim (row click)', async (run) => {
      const id = await page.locator(rowSelector(run % 5)).getAttribute('data-claim-id');
      const selector = `[data-testid="layout-claim-row"][data-claim-id="${id}"]`;
      return clickAndWait(page, selector, `() => document.querySelector('${selector}')?.getAttribute('aria-selected') === 'true'`);
    });
    await timeRow('move the selected claim (Move)', async (run) => {
      await page.getByTestId('edit-move-east').fill(run % 2 === 0 ? '10' : '-10');
      // A move changes no text in the table: the click's re-render and two frames are the whole action.
      return clickAndWait(page, '[data-testid="edit-move-apply"]');
    });
    const selectedId = await page.locator('[data-testid="layout-claim-row"][aria-selected="true"]').getAttribute('data-claim-id');
    await timeRow('rename the selected claim (Rename)', async (run) => {
      const prefix = run % 2 === 0 ? 'RN' : 'RM';
      await page.getByTestId('layout-prefix').fill(prefix);
      await page.getByTestId('layout-first-number').fill('1');
      const selector = `[data-testid="layout-claim-row"][data-claim-id="${selectedId}"]`;
      return clickAndWait(page, '[data-testid="edit-rename-apply"]', `() => document.querySelector('${selector}')?.getAttribute('data-claim-name') === '${prefix} 1'`);
    });

    const baseline = rows[0]!.ms;
    console.log(`  rows in the page: ${rowsInPage} of ${job.layout.claims.length} (the rest are spacer height)`);
    for (const row of rows) {
      const vs = row === rows[0] ? '             ' : `${(row.ms / Math.max(1, baseline)).toFixed(1).padStart(5)} × base`;
      const target = row === rows[0] ? '' : `  target ≤ 50 ms ${row.ms <= 50 ? 'ok' : 'OVER TARGET'}`;
      console.log(`  ${row.label.padEnd(38)} ${row.ms.toFixed(0).padStart(5)} ms ${vs}   renderer JS heap peak ${row.heap.toFixed(0).padStart(4)} MB   back-end peak RSS ${row.rss.toFixed(0)} MB${target}`);
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await h.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
