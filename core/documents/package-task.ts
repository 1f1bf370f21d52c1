/**
 * One package generation as a self-contained task: a PackageSource in, files and manifest out. Runs inside a
 * worker thread (package.worker.ts) in the app, and directly in tests and benchmarks, with the same code.
 */
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { buildPackageModel, type PackageSource } from '../../shared/documents/package-model';
import type { DocumentKind } from '../../shared/documents/package-files';
import { DOCUMENT_RENDERERS } from './document-renderers';
import { loadFontBytes } from './fonts';
import { generatePackage, type GeneratedPackage } from './generate-package';
import type { RenderContext } from './document.types';
import { DEFAULT_WAYPOINT_NAME_MAX, type MapSettings } from '../../shared/basemap/map-settings';
import { openTileArchive } from '../basemap/open-archive';
import type { TileArchive } from '../basemap/tile-archive';

export interface PackageTask {
  source: PackageSource;
  /** ISO date printed on the documents. */
  preparedOn: string;
  /** ISO timestamp written to the manifest. */
  generatedAt: string;
  generator: { name: string; version: string };
  resourcesDir: string;
  /** Map and field-file settings; omitted: the defaults (no basemap). */
  maps?: PackageMapOptions;
}

export interface PackageMapOptions extends Omit<MapSettings, 'basemapShown' | 'stakedOkFt' | 'stakedMatchFt'> {
  /** better-sqlite3 built for Electron (MBTiles basemaps are SQLite files). */
  nativeBinding?: string;
}

export async function runPackageTask(
  task: PackageTask,
  onProgress?: (done: number, total: number, kind: DocumentKind) => void,
): Promise<GeneratedPackage> {
  const model = buildPackageModel(task.source, { preparedOn: task.preparedOn, generator: task.generator });
  // The schedule in force when the claim is located; unknown date → the one in force when the package is made.
  const feeSchedule = feeScheduleFor(model.dateOfLocation ?? task.preparedOn);
  const maps = task.maps;
  // Opened here, in the worker that renders: an open SQLite handle cannot cross threads.
  const archive = maps?.basemapFile && maps.printBasemap !== 'none' ? await openTileArchive(maps.basemapFile, { nativeBinding: maps.nativeBinding }).catch((error: unknown) => error) : null;
  const opened = archive && !(archive instanceof Error) ? (archive as TileArchive) : null;
  const context: RenderContext = {
    fonts: loadFontBytes(task.resourcesDir),
    feeSchedule,
    basemap: opened && maps!.printBasemap !== 'none' ? { archive: opened, print: maps!.printBasemap } : null,
    waypointNameMax: maps?.waypointNameMax ?? DEFAULT_WAYPOINT_NAME_MAX,
  };
  const renderers = DOCUMENT_RENDERERS.filter(([kind]) => kind !== 'kmz' || maps?.writeKmz === true);
  try {
    const generated = await generatePackage(model, context, renderers, { generatedAt: task.generatedAt, onProgress });
    // A configured basemap that cannot be opened is said in the manifest; the maps are made without it.
    if (archive instanceof Error) generated.manifest.problems.push({ document: 'field-map', claim: null, message: `Printed without a basemap: ${archive.message}` });
    return generated;
  } finally {
    await opened?.close();
  }
}
