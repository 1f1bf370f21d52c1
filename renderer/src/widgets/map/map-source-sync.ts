/**
 * The claims map's data into MapLibre's sources: only the sources that changed, only their changed features where
 * they can be told apart, and only at a zoom where the source is drawn.
 */
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { sameFeatures, SOURCE_IDS, SOURCE_MIN_ZOOM, SOURCES, type MapData, type SourceId } from './map-style';
import { isEmptyDiff, sourceDiff } from './source-diff';

/**
 * A changed source: only its changed features where they can be told apart (updateData), else all of it; nothing
 * when it holds the same features. Answers whether anything was sent.
 */
function sendSource(map: maplibregl.Map, id: SourceId, before: FeatureCollection, after: FeatureCollection): boolean {
  const source = map.getSource<maplibregl.GeoJSONSource>(id);
  if (!source || sameFeatures(before, after)) return false;
  const key = SOURCE_IDS[id];
  const diff = key ? sourceDiff(before, after, key) : null;
  if (diff && isEmptyDiff(diff)) return false;
  if (diff) void source.updateData(diff);
  else void source.setData(after);
  return true;
}

/** Whether a source's layers are drawn at this zoom, or nearly (its tiles are cut one zoom level ahead). */
function drawnAt(id: SourceId, zoom: number): boolean {
  return zoom >= (SOURCE_MIN_ZOOM[id] ?? 0) - 1;
}

/**
 * Sends each source whose data differs from what the map has (`sent`, updated) and is drawn at the map's zoom; the
 * others wait for a zoom at which they are. Answers whether anything was sent.
 */
export function sendChanged(map: maplibregl.Map, sent: MapData, data: MapData): boolean {
  let any = false;
  const zoom = map.getZoom();
  for (const id of SOURCES) {
    if (data[id] === sent[id] || !drawnAt(id, zoom)) continue;
    any = sendSource(map, id, sent[id], data[id]) || any;
    sent[id] = data[id];
  }
  return any;
}
