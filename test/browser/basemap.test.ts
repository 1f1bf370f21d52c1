/**
 * The offline basemap in the real renderer: MBTiles and PMTiles files made in the test are set in Settings,
 * drawn under the order's claims from the app's own origin (no request leaves it), credited with the file's
 * attribution, and switched off and on again from the map's own basemap control.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { centroidLonLat, claimsMap, orderDoc, orderPolygons, waitForMapReady } from '../helpers/browser-map';
import { makeTempDir } from '../helpers/temp-dir';
import { writeBasemapFixtures, type BasemapFixtures } from '../helpers/tile-fixtures';

const ORDER = 'CO-6';

let h: BrowserHarness;
let temp: { dir: string; cleanup: () => void };
let files: BasemapFixtures;
const requested: string[] = [];

beforeAll(async () => {
  h = await startBrowserHarness();
  h.page.on('request', (request) => requested.push(request.url()));
  const [lon, lat] = centroidLonLat(orderPolygons(await orderDoc(h.server, ORDER)).map((p) => p.ring));
  temp = makeTempDir('claimdesk-basemap-browser-');
  files = writeBasemapFixtures(temp.dir, [lon - 0.03, lat - 0.03, lon + 0.03, lat + 0.03], [10, 16]);
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
  temp?.cleanup();
});

const page = () => h.page;

interface PageGlobals {
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null } };
}

/** Share of the map's WebGL pixels that pass `kind`: tan raster terrain (red well above blue) or blue water. */
async function colourShare(p: Page, map: Locator, kind: 'tan' | 'water'): Promise<number> {
  const png = await map.screenshot({ style: '.map-labels, .maplibregl-control-container, .basemap-control, .claims-map__fit, .map-readout { visibility: hidden !important; }' });
  return p.evaluate(
    async ([base64, which]) => {
      const { Image, document } = globalThis as unknown as PageGlobals;
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let hits = 0;
      let samples = 0;
      for (let i = 0; i < data.length; i += 4 * 11) {
        const [r, , b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (which === 'tan' ? r - b > 30 : b - r > 30) hits += 1;
        samples += 1;
      }
      return hits / samples;
    },
    [png.toString('base64'), kind] as const,
  );
}

async function setBasemapFile(path: string): Promise<void> {
  await page().getByTestId('open-settings').click();
  const dialog = page().getByTestId('settings-dialog');
  await dialog.getByTestId('settings-basemap-file').fill(path);
  await dialog.getByTestId('settings-save').click();
  await expect.poll(() => dialog.count()).toBe(0);
}

const attribution = (map: Locator) => map.locator('.maplibregl-ctrl-attrib-inner').textContent();
const ownOrigin = (url: string) => url.startsWith(`${h.host.origin}/`) || url.startsWith('data:') || url.startsWith('blob:');

describe('offline basemap under the claims', () => {
  it('a raster MBTiles set in Settings is drawn under the order with its attribution, from the app origin only', async () => {
    await setBasemapFile(files.rasterMbtiles);
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    const map = claimsMap(page().getByTestId('import-step'));
    await waitForMapReady(map);
    await expect.poll(() => colourShare(page(), map, 'tan'), { timeout: 20_000 }).toBeGreaterThan(0.5);
    await expect.poll(() => attribution(map)).toContain('© Test Survey');
    expect(await page().getByTestId('map-basemap-button').textContent()).toBe('Basemap: Offline: Test topo');
    await h.screenshot('basemap-raster-mbtiles');
    expect(requested.filter((url) => url.includes('/basemap/')).length).toBeGreaterThan(0);
    expect(requested.filter((url) => !ownOrigin(url))).toEqual([]);
  });

  it('the map’s own control switches the basemap off and on, and the choice is kept', async () => {
    const map = claimsMap(page().getByTestId('import-step'));
    await page().getByTestId('map-basemap-button').click();
    await page().getByTestId('map-basemap-none').click();
    await waitForMapReady(map);
    await expect.poll(() => colourShare(page(), map, 'tan')).toBeLessThan(0.02);
    expect((await h.app.handlers.getSettings({})).maps.basemapShown).toBe('none');
    await page().getByTestId('map-basemap-button').click();
    await page().getByTestId('map-basemap-offline').click();
    await waitForMapReady(map);
    await expect.poll(() => colourShare(page(), map, 'tan'), { timeout: 20_000 }).toBeGreaterThan(0.5);
    expect((await h.app.handlers.getSettings({})).maps.basemapShown).toBe('offline');
  });

  it('a vector PMTiles is drawn with the plain style (water areas) and its own attribution', async () => {
    await setBasemapFile(files.vectorPmtiles);
    const map = claimsMap(page().getByTestId('import-step'));
    await waitForMapReady(map);
    await expect.poll(() => colourShare(page(), map, 'water'), { timeout: 20_000 }).toBeGreaterThan(0.3);
    await expect.poll(() => attribution(map)).toContain('© Test Vector Data');
    await h.screenshot('basemap-vector-pmtiles');
    expect(requested.filter((url) => !ownOrigin(url))).toEqual([]);
    expect(h.failedRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
