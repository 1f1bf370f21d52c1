/**
 * Offline basemaps end to end under Node: MBTiles and PMTiles files made in the test (raster PNG and vector
 * tiles) are read for their metadata and tiles, refused with a reason when they are not tiles files, and served
 * on the app's own origin — through the app:// protocol handler Electron uses and through the browser host —
 * after being configured with saveSettings like the Settings dialog does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createBasemapService } from '../../core/basemap/basemap.service';
import { openTileArchive } from '../../core/basemap/open-archive';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { appProtocolHandler } from '../../electron/main/window/app-protocol';
import { startBrowserHost, type BrowserHost } from '../../host/host-server';
import { HOST_KEY_HEADER } from '../../host/host-key';
import { methodPath } from '../../shared/ipc/http-bridge';
import { STATE_SPOTS } from '../helpers/package-fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { tileOf, writeBasemapFixtures, writeMbtiles, type BasemapFixtures } from '../helpers/tile-fixtures';

const [LON, LAT] = STATE_SPOTS.NV!.lonLat;
const BOUNDS: [number, number, number, number] = [LON - 0.03, LAT - 0.03, LON + 0.03, LAT + 0.03];
const PNG = [0x89, 0x50, 0x4e, 0x47];

let temp: { dir: string; cleanup: () => void };
let files: BasemapFixtures;

beforeAll(() => {
  temp = makeTempDir('claimdesk-basemap-');
  files = writeBasemapFixtures(temp.dir, BOUNDS, [10, 14]);
});
afterAll(() => temp.cleanup());

function vectorLayers(bytes: Uint8Array): string[] {
  return Object.keys(new VectorTile(new PbfReader(bytes)).layers).sort();
}

describe('tiles files', () => {
  it.each([
    ['raster MBTiles', 'rasterMbtiles', 'mbtiles', 'png', 'raster'],
    ['raster PMTiles', 'rasterPmtiles', 'pmtiles', 'png', 'raster'],
    ['vector MBTiles', 'vectorMbtiles', 'mbtiles', 'pbf', 'vector'],
    ['vector PMTiles', 'vectorPmtiles', 'pmtiles', 'pbf', 'vector'],
  ] as const)('%s: metadata and tiles', async (_label, key, container, format, type) => {
    const archive = await openTileArchive(files[key]);
    try {
      const { info } = archive;
      expect(info).toMatchObject({ container, format, type, minzoom: 10, maxzoom: 14 });
      expect(info.attribution).toBe(type === 'raster' ? '© Test Survey' : '© Test Vector Data');
      expect(info.bounds![0]).toBeCloseTo(BOUNDS[0], 5);
      expect(info.bounds![3]).toBeCloseTo(BOUNDS[3], 5);
      const [x, y] = tileOf(LON, LAT, 13);
      const tile = (await archive.getTile(13, x, y))!;
      expect(tile.format).toBe(format);
      if (type === 'raster') expect([...tile.bytes.subarray(0, 4)]).toEqual(PNG);
      else {
        expect(info.vectorLayers).toEqual([{ id: 'water', geometry: 'polygon' }, { id: 'contour', geometry: 'line' }]);
        // Served unzipped: a client gets the protobuf itself.
        expect(vectorLayers(tile.bytes)).toEqual(['contour', 'water']);
      }
      // Outside the file's area, and above its zooms: no tile.
      expect(await archive.getTile(13, 0, 0)).toBeNull();
      expect(await archive.getTile(16, ...tileOf(LON, LAT, 16))).toBeNull();
    } finally {
      await archive.close();
    }
  });

  it('refuses what is not a tiles file, saying why', async () => {
    const text = join(temp.dir, 'notes.mbtiles');
    writeFileSync(text, 'just some text that is long enough');
    const empty = join(temp.dir, 'empty.mbtiles');
    writeMbtiles(empty, { name: 'Empty', attribution: '', format: 'png', bounds: BOUNDS, minzoom: 1, maxzoom: 1 }, []);
    await expect(openTileArchive(join(temp.dir, 'missing.pmtiles'))).rejects.toThrow(/missing\.pmtiles cannot be used as a basemap: the file does not exist/);
    await expect(openTileArchive(text)).rejects.toThrow(/neither an MBTiles nor a PMTiles file/);
    await expect(openTileArchive(temp.dir)).rejects.toThrow(/it is a folder/);
    await expect(openTileArchive(empty)).rejects.toThrow(/empty\.mbtiles cannot be used as a basemap: it holds no tiles/);
  });
});

describe('served on the app origin', () => {
  it('app:// protocol handler: tiles under the token, nothing under an old token or a bad path, the renderer still served', async () => {
    const rendererDir = join(temp.dir, 'renderer');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    let file: string | null = files.rasterMbtiles;
    const service = createBasemapService({ getFile: async () => file });
    const handle = appProtocolHandler(rendererDir, () => service);
    const get = (path: string) => handle(new Request(`app://claimdesk${path}`));
    try {
      const state = await service.state();
      expect(state.basemap?.name).toBe('Test topo');
      const [x, y] = tileOf(LON, LAT, 12);
      const path = state.tilePath!.replace('{z}', '12').replace('{x}', String(x)).replace('{y}', String(y));
      const tile = await get(path);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await tile.arrayBuffer()).subarray(0, 4)]).toEqual(PNG);
      expect((await get(path.replace(/\/12\/\d+\/\d+$/, '/12/0/0'))).status).toBe(204);
      expect((await get('/basemap/../../etc/passwd')).status).toBe(404);
      expect((await get('/basemap/0123456789abcdef/99/0/0')).status).toBe(400);
      expect((await get('/')).headers.get('content-security-policy')).toContain("default-src 'self'");

      // Another file configured: new token, the old URLs no longer answer with the old file's tiles.
      file = files.rasterPmtiles;
      const next = await service.state();
      expect(next.tilePath).not.toBe(state.tilePath);
      expect((await get(path)).status).toBe(204);
      expect((await get(next.tilePath!.replace('{z}', '12').replace('{x}', String(x)).replace('{y}', String(y)))).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  describe('browser host, configured through saveSettings', () => {
    let app: ClaimDeskApp;
    let host: BrowserHost;
    let dataDir: { dir: string; cleanup: () => void };

    beforeAll(async () => {
      dataDir = makeTempDir('claimdesk-basemap-app-');
      app = await createClaimDeskApp({ dataDir: dataDir.dir, runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0, documentWorkers: 1 });
      host = await startBrowserHost({ app, staticDir: join(temp.dir, 'renderer'), log: () => undefined });
    });
    afterAll(async () => {
      await host.close();
      await app.close();
      dataDir.cleanup();
    });

    // The envelope as the renderer's client reads it; only the fields these tests look at.
    type Envelope = { ok: boolean; value: { maps: { basemapFile: string }; basemap: unknown; tilePath: string }; error?: { message: string } };
    async function ipc(name: 'saveSettings' | 'getBasemap', body: unknown): Promise<Envelope> {
      const response = await fetch(`${host.origin}${methodPath(name)}`, { method: 'POST', headers: { 'content-type': 'application/json', [HOST_KEY_HEADER]: host.key }, body: JSON.stringify(body) });
      return (await response.json()) as Envelope;
    }

    it('vector PMTiles: saved, described, its tiles served as protobuf', async () => {
      const saved = await ipc('saveSettings', { maps: { basemapFile: files.vectorPmtiles } });
      expect(saved.ok).toBe(true);
      expect(saved.value.maps.basemapFile).toBe(files.vectorPmtiles);
      const state = (await ipc('getBasemap', {})).value;
      expect(state.basemap).toMatchObject({ container: 'pmtiles', type: 'vector', name: 'Test vector (PMTiles)' });
      const [x, y] = tileOf(LON, LAT, 14);
      const response = await fetch(`${host.origin}${state.tilePath.replace('{z}', '14').replace('{x}', String(x)).replace('{y}', String(y))}`, { headers: { [HOST_KEY_HEADER]: host.key } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-protobuf');
      expect(vectorLayers(new Uint8Array(await response.arrayBuffer()))).toEqual(['contour', 'water']);
    });

    it('raster MBTiles replaces it; a file that is not tiles is refused and the saved one kept', async () => {
      expect((await ipc('saveSettings', { maps: { basemapFile: files.rasterMbtiles } })).ok).toBe(true);
      const refused = await ipc('saveSettings', { maps: { basemapFile: join(temp.dir, 'notes.mbtiles') } });
      expect(refused.ok).toBe(false);
      expect(refused.error!.message).toMatch(/notes\.mbtiles cannot be used as a basemap/);
      expect((await ipc('saveSettings', { maps: { basemapFile: 'relative/topo.mbtiles' } })).error!.message).toMatch(/full path/);
      const state = (await ipc('getBasemap', {})).value;
      expect(state.basemap).toMatchObject({ container: 'mbtiles', type: 'raster', attribution: '© Test Survey' });
      const [x, y] = tileOf(LON, LAT, 10);
      const response = await fetch(`${host.origin}${state.tilePath.replace('{z}', '10').replace('{x}', String(x)).replace('{y}', String(y))}`, { headers: { [HOST_KEY_HEADER]: host.key } });
      expect(response.headers.get('content-type')).toBe('image/png');
      // Cleared: no basemap, no tiles.
      expect((await ipc('saveSettings', { maps: { basemapFile: null } })).ok).toBe(true);
      expect((await ipc('getBasemap', {})).value).toEqual({ basemap: null, tilePath: null, problem: null });
    });
  });
});
