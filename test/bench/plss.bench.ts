/**
 * `npx tsx test/bench/plss.bench.ts` (PLSS): a synthetic state-sized CadNSDI set — by default 3,000 townships,
 * about Nevada's 110,000 sections with 1.7 million quarter-quarters and lots — written as three GeoJSON layers and
 * imported into a fresh cache in a child process (time and that process's peak RSS), beside a same-run baseline that
 * only parses the same files (the streaming reader alone). Then point lookups and the description of a 300-claim
 * order against the imported state, beside raw R-tree queries and the area read alone, as wall time and as this
 * process's CPU time (the build machines are shared: wall time there includes waiting for a core). Targets are
 * printed, never asserted. BENCH_PLSS_TOWNSHIPS sets the size.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import os from 'node:os';
import { openDatabase } from '../../core/db/open-database';
import { geoJsonLayer } from '../../core/plss/geojson-reader';
import { importPlssFiles } from '../../core/plss/plss-import';
import { describeClaimsFromCache, plssAroundClaims } from '../../core/plss/plss-describe.service';
import { plssAtPoint } from '../../core/plss/plss-query';
import { utmConverter } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import { FIXTURE_EPSG, FIXTURE_ORIGIN, MILE_M, fixtureLayers, type TownshipSpec } from '../helpers/plss-fixture';
import { makeTempDir } from '../helpers/temp-dir';

const TOWNSHIPS = Number(process.env.BENCH_PLSS_TOWNSHIPS ?? 3_000);
const LOOKUPS = 10_000;

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const line = (label: string, value: string, baseline: string, target = ''): void =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(12)}   baseline ${baseline.padStart(12)}${target ? `   target ${target}` : ''}`);

/** Townships on a square-ish grid, numbered like real ones (T1N… north, R1E… east). */
function townshipSpecs(count: number): TownshipSpec[] {
  const side = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, k) => ({ township: 1 + Math.floor(k / side), range: 1 + (k % side), dx: k % side, dy: Math.floor(k / side) }));
}

/** Writes each layer as one GeoJSON FeatureCollection, a township at a time: memory stays one township's. */
async function writeLayers(dir: string, specs: readonly TownshipSpec[]): Promise<string[]> {
  const names = ['PLSSTownship', 'PLSSFirstDivision', 'PLSSSecondDivision'] as const;
  const streams = names.map((name) => createWriteStream(join(dir, `${name}.geojson`)));
  const first = [true, true, true];
  const write = async (i: number, text: string): Promise<void> => {
    if (!streams[i]!.write(text)) await once(streams[i]!, 'drain');
  };
  for (let i = 0; i < 3; i += 1) await write(i, '{"type":"FeatureCollection","features":[\n');
  for (const spec of specs) {
    const layers = fixtureLayers([spec]);
    const parts = [layers.townships, layers.sections, layers.second];
    for (let i = 0; i < 3; i += 1) {
      const body = parts[i]!.map((f) => JSON.stringify(f)).join(',\n');
      await write(i, `${first[i] ? '' : ',\n'}${body}`);
      first[i] = false;
    }
  }
  for (let i = 0; i < 3; i += 1) {
    streams[i]!.end(']}\n');
    await once(streams[i]!, 'finish');
  }
  return names.map((name) => join(dir, `${name}.geojson`));
}

/** The child: imports the files into the cache and reports its time and its own peak RSS. */
async function child(dbFile: string, files: string[]): Promise<void> {
  const opened = await openDatabase({ file: dbFile });
  const started = performance.now();
  const report = await importPlssFiles(opened.db, files, { now: () => new Date() });
  const ms = performance.now() - started;
  await opened.close();
  const features = report.layers.reduce((s, l) => s + l.features, 0);
  process.stdout.write(JSON.stringify({ ms, features, rss: process.resourceUsage().maxRSS * 1024 }));
}

async function parseOnly(files: readonly string[]): Promise<{ ms: number; features: number }> {
  const started = performance.now();
  let features = 0;
  for (const file of files) for await (const feature of geoJsonLayer(file).features()) if (feature.properties) features += 1;
  return { ms: performance.now() - started, features };
}

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-plss-');
  try {
    const specs = townshipSpecs(TOWNSHIPS);
    console.log(`PLSS: ${TOWNSHIPS.toLocaleString('en-US')} townships, ${(TOWNSHIPS * 36).toLocaleString('en-US')} sections, ${(TOWNSHIPS * 576).toLocaleString('en-US')} second-division parts`);
    let t = performance.now();
    const files = await writeLayers(temp.dir, specs);
    const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
    console.log(`  wrote ${mb(bytes)} of GeoJSON in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);

    const dbFile = join(temp.dir, 'claimdesk.sqlite');
    const run = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', dbFile, ...files], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`the import child failed: ${run.stderr}`);
    const imported = JSON.parse(run.stdout) as { ms: number; features: number; rss: number };
    const parsed = await parseOnly(files);
    line('import (stream, store, R-tree)', `${(imported.ms / 1000).toFixed(1)} s`, `${(parsed.ms / 1000).toFixed(1)} s`, 'bounded memory');
    line('features per second', `${Math.round(imported.features / (imported.ms / 1000)).toLocaleString('en-US')}`, `${Math.round(parsed.features / (parsed.ms / 1000)).toLocaleString('en-US')}`);
    line('peak RSS of the import process', mb(imported.rss), '(parse only: same reader)', '≤ 500 MB, independent of size');
    console.log(`  cache file ${mb(statSync(dbFile).size)}`);

    const opened = await openDatabase({ file: dbFile });
    const { toLonLat } = utmConverter(FIXTURE_EPSG);
    const side = Math.ceil(Math.sqrt(TOWNSHIPS));
    const extent = side * 6 * MILE_M;
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const points = Array.from({ length: LOOKUPS }, () => toLonLat([FIXTURE_ORIGIN[0] + random() * extent, FIXTURE_ORIGIN[1] + random() * extent * (TOWNSHIPS / (side * side))]));
    for (const p of points.slice(0, 200)) await plssAtPoint(opened.db, p); // warm-up
    t = performance.now();
    let cpu = process.cpuUsage();
    let found = 0;
    for (const p of points) if (await plssAtPoint(opened.db, p)) found += 1;
    const lookupMs = (performance.now() - t) / LOOKUPS;
    const lookupCpuMs = cpuMs(process.cpuUsage(cpu)) / LOOKUPS;
    const rtree = opened.sqlite.prepare('SELECT id FROM plss_rtree WHERE min_lon <= ? AND max_lon >= ? AND min_lat <= ? AND max_lat >= ?');
    t = performance.now();
    for (const [lon, lat] of points) rtree.all(lon, lon, lat, lat);
    const rawMs = (performance.now() - t) / LOOKUPS;
    line(`lookup (${found.toLocaleString('en-US')} of ${LOOKUPS.toLocaleString('en-US')} inside)`, `${lookupMs.toFixed(3)} ms`, `${rawMs.toFixed(3)} ms`, '≤ 1 ms (baseline: raw R-tree query)');
    line('  of which CPU time', `${lookupCpuMs.toFixed(3)} ms`, '');

    // A 300-claim order: 15 rows × 20 columns of lode claims in the middle of the state.
    const anchor: [number, number] = [FIXTURE_ORIGIN[0] + extent / 2, FIXTURE_ORIGIN[1] + extent / 4];
    const claims = generateGrid({ kind: 'lode', rows: 15, cols: 20, azimuthDeg: 20, prefix: 'B', firstNumber: 1, anchorMode: 'nw', anchor }, FIXTURE_EPSG);
    const input = { claims, epsg: FIXTURE_EPSG, monumentSettings: { insetFt: 25, corner1: 'SE' as const, lmCorner: 1 }, stateCode: 'NV' };
    for (let k = 0; k < 3; k += 1) await describeClaimsFromCache(opened.db, input); // warm-up
    const runs = 10;
    t = performance.now();
    cpu = process.cpuUsage();
    let described = await describeClaimsFromCache(opened.db, input);
    for (let k = 1; k < runs; k += 1) described = await describeClaimsFromCache(opened.db, input);
    const describeMs = (performance.now() - t) / runs;
    const describeCpuMs = cpuMs(process.cpuUsage(cpu)) / runs;
    t = performance.now();
    for (let k = 0; k < runs; k += 1) await plssAroundClaims(opened.db, claims, FIXTURE_EPSG);
    const areaMs = (performance.now() - t) / runs;
    const sections = new Set(described.claims.flatMap((c) => c.townships.flatMap((tw) => tw.sections.map((s) => `${tw.plssId}|${s.label}`)))).size;
    line(`describe 300 claims (${sections} sections)`, `${describeMs.toFixed(0)} ms`, `${areaMs.toFixed(0)} ms`, '≤ 200 ms (baseline: reading the area)');
    line('  of which CPU time', `${describeCpuMs.toFixed(0)} ms`, '');
    console.log(`  machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    await opened.close();
  } finally {
    temp.cleanup();
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!, process.argv.slice(4)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
