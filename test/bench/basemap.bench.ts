/**
 * `npx tsx test/bench/basemap.bench.ts`: the field map of a 40-claim order (5 × 8 lode claims in Nevada) with
 * a raster basemap printed under it, beside the same map without one, made in this run: render time, file
 * size and peak RSS. Each variant runs in its own process so its peak RSS is its own. The basemap is an
 * MBTiles file made here (zooms 12–17 around the block, tiles with enough texture to weigh like topo tiles).
 * Figures are printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { openTileArchive } from '../../core/basemap/open-archive';
import type { RenderContext } from '../../core/documents/document.types';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderFieldMap } from '../../core/documents/pdf/claim-map.pdf';
import { samplePackageModel, STATE_SPOTS } from '../helpers/package-fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { writeBasemapFixtures } from '../helpers/tile-fixtures';

const ROUNDS = 3;

interface Figures {
  msPerMap: number;
  bytes: number;
  pages: number;
  peakRssMb: number;
}

async function measure(basemapFile: string | null): Promise<Figures> {
  const model = samplePackageModel({ state: 'NV', rows: 5, cols: 8 });
  const archive = basemapFile ? await openTileArchive(basemapFile) : null;
  const context: RenderContext = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as unknown as RenderContext['feeSchedule'], basemap: archive ? { archive, print: 'field-map' } : null };
  await renderFieldMap(model, context); // warm-up: JIT, fonts, the tiles' first read
  const start = performance.now();
  let result = await renderFieldMap(model, context);
  for (let k = 1; k < ROUNDS; k += 1) result = await renderFieldMap(model, context);
  const msPerMap = (performance.now() - start) / ROUNDS;
  await archive?.close();
  if (result.problems.length > 0) throw new Error(result.problems.map((p) => p.message).join(' '));
  return { msPerMap, bytes: result.document.bytes.length, pages: result.document.pages ?? 0, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function child(basemapFile: string | null): Figures {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', basemapFile ?? '-'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Figures;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    const file = process.argv[childAt + 1]!;
    console.log(JSON.stringify(await measure(file === '-' ? null : file)));
    return;
  }
  const temp = makeTempDir('claimdesk-bench-basemap-');
  try {
    const [lon, lat] = STATE_SPOTS.NV!.lonLat;
    const files = writeBasemapFixtures(temp.dir, [lon - 0.03, lat - 0.045, lon + 0.05, lat + 0.01], [12, 17], { realistic: true });
    const baseline = child(null);
    const withBasemap = child(files.rasterMbtiles);
    const row = (label: string, f: Figures) =>
      `  ${label.padEnd(22)} ${f.msPerMap.toFixed(0).padStart(6)} ms   ${(f.bytes / 1024 / 1024).toFixed(2).padStart(6)} MB   ${String(f.pages).padStart(2)} pages   peak RSS ${f.peakRssMb.toFixed(0)} MB`;
    console.log('Field map, 40 lode claims (Nevada, 1 in = 500 ft), mean of 3 renders after a warm-up');
    console.log(row('without basemap', baseline));
    console.log(row('with raster basemap', withBasemap));
    console.log(`  basemap costs ×${(withBasemap.msPerMap / baseline.msPerMap).toFixed(1)} time, +${((withBasemap.bytes - baseline.bytes) / 1024 / 1024).toFixed(2)} MB, +${(withBasemap.peakRssMb - baseline.peakRssMb).toFixed(0)} MB RSS`);
  } finally {
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
