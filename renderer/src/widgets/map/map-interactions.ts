/**
 * Pointer handling on the map: hover, click-select, pick a point, drag the selection, cursor readout.
 *
 * Attached once per map instance; every handler reads the latest props through `current()`, so React re-renders
 * never re-bind listeners (which would drop a drag in progress).
 */
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { FOOT_M, utmConverter, utmScaleFactor, type Utm } from '../../../../shared/geo/utm';
import type { LayoutClaim } from '../../../../shared/layout/layout.types';
import { claimsToCollection, EMPTY_COLLECTION, shiftedClaims } from './map-data';
import { CLAIM_FILL_LAYER } from './map-style';

export type InteractionProps = {
  epsg: number;
  claims: LayoutClaim[];
  selection: string[];
  hoverId: string | null;
  pickMode?: 'anchor' | 'add' | null;
  draggable?: boolean;
  onSelect(ids: string[], additive: boolean): void;
  onHover(id: string | null): void;
  onPick?(utm: Utm): void;
  onDragMoved?(eastFt: number, northFt: number): void;
  onCursor(readout: { lon: number; lat: number; utm: Utm } | null): void;
};

/** Pixels the pointer must travel before a press on a selected claim becomes a drag (not a click). */
const DRAG_THRESHOLD_PX = 4;

function claimIdAt(map: MapLibreMap, e: MapMouseEvent): string | null {
  if (!map.getLayer(CLAIM_FILL_LAYER)) return null;
  const hit = map.queryRenderedFeatures(e.point, { layers: [CLAIM_FILL_LAYER] })[0];
  const id = hit?.properties?.id;
  return typeof id === 'string' ? id : null;
}

export function attachInteractions(map: MapLibreMap, current: () => InteractionProps): () => void {
  const canvas = map.getCanvasContainer();
  let drag: { start: Utm; startPx: { x: number; y: number }; ids: Set<string>; moved: boolean; delta: Utm } | null = null;
  // A drag that ends where it began would also raise a click; ignore clicks right after a drag ends.
  let dragEndedAt = -Infinity;

  const toUtm = (e: MapMouseEvent): Utm => utmConverter(current().epsg).toUtm([e.lngLat.lng, e.lngLat.lat]);

  const setCursor = (id: string | null): void => {
    const p = current();
    if (p.pickMode) canvas.style.cursor = 'crosshair';
    else if (id && p.draggable && p.selection.includes(id)) canvas.style.cursor = 'move';
    else canvas.style.cursor = id ? 'pointer' : '';
  };

  const onMove = (e: MapMouseEvent): void => {
    const p = current();
    const utm = toUtm(e);
    p.onCursor({ lon: e.lngLat.lng, lat: e.lngLat.lat, utm });
    if (drag) {
      if (!drag.moved && Math.hypot(e.point.x - drag.startPx.x, e.point.y - drag.startPx.y) < DRAG_THRESHOLD_PX) return;
      drag.moved = true;
      drag.delta = [utm[0] - drag.start[0], utm[1] - drag.start[1]];
      const preview = shiftedClaims(p.claims, drag.ids, drag.delta[0], drag.delta[1]);
      map.getSource<GeoJSONSource>('drag')?.setData(claimsToCollection(preview, p.epsg));
      return;
    }
    const id = claimIdAt(map, e);
    if (id !== p.hoverId) p.onHover(id);
    setCursor(id);
  };

  const onDown = (e: MapMouseEvent): void => {
    const p = current();
    if (!p.draggable || p.pickMode || e.originalEvent.button !== 0) return;
    const id = claimIdAt(map, e);
    if (!id || !p.selection.includes(id)) return;
    // Take the gesture away from the map's own pan for as long as the selection is being dragged.
    e.preventDefault();
    map.dragPan.disable();
    drag = { start: toUtm(e), startPx: { x: e.point.x, y: e.point.y }, ids: new Set(p.selection), moved: false, delta: [0, 0] };
  };

  const finishDrag = (): void => {
    if (!drag) return;
    const { moved, delta, start } = drag;
    drag = null;
    map.dragPan.enable();
    map.getSource<GeoJSONSource>('drag')?.setData(EMPTY_COLLECTION);
    if (!moved) return;
    dragEndedAt = performance.now();
    const p = current();
    // The pointer moved in grid metres; the layout tools speak ground feet, which are grid metres / k.
    const k = utmScaleFactor(p.epsg, start);
    p.onDragMoved?.(delta[0] / k / FOOT_M, delta[1] / k / FOOT_M);
  };

  const onClick = (e: MapMouseEvent): void => {
    if (performance.now() - dragEndedAt < 250) return;
    const p = current();
    if (p.pickMode) {
      p.onPick?.(toUtm(e));
      return;
    }
    const additive = e.originalEvent.shiftKey || e.originalEvent.ctrlKey || e.originalEvent.metaKey;
    const id = claimIdAt(map, e);
    if (id) p.onSelect([id], additive);
    else if (!additive) p.onSelect([], false);
  };

  const onLeave = (): void => {
    const p = current();
    p.onCursor(null);
    if (p.hoverId !== null) p.onHover(null);
  };

  map.on('mousemove', onMove);
  map.on('mousedown', onDown);
  map.on('mouseup', finishDrag);
  map.on('click', onClick);
  map.on('mouseout', onLeave);
  // A release outside the canvas must still end the drag.
  window.addEventListener('mouseup', finishDrag);
  return () => {
    map.off('mousemove', onMove);
    map.off('mousedown', onDown);
    map.off('mouseup', finishDrag);
    map.off('click', onClick);
    map.off('mouseout', onLeave);
    window.removeEventListener('mouseup', finishDrag);
  };
}
