import { writeFileSync } from 'node:fs';
import { findResourcesDir, loadFontBytes } from './core/documents/fonts';
import { renderFieldMap } from './core/documents/pdf/claim-map.pdf';
import { openTileArchive } from './core/basemap/open-archive';
import { samplePackageModel, STATE_SPOTS } from './test/helpers/package-fixtures';
import { writeBasemapFixtures } from './test/helpers/tile-fixtures';
void (async () => {
  const [lon, lat] = STATE_SPOTS.NV!.lonLat;
  const files = writeBasemapFixtures('/tmp/g17', [lon - 0.05, lat - 0.05, lon + 0.05, lat + 0.05], [12, 17]);
  const archive = await openTileArchive(files.rasterMbtiles);
  const context = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as never, basemap: { archive, print: 'field-map' as const } };
  const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
  const t = Date.now();
  const r = await renderFieldMap(model, context);
  console.log(Date.now() - t, 'ms', r.document.bytes.length, r.problems);
  writeFileSync('/tmp/g17/fm.pdf', r.document.bytes);
})();
