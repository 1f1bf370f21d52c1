/**
 * Point features in a layout file are monuments or notes, not claims (`grid --geojson` writes its monuments
 * beside the claims): they are left out rather than reported as claims of the wrong geometry type. Monuments are
 * always placed by the state's rules, never read back from a file.
 */
function isPointFeature(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('geometry' in value)) return false;
  const { geometry } = value;
  return typeof geometry === 'object' && geometry !== null && 'type' in geometry && (geometry.type === 'Point' || geometry.type === 'MultiPoint');
}

export function withoutPoints(json: unknown): unknown {
  if (Array.isArray(json)) return json.filter((feature) => !isPointFeature(feature));
  if (typeof json === 'object' && json !== null && 'features' in json && Array.isArray(json.features)) {
    return { ...json, features: json.features.filter((feature: unknown) => !isPointFeature(feature)) };
  }
  return isPointFeature(json) ? [] : json;
}
