/**
 * Map benchmark: how long headless Chromium (SwiftShader WebGL2, as on the build machines) takes from creating a
 * MapLibre map holding 5,000 lode-claim polygons with outlines to its first 'idle', beside a baseline measured in
 * the same run: the same map with an empty source. Target: ≤ 2 s for 5,000 claims. Printed, never asserted.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildLodeGrid } from '../../server/seed/claim-grid';

const CLAIMS_ROWS = Number(process.env.BENCH_MAP_ROWS ?? 50);
const CLAIMS_COLS = Number(process.env.BENCH_MAP_COLS ?? 100);
const RUNS = 3;
const DIST = join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;width:1280px;height:800px}</style></head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
window.renderClaims = (collection, bounds) => new Promise((resolve) => {
  document.getElementById('map').replaceChildren();
  const started = performance.now();
  const map = new maplibregl.Map({
    container: 'map',
    bounds,
    fadeDuration: 0,
    style: {
      version: 8,
      sources: { claims: { type: 'geojson', data: collection } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
        { id: 'claims-fill', type: 'fill', source: 'claims', paint: { 'fill-color': '#f2c14e', 'fill-opacity': 0.35 } },
        { id: 'claims-line', type: 'line', source: 'claims', paint: { 'line-color': '#1f4e79', 'line-width': 1.2 } },
      ],
    },
  });
  map.once('idle', () => { const ms = performance.now() - started; map.remove(); resolve(ms); });
});
</script></body></html>`;

function serve(): Promise<{ server: Server; url: string }> {
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html', body: PAGE },
    '/maplibre-gl.mjs': { type: 'text/javascript', body: readFileSync(join(DIST, 'maplibre-gl.mjs')) },
    '/maplibre-gl-worker.mjs': { type: 'text/javascript', body: readFileSync(join(DIST, 'maplibre-gl-worker.mjs')) },
    '/maplibre-gl.css': { type: 'text/css', body: readFileSync(join(DIST, 'maplibre-gl.css')) },
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? '/'];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function main(): Promise<void> {
  const features = buildLodeGrid({ lon: -117.2, lat: 40.6, rows: CLAIMS_ROWS, cols: CLAIMS_COLS, azimuthDeg: 15, prefix: 'B' });
  const collection = { type: 'FeatureCollection', features };
  const lons = features.flatMap((f) => f.geometry.coordinates[0]!.map((p) => p[0]));
  const lats = features.flatMap((f) => f.geometry.coordinates[0]!.map((p) => p[1]));
  const bounds = [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];

  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForFunction(() => 'renderClaims' in globalThis);
    const render = (data: unknown) =>
      page.evaluate(([d, b]) => (globalThis as unknown as { renderClaims: (d: unknown, b: unknown) => Promise<number> }).renderClaims(d, b), [data, bounds] as const);
    await render({ type: 'FeatureCollection', features: [] }); // warm-up: shader compilation, worker start
    const baseline: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      baseline.push(await render({ type: 'FeatureCollection', features: [] }));
      loaded.push(await render(collection));
    }
    const ms = median(loaded);
    console.log(`\nClaimDesk map benchmark: headless Chromium, ${features.length} claim polygons, median of ${RUNS}\n`);
    console.log(`${'create map → idle, empty source (baseline)'.padEnd(46)} ${median(baseline).toFixed(0).padStart(6)} ms`);
    console.log(`${`create map → idle, ${features.length} claims`.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms   target ≤ 2000 ms ${ms <= 2000 ? 'ok' : 'OVER TARGET'}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
