/**
 * Imports CadNSDI files into the local cache. Features stream from the readers into staging layers in batches
 * of short transactions (memory stays that of one batch, and the app's other writes are not held up by a long
 * one); when every file has been read the staged layers replace the state's layers in ONE transaction. Anything
 * that fails — an unreadable file, a file that is not CadNSDI, too many unreadable features, a cancel — removes
 * what was staged, so the data that was in force stays in force.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { readCadnsdiProperties } from '../../shared/plss/cadnsdi-fields';
import type { PlssLayer } from '../../shared/plss/plss.types';
import type { Database } from '../db/schema';
import { createStagingLayer, deleteLayers, dropStagingLayers, insertPlssParts, swapInLayers, type PlssPartInsert } from '../repos/plss.repo';
import type { FeatureLayer } from './feature-source';
import { encodePolygons, polygonsBox } from './geometry-blob';
import { openPlssFile } from './open-plss-file';
import { readPolygons } from './plss-geometry';

export interface PlssImportProgress {
  file: string;
  fileIndex: number;
  files: number;
  layer: string;
  /** Features read from this layer so far, and its count when the format states it. */
  done: number;
  total: number | null;
  /** Features stored so far in this import, all files together. */
  stored: number;
}

export interface PlssImportReport {
  files: string[];
  layers: { state: string; layer: PlssLayer; features: number; dataDate: string | null }[];
  skipped: number;
  /** The first few skipped features with why ("PLSSFirstDivision.shp feature 17: it has no geometry"). */
  skippedExamples: string[];
}

export interface PlssImportOptions {
  now: () => Date;
  onProgress?: (progress: PlssImportProgress) => void;
  signal?: AbortSignal;
  /** Features per transaction; a batch's polygons are all that is held in memory. */
  batchSize?: number;
}

/** A file may hold a few odd features (an empty geometry, a point label); more than this share is not CadNSDI. */
const MAX_SKIPPED_SHARE = 0.01;
const EXAMPLES = 5;

interface Staged {
  id: number;
  state: string;
  layer: PlssLayer;
  features: number;
  dataDate: string | null;
  pending: PlssPartInsert[];
}

export async function importPlssFiles(db: Kysely<Database>, paths: readonly string[], options: PlssImportOptions): Promise<PlssImportReport> {
  if (paths.length === 0) throw new AppError('invalid-request', 'Name at least one file to import.');
  const batchSize = options.batchSize ?? 2_000;
  const importedAt = options.now().toISOString();
  const source = [...new Set(paths.map((p) => basename(p)))].join(', ').slice(0, 500);
  await dropStagingLayers(db);

  const staged = new Map<string, Staged>();
  let stored = 0;
  let seen = 0;
  let skipped = 0;
  const examples: string[] = [];

  const flush = async (entry: Staged): Promise<void> => {
    if (entry.pending.length === 0) return;
    const batch = entry.pending;
    entry.pending = [];
    await db.transaction().execute((trx) => insertPlssParts(trx, entry.id, batch));
    stored += batch.length;
  };

  const stagingFor = async (state: string, layer: PlssLayer): Promise<Staged> => {
    const key = `${state}|${layer}`;
    let entry = staged.get(key);
    if (!entry) {
      const id = await createStagingLayer(db, { state, layer, source, importedAt });
      entry = { id, state, layer, features: 0, dataDate: null, pending: [] };
      staged.set(key, entry);
    }
    return entry;
  };

  const readLayer = async (layer: FeatureLayer, fileDate: string, report: (done: number) => void): Promise<void> => {
    let index = 0;
    let readable = 0;
    for await (const feature of layer.features()) {
      if (options.signal?.aborted) throw new AppError('cancelled', 'The PLSS import was cancelled; the data in force is unchanged.');
      index += 1;
      seen += 1;
      const attributes = readCadnsdiProperties(feature.properties);
      const geometry = attributes.ok ? readPolygons(feature.geometry, layer.crs) : null;
      if (!attributes.ok || !geometry?.ok) {
        // The first feature tells whether the layer is CadNSDI at all: fail at once rather than skip a million.
        if (!attributes.ok && readable === 0 && index === 1) {
          throw new AppError('bad-file', `${layer.name} is not BLM CadNSDI PLSS data: its first feature cannot be read (${attributes.reason})`);
        }
        skipped += 1;
        if (examples.length < EXAMPLES) examples.push(`${layer.name} feature ${index}: ${attributes.ok ? (geometry as { reason: string }).reason : attributes.reason}`);
        continue;
      }
      readable += 1;
      const record = attributes.record;
      const entry = await stagingFor(record.state, record.layer);
      entry.features += 1;
      const date = record.date ?? fileDate;
      if (entry.dataDate === null || date > entry.dataDate) entry.dataDate = date;
      entry.pending.push({ ...record, geom: encodePolygons(geometry.polygons), box: polygonsBox(geometry.polygons) });
      if (entry.pending.length >= batchSize) {
        await flush(entry);
        report(index);
      }
    }
    if (readable === 0) throw new AppError('bad-file', `${layer.name} has no readable CadNSDI features`);
    report(index);
  };

  try {
    for (const [fileIndex, path] of paths.entries()) {
      const opened = await openPlssFile(path);
      try {
        for (const layer of opened.layers) {
          const report = (done: number): void =>
            options.onProgress?.({ file: basename(path), fileIndex, files: paths.length, layer: layer.name, done, total: layer.total, stored });
          report(0);
          await readLayer(layer, opened.fileDate, report);
        }
      } finally {
        await opened.close();
      }
    }
    for (const entry of staged.values()) await flush(entry);
    if (skipped > MAX_SKIPPED_SHARE * seen) {
      throw new AppError('bad-file', `${skipped} of ${seen} features could not be read, too many for CadNSDI data (${examples.join('; ')})`);
    }
    const entries = [...staged.values()];
    await db.transaction().execute((trx) => swapInLayers(trx, entries.map((e) => ({ id: e.id, dataDate: e.dataDate }))));
    return {
      files: paths.map((p) => basename(p)),
      layers: entries.map((e) => ({ state: e.state, layer: e.layer, features: e.features, dataDate: e.dataDate })),
      skipped,
      skippedExamples: examples,
    };
  } catch (error) {
    await deleteLayers(db, [...staged.values()].map((e) => e.id)).catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw new AppError('bad-file', `The PLSS import failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
