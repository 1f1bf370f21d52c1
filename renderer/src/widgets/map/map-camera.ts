/** Where the claims map's camera goes: what it frames, and a move only when the camera is not there already. */
import * as maplibregl from 'maplibre-gl';
import { boundsOf, type LngLatBox } from './map-data';
import type { MapData } from './map-style';

/**
 * What the camera frames: the order and its claims; with neither (an order whose polygons could not be read), the
 * typed grid anchor with about a kilometre around it, so the map opens where the work is, never on the whole country.
 */
export function frameBox(data: MapData): LngLatBox | null {
  const box = boundsOf([data.order, data.claims]);
  if (box) return box;
  const marker = boundsOf([data.markers]);
  if (!marker) return null;
  const [[w, s], [e, n]] = marker;
  const dLat = 0.006;
  const dLon = dLat / Math.max(0.2, Math.cos((((s + n) / 2) * Math.PI) / 180));
  return [[w - dLon, s - dLat], [e + dLon, n + dLat]];
}

/** Where a map with nothing to frame opens: the whole continental US. */
export const WHOLE_US: { center: [number, number]; zoom: number } = { center: [-98, 39], zoom: 3 };

// More room at the bottom: the scale bars and the cursor readout sit there.
export const FIT_OPTIONS = { padding: { top: 50, right: 50, bottom: 70, left: 50 }, maxZoom: 17 } as const;

/**
 * Frames the box unless the camera already frames it (the same claims on the next step's map): a jump to where the
 * camera is still redraws the whole map. Answers whether the camera moves.
 */
export function frameOn(map: maplibregl.Map, box: LngLatBox, options: maplibregl.FitBoundsOptions): boolean {
  const camera = map.cameraForBounds(box, options);
  if (camera?.center !== undefined && camera.zoom !== undefined && !options.duration) {
    const target = maplibregl.LngLat.convert(camera.center);
    const here = map.getCenter();
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    if (near(camera.zoom, map.getZoom()) && near(target.lng, here.lng) && near(target.lat, here.lat)) return false;
  }
  map.fitBounds(box, options);
  return true;
}
