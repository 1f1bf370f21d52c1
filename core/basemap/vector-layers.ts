/**
 * The layers a vector tiles file declares (TileJSON `vector_layers`, kept in MBTiles' `json` metadata row and
 * in PMTiles' metadata), with a geometry guess from the layer's name so the plain style can draw water and
 * land as areas, roads and contours as lines, and places as points. Unknown layers are drawn all three ways.
 */
import type { BasemapInfo } from '../../shared/basemap/basemap.types';

type Geometry = BasemapInfo['vectorLayers'][number]['geometry'];

const GUESSES: readonly [RegExp, Geometry][] = [
  [/water(?!way)|ocean|lake|landuse|landcover|park|building|area|boundar(y|ies)_?poly|glacier|wetland/i, 'polygon'],
  [/road|street|transport|highway|rail|waterway|river|stream|contour|trail|path|boundar/i, 'line'],
  [/place|poi|label|peak|mountain|spot|name|point/i, 'point'],
];

export function guessGeometry(id: string, declared?: unknown): Geometry {
  if (declared === 'point' || declared === 'line' || declared === 'polygon') return declared;
  if (typeof declared === 'string' && /polygon/i.test(declared)) return 'polygon';
  if (typeof declared === 'string' && /line/i.test(declared)) return 'line';
  if (typeof declared === 'string' && /point/i.test(declared)) return 'point';
  return GUESSES.find(([re]) => re.test(id))?.[1] ?? 'unknown';
}

export function vectorLayersFrom(json: unknown): BasemapInfo['vectorLayers'] {
  const layers = (json as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(layers)) return [];
  const out: BasemapInfo['vectorLayers'] = [];
  for (const layer of layers) {
    const id = (layer as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || id.trim() === '' || out.some((l) => l.id === id)) continue;
    out.push({ id, geometry: guessGeometry(id, (layer as { geometry_type?: unknown }).geometry_type) });
  }
  return out.slice(0, 200);
}
