/**
 * The Field step's map overlay: each staked post as a point coloured by its status, an arrow from where it was
 * planned to where it stands (a shaft and two barbs, drawn as lines: the map has no symbol layers), the planned
 * position of each post not staked, and the points that match nothing. Lon/lat GeoJSON.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { FieldView } from '../../../../../shared/field/field.types';

type LonLat = [number, number];

/** Barbs a quarter of the shaft long, 25° off it, in a local metric frame (fine over a few hundred feet). */
function barbs(from: LonLat, to: LonLat): LonLat[][] {
  const k = Math.cos((to[1] * Math.PI) / 180);
  const dx = (to[0] - from[0]) * k;
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return [];
  const back = Math.atan2(-dy, -dx);
  return [-1, 1].map((side) => {
    const a = back + (side * 25 * Math.PI) / 180;
    return [to, [to[0] + (Math.cos(a) * length * 0.25) / k, to[1] + Math.sin(a) * length * 0.25]];
  });
}

export function fieldFeatures(field: FieldView | null): FeatureCollection {
  if (!field) return { type: 'FeatureCollection', features: [] };
  const features: Feature[] = [];
  for (const post of field.report.posts) {
    const planned: LonLat = [post.planned.lon, post.planned.lat];
    const properties = { id: post.post, status: post.status };
    if (!post.staked) {
      features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: planned } });
      continue;
    }
    const staked: LonLat = [post.staked.lon, post.staked.lat];
    if (post.status === 'moved' || (post.offsetFt ?? 0) > 1) {
      features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: [planned, staked] } });
      for (const barb of barbs(planned, staked)) features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: barb } });
    }
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: staked } });
  }
  for (const extra of field.report.extra) {
    features.push({ type: 'Feature', properties: { id: extra.name, status: 'extra' }, geometry: { type: 'Point', coordinates: [extra.lon, extra.lat] } });
  }
  return { type: 'FeatureCollection', features };
}
