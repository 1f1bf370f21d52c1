/**
 * The imported PLSS (migrations/0007_plss.sql): staged layers written in batches, swapped in per state and layer
 * in one transaction, and read through the R-tree. Readers see ready layers only, so a running or failed import
 * never shows half a state.
 */
import { sql, type CompiledQuery, type Transaction } from 'kysely';
import type { CadnsdiRecord } from '../../shared/plss/cadnsdi-fields';
import type { PlssKind, PlssLayer, PlssLayerInfo } from '../../shared/plss/plss.types';
import type { Database, Db, PlssPartsTable } from '../db/schema';

/** A part as read from a CadNSDI feature, with its packed geometry and lon/lat box. */
export type PlssPartInsert = Pick<CadnsdiRecord, 'kind' | 'meridianCode' | 'meridianText' | 'plssId' | 'township' | 'range' | 'section' | 'label'> & {
  geom: Uint8Array;
  box: { minLon: number; minLat: number; maxLon: number; maxLat: number };
};

/** A part with the state and layer of the imported layer it belongs to. */
export type PlssPartRow = Omit<PlssPartsTable, 'layer_id'> & { layer: PlssLayer; state: string };

/** Rows per INSERT: 11 parameters each stays well under SQLite's 32,766 bound parameters. */
const INSERT_CHUNK = 1_000;

/** Staging layers left by an import that did not finish (a crash): their parts are dropped. */
export async function dropStagingLayers(db: Db): Promise<number> {
  const staged = await db.selectFrom('plss_layers').select('id').where('status', '=', 'staging').execute();
  if (staged.length > 0) await deleteLayers(db, staged.map((row) => row.id));
  return staged.length;
}

export async function deleteLayers(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('plss_rtree').where('id', 'in', db.selectFrom('plss_parts').select('id').where('layer_id', 'in', ids)).execute();
  await db.deleteFrom('plss_parts').where('layer_id', 'in', ids).execute();
  await db.deleteFrom('plss_layers').where('id', 'in', ids).execute();
}

export async function createStagingLayer(db: Db, layer: { state: string; layer: PlssLayer; source: string; importedAt: string }): Promise<number> {
  const row = await db
    .insertInto('plss_layers')
    .values({ state: layer.state, layer: layer.layer, status: 'staging', source: layer.source, data_date: null, imported_at: layer.importedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One batch of parts and their R-tree boxes; the caller gives the transaction (one per batch). */
export async function insertPlssParts(trx: Transaction<Database>, layerId: number, parts: readonly PlssPartInsert[]): Promise<void> {
  if (parts.length === 0) return;
  const { max } = await trx.selectFrom('plss_parts').select(sql<number | null>`max(id)`.as('max')).executeTakeFirstOrThrow();
  let next = (max ?? 0) + 1;
  const withIds = parts.map((part) => ({ id: next++, part }));
  for (let k = 0; k < withIds.length; k += INSERT_CHUNK) {
    const chunk = withIds.slice(k, k + INSERT_CHUNK);
    await trx
      .insertInto('plss_parts')
      .values(
        chunk.map(({ id, part }) => ({
          id,
          layer_id: layerId,
          kind: part.kind,
          meridian_code: part.meridianCode,
          meridian_text: part.meridianText,
          plss_id: part.plssId,
          township: part.township,
          range: part.range,
          section: part.section,
          label: part.label,
          geom: part.geom,
        })),
      )
      .execute();
    await trx
      .insertInto('plss_rtree')
      .values(chunk.map(({ id, part }) => ({ id, min_lon: part.box.minLon, max_lon: part.box.maxLon, min_lat: part.box.minLat, max_lat: part.box.maxLat })))
      .execute();
  }
  await trx
    .updateTable('plss_layers')
    .set((eb) => ({ feature_count: eb('feature_count', '+', parts.length) }))
    .where('id', '=', layerId)
    .execute();
}

/**
 * Makes staged layers the state's data, in one transaction: each replaces the ready layer of its state and kind,
 * whose parts go with it. Layers of that state the import did not bring are kept.
 */
export async function swapInLayers(trx: Transaction<Database>, staged: readonly { id: number; dataDate: string | null }[]): Promise<void> {
  for (const { id, dataDate } of staged) {
    const layer = await trx.selectFrom('plss_layers').select(['state', 'layer']).where('id', '=', id).where('status', '=', 'staging').executeTakeFirst();
    if (!layer) throw new Error(`Staged PLSS layer ${id} is gone.`);
    const old = await trx.selectFrom('plss_layers').select('id').where('state', '=', layer.state).where('layer', '=', layer.layer).where('status', '=', 'ready').execute();
    await deleteLayers(trx, old.map((row) => row.id));
    await trx.updateTable('plss_layers').set({ status: 'ready', data_date: dataDate }).where('id', '=', id).execute();
  }
}

export async function listPlssLayers(db: Db): Promise<PlssLayerInfo[]> {
  const rows = await db
    .selectFrom('plss_layers')
    .select(['state', 'layer', 'data_date', 'imported_at', 'source', 'feature_count'])
    .where('status', '=', 'ready')
    .orderBy('state')
    .orderBy('layer')
    .execute();
  return rows.map((row) => ({
    state: row.state,
    layer: row.layer,
    dataDate: row.data_date,
    importedAt: row.imported_at,
    source: row.source,
    features: row.feature_count,
  }));
}

/** Removes a state's PLSS (every layer); answers how many layers went. */
export async function removePlssState(trx: Transaction<Database>, state: string): Promise<number> {
  const rows = await trx.selectFrom('plss_layers').select('id').where('state', '=', state).execute();
  await deleteLayers(trx, rows.map((row) => row.id));
  return rows.length;
}

type Box = { minLon: number; minLat: number; maxLon: number; maxLat: number };

function partsInBoxQuery(db: Db, box: Box) {
  return db
    .selectFrom('plss_rtree as r')
    .innerJoin('plss_parts as p', 'p.id', 'r.id')
    .innerJoin('plss_layers as l', 'l.id', 'p.layer_id')
    .select(['p.id', 'l.layer', 'l.state', 'p.kind', 'p.meridian_code', 'p.meridian_text', 'p.plss_id', 'p.township', 'p.range', 'p.section', 'p.label', 'p.geom'])
    .where('r.min_lon', '<=', box.maxLon)
    .where('r.max_lon', '>=', box.minLon)
    .where('r.min_lat', '<=', box.maxLat)
    .where('r.max_lat', '>=', box.minLat)
    .where('l.status', '=', 'ready');
}

/**
 * The point query compiled once: building and compiling a Kysely query costs about as much as running this one
 * through the R-tree, and a lookup makes one per point. Its parameters are, in order, the box's maxLon, minLon,
 * maxLat, minLat and the status (checked when it is compiled).
 */
let compiledBoxQuery: CompiledQuery<PlssPartRow> | null = null;

function boxQuery(db: Db, box: Box): CompiledQuery<PlssPartRow> {
  if (!compiledBoxQuery) {
    const probe = partsInBoxQuery(db, { maxLon: 1, minLon: 2, maxLat: 3, minLat: 4 }).compile();
    if (JSON.stringify(probe.parameters) !== JSON.stringify([1, 2, 3, 4, 'ready'])) throw new Error('The PLSS box query compiled its parameters in another order.');
    compiledBoxQuery = probe;
  }
  return { ...compiledBoxQuery, parameters: [box.maxLon, box.minLon, box.maxLat, box.minLat, 'ready'] };
}

/**
 * Every ready part whose box meets the given box (a point is a box with no size), through the R-tree. `limit`
 * bounds what one query may return (a box the size of a state would otherwise load a million polygons).
 */
export async function plssPartsInBox(db: Db, box: Box, options: { kinds?: readonly PlssKind[]; limit?: number } = {}): Promise<PlssPartRow[]> {
  if (!options.kinds && options.limit === undefined) return (await db.executeQuery(boxQuery(db, box))).rows;
  let query = partsInBoxQuery(db, box);
  if (options.kinds) query = query.where('p.kind', 'in', [...options.kinds]);
  if (options.limit !== undefined) query = query.limit(options.limit);
  return query.execute();
}
