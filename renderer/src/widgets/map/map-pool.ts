/**
 * One MapLibre map kept between the wizard's steps. Each step that shows the job's map (Import, Layout, Monuments,
 * Validate) mounts its own ClaimsMap, and a new map costs a WebGL context and its compiled shaders: measured under
 * software GL (the browser benchmark's wizard steps, CPU profile), that was most of a 0.7–1.3 s step switch. So a
 * map that unmounts is parked here, off the page, for the next ClaimsMap to take, and destroyed only when nothing
 * takes it within a while (leaving the job for the queue does not keep a GPU context for long).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const RELEASE_AFTER_MS = 30_000;

let parked: { map: MapLibreMap; element: HTMLDivElement; timer: ReturnType<typeof setTimeout> } | null = null;

/** The parked map moved into `host`, or a new one made by `create` in a fresh element there. */
export function acquireMap(host: HTMLElement, create: (element: HTMLDivElement) => MapLibreMap): { map: MapLibreMap; element: HTMLDivElement; reused: boolean } {
  if (parked) {
    const { map, element, timer } = parked;
    parked = null;
    clearTimeout(timer);
    host.appendChild(element);
    // A canvas of a new size is a new drawing buffer (costly under software GL): only when the size changed.
    const canvas = map.getCanvas();
    if (`${element.clientWidth}px` !== canvas.style.width || `${element.clientHeight}px` !== canvas.style.height) map.resize();
    return { map, element, reused: true };
  }
  const element = document.createElement('div');
  element.className = 'claims-map__gl';
  host.appendChild(element);
  return { map: create(element), element, reused: false };
}

/**
 * Resizes the map when its element's size really changes (made with `trackResize: false`). MapLibre's own observer
 * resizes on every notification, and Chromium notifies an element moved to another parent (parked, then taken by
 * the next step's map) even when its size stays: each such resize reset the canvas's drawing buffer and redrew the
 * whole map, twice per step switch.
 */
export function followSize(map: MapLibreMap, element: HTMLElement): void {
  const observer = new ResizeObserver(() => {
    const canvas = map.getCanvas();
    if (`${element.clientWidth}px` !== canvas.style.width || `${element.clientHeight}px` !== canvas.style.height) map.resize();
  });
  observer.observe(element);
  map.once('remove', () => observer.disconnect());
}

let parking: HTMLDivElement | null = null;

function holder(): HTMLDivElement {
  if (!parking) {
    parking = document.createElement('div');
    parking.setAttribute('aria-hidden', 'true');
    parking.style.cssText = 'position:fixed;left:-20000px;top:0;visibility:hidden;pointer-events:none';
    document.body.appendChild(parking);
  }
  return parking;
}

/** Takes the map off the page and keeps it for the next acquireMap (one map at most; an older one is destroyed). */
export function parkMap(map: MapLibreMap, element: HTMLDivElement): void {
  if (parked) {
    clearTimeout(parked.timer);
    parked.map.remove();
    parked.element.remove();
  }
  // Parked at the size it was drawn at (the canvas's CSS size: its page may already be gone), off screen: detached
  // (size 0) it would be resized twice, to nothing and back.
  const canvas = map.getCanvas();
  holder().style.width = canvas.style.width;
  holder().style.height = canvas.style.height;
  holder().appendChild(element);
  const timer = setTimeout(() => {
    if (parked?.map !== map) return;
    parked = null;
    map.remove();
    element.remove();
  }, RELEASE_AFTER_MS);
  parked = { map, element, timer };
}
