/**
 * `npm run bench` (documents): location notices per second beside bare pdf-lib pages carrying the same text, and a
 * batch export of 100 orders × 8 claims from a synced cache through the worker pool (time and peak RSS).
 * Targets are printed, never asserted (see sync.bench.ts).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderLocationNotices } from '../../core/documents/pdf/location-notice.pdf';
import { listActiveOrderKeys } from '../../core/repos/orders.repo';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { noticeContent } from '../../shared/documents/notice-content';
import { openBackEnd } from '../helpers/back-end';
import { samplePackageModel, samplePackageSource } from '../helpers/package-fixtures';
import { runPackageTask } from '../../core/documents/package-task';
import { makeTempDir } from '../helpers/temp-dir';
import { startServerProcess } from './bench-server';

const EXPORT_ORDERS = Number(process.env.BENCH_EXPORT_ORDERS ?? 100);
const CLAIMS = 8;

/** Every string in a notice's blocks, in order: the text a bare page must carry too. */
function noticeStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => noticeStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => noticeStrings(item, out));
  return out;
}

async function noticesBenchmark(): Promise<void> {
  const resourcesDir = findResourcesDir();
  const fonts = loadFontBytes(resourcesDir);
  const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
  const context = { fonts, feeSchedule: feeScheduleFor('2026-08-15')! };
  await renderLocationNotices(model, context); // warm-up: JIT and font parsing
  const rounds = 12;
  let pages = 0;
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) pages += (await renderLocationNotices(model, context)).document.pages ?? 0;
  const seconds = (performance.now() - start) / 1000;

  // Baseline: the same strings drawn line by line on the same number of pages, no layout, same embedded font.
  const lines = model.claims.flatMap((claim) => noticeStrings(noticeContent(model, claim)).flatMap((s) => s.match(/.{1,95}(\s|$)/g) ?? [s]));
  const perPage = Math.ceil(lines.length / Math.max(1, pages / rounds));
  const baseStart = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fonts.regular, { subset: true });
    for (let p = 0; p * perPage < lines.length; p += 1) {
      const page = doc.addPage([612, 792]);
      lines.slice(p * perPage, (p + 1) * perPage).forEach((line, k) => page.drawText(line, { x: 54, y: 740 - k * 12, size: 9, font }));
    }
    await doc.save();
  }
  const baseSeconds = (performance.now() - baseStart) / 1000;
  console.log(`Location notices: ${(pages / seconds).toFixed(0)} pages/s (${pages} pages, ${(pages / rounds).toFixed(0)} per 8-claim order)   target ≥ 100 pages/s`);
  console.log(`  baseline, bare pdf-lib pages with the same text: ${(pages / baseSeconds).toFixed(0)} pages/s (${(seconds / baseSeconds).toFixed(1)}× the time)`);
}

/** Peak resident memory of a child process so far (Linux /proc; the kernel's high-water mark). */
function peakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The real path end to end: `npm run cli -- export` as its own process (so its memory is measured alone, main
 * thread and worker threads together), over a cache synced from the reference server.
 */
async function exportBenchmark(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-docs-');
  // The bench seed alternates purchases (no claimant) and claim orders (with one): 2N orders give N to export.
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${EXPORT_ORDERS * 2}x${CLAIMS}`);
  try {
    const dataDir = join(temp.dir, 'cache');
    const backEnd = await openBackEnd({ dataDir });
    await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
    await backEnd.sync.syncNow();
    const orders = (await listActiveOrderKeys(backEnd.opened.db)).filter((key) => key.orderType === 'claim_order').slice(0, EXPORT_ORDERS);
    await backEnd.close();

    const args = ['--import', 'tsx', 'cli/main.ts', 'export', '--out', join(temp.dir, 'export'), '--data-dir', dataDir, '--json'];
    for (const key of orders) args.push('--order', `${key.orderType}:${key.id}`);
    const start = performance.now();
    const cli = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssMb(cli.pid!) ?? 0)), 25);
    let stdout = '';
    cli.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    const report = JSON.parse(stdout) as { results: { outcome: string }[] };
    const exported = report.results.filter((r) => r.outcome === 'exported').length;
    console.log(
      `Batch export (CLI, own process): ${exported} of ${orders.length} orders × ${CLAIMS} claims in ${seconds.toFixed(2)} s, exit ${code} (${(exported / seconds).toFixed(1)} orders/s)   target ≤ 15 s`,
    );
    console.log(`  peak RSS ${peak.toFixed(0)} MB (main + worker threads)   target ≤ 500 MB`);
    // Baseline: rendering alone (no database, no workers, no files), one thread in this process, 10 packages scaled.
    const task = { source: samplePackageSource({ state: 'NV', rows: 2, cols: 4 }), preparedOn: '2026-11-22', generatedAt: 'bench', generator: { name: 'ClaimDesk', version: 'bench' }, resourcesDir: findResourcesDir() };
    await runPackageTask(task);
    const renderStart = performance.now();
    for (let i = 0; i < 10; i += 1) await runPackageTask(task);
    const renderSeconds = ((performance.now() - renderStart) / 1000 / 10) * orders.length;
    console.log(`  baseline, rendering the same number of packages on one thread, nothing else: ${renderSeconds.toFixed(2)} s`);
  } finally {
    child.kill();
    temp.cleanup();
  }
}

async function main(): Promise<void> {
  await noticesBenchmark();
  await exportBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
