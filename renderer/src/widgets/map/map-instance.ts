/** A new MapLibre map for the claims map: the worker it runs in, how it may be moved, its controls. */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { FIT_OPTIONS, WHOLE_US } from './map-camera';
import type { LngLatBox } from './map-data';
import { followSize } from './map-pool';

// Without an explicit worker URL MapLibre tries to build its worker from its own bundle path, which breaks once
// Vite has bundled it (and under app://). The CSP allows workers from 'self'.
maplibregl.setWorkerUrl(workerUrl);

/** A map in `target` with `style`, opened framed on `box` (else on the whole US). */
export function createMap(target: HTMLElement, style: maplibregl.StyleSpecification, box: LngLatBox | null): maplibregl.Map {
  const made = new maplibregl.Map({
    container: target,
    style,
    ...(box ? { bounds: box, fitBoundsOptions: FIT_OPTIONS } : WHOLE_US),
    dragRotate: false,
    // Shift-click adds to the selection; box zoom would swallow it.
    boxZoom: false,
    pitchWithRotate: false,
    maxPitch: 0,
    fadeDuration: 0,
    attributionControl: { compact: true },
    trackResize: false,
  });
  followSize(made, target);
  made.touchZoomRotate.disableRotation();
  made.keyboard.disableRotation();
  made.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  made.addControl(new maplibregl.ScaleControl({ unit: 'imperial', maxWidth: 120 }), 'bottom-left');
  made.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  return made;
}
