/**
 * Wizard step switching in the browser host (headless Chromium, SwiftShader WebGL as on the build machines): a
 * 40-claim job (CPO-2026-0004, laid out as drawn, validated, claimant confirmed, package made), the time from a
 * click on a step's tab until that step is on screen (the wizard shows it and two frames have been drawn). Beside
 * it, in the same run, the baseline: switching between the two steps that draw nothing of the claims (Claimant and
 * Upload). Target: every switch under 100 ms. Last, the Documents step once more, until its preview's page is
 * drawn. Beside every row its peak memory: the renderer's JS heap (CDP Runtime.getHeapUsage after each switch, the
 * highest) and the back-end's peak RSS (this process hosts main's services; the kernel's high-water mark).
 * Printed, never asserted.
 *
 *   BENCH_STEP_RUNS=7      switches per step (median printed)
 *   BENCH_PROFILE=1        also prints, for each step, the functions with the most self and total time while
 *                          switching to it, and from a Chrome trace of one more switch how long each browser thread
 *                          was busy, how many frames the window drew and what the page's own thread did (script,
 *                          style, layout, paint, GC) in the second after the click
 */
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_STAFF } from '../../server';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { JobStep } from '../../shared/jobs/job.types';
import { listedOrders, startBrowserHarness } from '../helpers/browser-harness';
import { heapMb, threadBusy, topFunctions, topFunctionsTotal, type CpuProfile } from './cdp-readings';

const RUNS = Number(process.env.BENCH_STEP_RUNS ?? 7);
const PROFILE = process.env.BENCH_PROFILE === '1';
const MEASURED: JobStep[] = ['import', 'layout', 'monuments', 'validate', 'documents'];

/**
 * Clicks the step's tab and resolves, in the page, when the wizard shows it and two frames were drawn. Sent as text:
 * tsx would wrap a function's inner closures in a helper the page does not have.
 */
const SWITCH_IN_PAGE = `(target) => new Promise((resolve) => {
  const wizard = document.querySelector('[data-testid="wizard"]');
  if (wizard.getAttribute('data-step') === target) return resolve(0);
  const started = performance.now();
  setTimeout(() => resolve(Number.NaN), 10000); // a switch that never shows: NaN, not a hang
  const observer = new MutationObserver(() => {
    if (wizard.getAttribute('data-step') !== target) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
  });
  observer.observe(wizard, { attributes: true, attributeFilter: ['data-step'] });
  document.querySelector('[data-testid="wizard-step-' + target + '"]').click();
})`;

async function switchTo(page: Page, step: JobStep): Promise<number> {
  return page.evaluate(`(${SWITCH_IN_PAGE})(${JSON.stringify(step)})`);
}

/**
 * Clicks the step's tab and resolves when `selector` matches in the page and two frames were drawn: for the
 * Documents step, the preview's page drawn (what staff wait for), not only the step shown.
 */
const SWITCH_UNTIL_IN_PAGE = `(target, selector) => new Promise((resolve) => {
  const started = performance.now();
  setTimeout(() => resolve(Number.NaN), 20000);
  let done = false;
  const check = () => {
    if (done || document.querySelector('[data-testid="wizard"]').getAttribute('data-step') !== target || !document.querySelector(selector)) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { attributes: true, childList: true, subtree: true });
  document.querySelector('[data-testid="wizard-step-' + target + '"]').click();
})`;

const PREVIEW_DRAWN = '[data-testid="pdf-canvas"][data-rendered-page]';

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const memory = (heap: number) => `renderer JS heap peak ${heap.toFixed(0)} MB, back-end peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

async function measure(page: Page, step: JobStep, cdp: CDPSession | null, heap: CDPSession): Promise<{ ms: number; heap: number }> {
  const times: number[] = [];
  let peak = 0;
  if (cdp) await cdp.send('Profiler.start');
  for (let i = 0; i < RUNS; i += 1) {
    await switchTo(page, 'claimant');
    times.push(await switchTo(page, step));
    peak = Math.max(peak, await heapMb(heap));
  }
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    console.log(`  profile of the switches to ${step}, self time:\n    ${topFunctions(profile).join('\n    ')}`);
    console.log(`  total time (with callees):\n    ${topFunctionsTotal(profile, 20).join('\n    ')}`);
    await switchTo(page, 'claimant');
    console.log(`  threads in the second after one more switch:\n    ${(await threadBusy(cdp, () => switchTo(page, step))).join('\n    ')}`);
  }
  return { ms: median(times), heap: peak };
}

async function main(): Promise<void> {
  const h = await startBrowserHarness();
  try {
    await h.signInAndSync((await listedOrders(h.server)).length, DEMO_STAFF.username);
    const { handlers } = h.app;
    let job = await handlers.pullOrder({ orderType: 'claim_purchase', id: 4 });
    job = await handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'BAY'), grid: null } } });
    job = await handlers.validateLayout({ jobId: job.id });
    job = await handlers.saveJob({ jobId: job.id, patch: { step: 'claimant', claimant: { ...job.claimant, claimantName: 'Salmon River Exploration Ltd.', address1: '1 Main St', address2: 'Challis, ID 83226' } } });
    job = await handlers.confirmClaimant({ jobId: job.id });
    await handlers.generatePackage({ jobId: job.id });
    console.log(`Wizard step switching: ${job.layout.claims.length} claims (${job.order.orderNumber}), median of ${RUNS}, from the Claimant step${PROFILE ? '; PROFILED (slower)' : ''}`);
    console.log(`  load average (1 min) ${loadavg()[0]!.toFixed(1)} before the timed part`);

    await h.page.getByTestId('nav-jobs').click();
    await h.page.locator(`[data-testid="job-row"][data-order-number="${job.order.orderNumber}"] button`).click();
    await h.page.getByTestId('wizard').waitFor();
    // Every step once, so what a first visit loads (the map's style and worker, PDF.js) is not counted.
    for (const step of [...MEASURED, 'upload', 'claimant'] as JobStep[]) await switchTo(h.page, step);

    const heap = await h.context.newCDPSession(h.page);
    const baseline: number[] = [];
    let baselineHeap = 0;
    for (let i = 0; i < RUNS; i += 1) {
      await switchTo(h.page, 'upload');
      baseline.push(await switchTo(h.page, 'claimant'));
      baselineHeap = Math.max(baselineHeap, await heapMb(heap));
    }
    const lost = baseline.filter((ms) => !Number.isFinite(ms)).length;
    console.log(`  baseline (Upload → Claimant, nothing of the claims drawn): ${median(baseline.filter(Number.isFinite)).toFixed(0)} ms   ${memory(baselineHeap)}${lost ? `  (${lost} switch(es) not shown within 10 s: ${baseline.map((ms) => ms.toFixed(0)).join(', ')})` : ''}`);
    const cdp = PROFILE ? await h.context.newCDPSession(h.page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await switchTo(h.page, 'upload');
      console.log(`  baseline's threads in the second after one more switch:\n    ${(await threadBusy(cdp, () => switchTo(h.page, 'claimant'))).join('\n    ')}`);
    }
    for (const step of MEASURED) {
      const { ms, heap: peak } = await measure(h.page, step, cdp, heap);
      const base = median(baseline.filter(Number.isFinite));
      console.log(`  Claimant → ${step.padEnd(9)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / Math.max(1, base)).toFixed(1)} × baseline; target < 100 ms)   ${memory(peak)}`);
    }
    // What a staff member going back and forth waits for on the Documents step: its preview drawn again.
    const previewTimes: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await switchTo(h.page, 'claimant');
      previewTimes.push(await h.page.evaluate(`(${SWITCH_UNTIL_IN_PAGE})("documents", ${JSON.stringify(PREVIEW_DRAWN)})`));
    }
    const base = median(baseline.filter(Number.isFinite));
    const preview = median(previewTimes.filter(Number.isFinite));
    console.log(`  Claimant → documents, until its preview page is drawn: ${preview.toFixed(0)} ms  (${(preview / Math.max(1, base)).toFixed(1)} × baseline)`);
    console.log(`  load average (1 min) ${loadavg()[0]!.toFixed(1)} after`);
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
