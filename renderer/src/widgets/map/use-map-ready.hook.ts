/**
 * The claims map's `data-map-ready` flag on its container (tests wait on it) and `data-view`, where the camera
 * rests, set together with it.
 */
import type * as maplibregl from 'maplibre-gl';
import { useCallback, useRef, type RefObject } from 'react';

/**
 * markBusy: data-map-ready goes false now and true once the map is idle after this change (and no later one).
 * `repaint` false: data was sent or the camera moved, and MapLibre draws by itself (once its worker has cut the data
 * into tiles); a repaint asked for now would only draw the old picture again, a whole frame for nothing (under
 * software GL as costly as the edit). 'none': the map already shows the change (a reused map with the same data and
 * camera).
 */
export function useMarkBusy(containerRef: RefObject<HTMLDivElement | null>, mapRef: RefObject<maplibregl.Map | null>) {
  const readyVersion = useRef(0);
  return useCallback(
    (map: maplibregl.Map, repaint: boolean | 'none' = true) => {
      const container = containerRef.current;
      if (!container) return;
      const version = ++readyVersion.current;
      container.dataset.mapReady = 'false';
      // One more frame so the HTML labels (placed on requestAnimationFrame) are in place too.
      const ready = () =>
        requestAnimationFrame(() => {
          if (version !== readyVersion.current || mapRef.current !== map) return;
          // Where the camera rests (zoom, centre lon/lat), for tests and support; set with "ready" so both agree.
          const { lng, lat } = map.getCenter();
          container.dataset.view = `${map.getZoom().toFixed(2)} ${lng.toFixed(6)} ${lat.toFixed(6)}`;
          container.dataset.mapReady = 'true';
        });
      if (repaint === 'none') return void ready();
      map.once('idle', ready);
      if (repaint) map.triggerRepaint();
    },
    [containerRef, mapRef],
  );
}
