/**
 * What changed between two versions of a map source, as MapLibre's GeoJSONSource.updateData diff: the features
 * added, removed and changed, found by each feature's id property (the source's promoteId) and told apart by object
 * identity, then by value. The collections are built from per-claim caches (map-data.ts), so an unchanged claim's
 * feature is the same object in both and a move of one claim among thousands sends one feature to MapLibre's worker,
 * which then re-tiles only around it, instead of the whole collection again (setData).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';

/** Above this share of features changed, a whole setData is cheaper than the diff's bookkeeping in the worker. */
const MOST_CHANGED = 0.5;

/**
 * The diff from `before` to `after`, or null when only a whole setData will do: a feature without its id, two with
 * one id (updateData needs unique ids), or most of the features changed.
 */
export function sourceDiff(before: FeatureCollection, after: FeatureCollection, idProperty: string): GeoJSONSourceDiff | null {
  const idOf = (feature: Feature): string | number | null => {
    const id: unknown = feature.properties?.[idProperty];
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  };
  const previous = new Map<string | number, Feature>();
  for (const feature of before.features) {
    const id = idOf(feature);
    if (id === null || previous.has(id)) return null;
    previous.set(id, feature);
  }
  const add: Feature[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  const seen = new Set<string | number>();
  for (const feature of after.features) {
    const id = idOf(feature);
    if (id === null || seen.has(id)) return null;
    seen.add(id);
    const old = previous.get(id);
    if (old === feature || (old && sameValue(old, feature))) continue;
    if (!old) {
      add.push(feature);
      continue;
    }
    update.push({
      id,
      ...(old.geometry === feature.geometry ? {} : { newGeometry: feature.geometry }),
      removeAllProperties: true,
      addOrUpdateProperties: Object.entries(feature.properties ?? {}).map(([key, value]) => ({ key, value: value as unknown })),
    });
  }
  const remove = [...previous.keys()].filter((id) => !seen.has(id));
  if (add.length + update.length + remove.length > Math.max(1, after.features.length) * MOST_CHANGED) return null;
  return { add, update, remove };
}

/**
 * A feature made again with the same geometry and properties (the corners derived anew after main answers a save):
 * nothing to send for it.
 */
function sameValue(a: Feature, b: Feature): boolean {
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const keys = Object.keys(pa);
  if (keys.length !== Object.keys(pb).length || keys.some((key) => pa[key] !== pb[key])) return false;
  return a.geometry === b.geometry || JSON.stringify(a.geometry) === JSON.stringify(b.geometry);
}

export function isEmptyDiff(diff: GeoJSONSourceDiff): boolean {
  return (diff.add?.length ?? 0) === 0 && (diff.update?.length ?? 0) === 0 && (diff.remove?.length ?? 0) === 0;
}
