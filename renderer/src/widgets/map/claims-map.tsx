/**
 * One MapLibre map over a job's claims: the order's polygons, the laid-out claims, corners and monuments, with
 * hover/selection shared with a claims table, optional drag of the selection and point picking.
 *
 * The map instance is created once per mount and never re-created by prop changes: data goes in with
 * updateData (only the features that changed) or setData, the selection and hover into a small source of their
 * own (map-style.ts), a basemap change with setStyle. `data-map-ready="true"` is set on the
 * container once the map has gone idle after the latest data (tests wait on it).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../styles/map.css';
import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Utm } from '../../../../shared/geo/utm';
import type { LayoutClaim } from '../../../../shared/layout/layout.types';
import type { PlssArea } from '../../../../shared/plss/plss.types';
import { CursorReadout, type CursorPosition } from './cursor-readout';
import { LabelOverlay } from './label-overlay';
import {
  boundsOf,
  claimLabels,
  claimsToCollection,
  cornersToCollection,
  EMPTY_COLLECTION,
  markersToCollection,
  monumentsToCollection,
  plssSectionLabels,
  plssToCollection,
  typicalClaimSizeM,
  type CornerPoint,
  type LngLatBox,
  type MapMarker,
  type Monument,
} from './map-data';
import { attachInteractions, type InteractionProps } from './map-interactions';
import { baseStyle, highlightCollection, localStyle, sameFeatures, SOURCE_IDS, SOURCE_MIN_ZOOM, SOURCES, withOverlay, type MapData, type SourceId } from './map-style';
import { isEmptyDiff, sourceDiff } from './source-diff';
import { BasemapControl } from './basemap-control';
import type { BasemapOption, MapBasemap } from '../../state/map-basemap';
import type { BasemapChoice } from '../../../../shared/basemap/map-settings';
import { acquireMap, followSize, parkMap } from './map-pool';

// Without an explicit worker URL MapLibre tries to build its worker from its own bundle path, which breaks once
// Vite has bundled it (and under app://). The CSP allows workers from 'self'.
maplibregl.setWorkerUrl(workerUrl);

export type { CornerPoint, MapMarker, Monument } from './map-data';

export type ClaimsMapProps = {
  epsg: number;
  /** The order's polygons, lon/lat. */
  orderGeometry: FeatureCollection;
  claims: LayoutClaim[];
  corners?: CornerPoint[];
  monuments?: Monument[];
  /** Extra labelled points (e.g. the grid anchor). */
  markers?: MapMarker[];
  /** Staked posts and offset arrows (points and lines with a `status` property), lon/lat. */
  field?: FeatureCollection;
  selection: string[];
  hoverId: string | null;
  onSelect(ids: string[], additive: boolean): void;
  onHover(id: string | null): void;
  pickMode?: 'anchor' | 'add' | null;
  onPick?(utm: Utm): void;
  draggable?: boolean;
  /** The selection was dragged by this much, in ground feet. */
  onDragMoved?(eastFt: number, northFt: number): void;
  /** The imported PLSS around the claims: section and township lines and section numbers under them. */
  plss?: PlssArea | null;
  /** The basemap under the claims (offline tiles file, online URL), or null for the plain background. */
  basemap?: MapBasemap;
  /** The map's basemap switch; omitted: no switch. */
  basemapSwitch?: { options: BasemapOption[]; choice: BasemapChoice; onChoose: (choice: BasemapChoice) => void };
  /** The map refits to the order and claims whenever this changes. */
  fitKey?: string;
  /** Shown over the map while it has nothing to frame (no order polygons, no claims, no anchor): why it is empty. */
  emptyNote?: string | null;
  /** Zoom to these claims whenever `seq` changes (a problem clicked in a list); not on mount. */
  zoomTo?: { ids: string[]; seq: number } | null;
  className?: string;
};

/**
 * What the camera frames: the order and its claims; with neither (an order whose polygons could not be read), the
 * typed grid anchor with about a kilometre around it, so the map opens where the work is, never on the whole country.
 */
function frameBox(data: MapData): LngLatBox | null {
  const box = boundsOf([data.order, data.claims]);
  if (box) return box;
  const marker = boundsOf([data.markers]);
  if (!marker) return null;
  const [[w, s], [e, n]] = marker;
  const dLat = 0.006;
  const dLon = dLat / Math.max(0.2, Math.cos((((s + n) / 2) * Math.PI) / 180));
  return [[w - dLon, s - dLat], [e + dLon, n + dLat]];
}

// More room at the bottom: the scale bars and the cursor readout sit there.
const FIT_OPTIONS = { padding: { top: 50, right: 50, bottom: 70, left: 50 }, maxZoom: 17 } as const;

/**
 * Frames the box unless the camera already frames it (the same claims on the next step's map): a jump to where the
 * camera is still redraws the whole map. Answers whether the camera moves.
 */
function frameOn(map: maplibregl.Map, box: LngLatBox, options: maplibregl.FitBoundsOptions): boolean {
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
function sendChanged(map: maplibregl.Map, sent: MapData, data: MapData): boolean {
  let any = false;
  const zoom = map.getZoom();
  for (const id of SOURCES) {
    if (data[id] === sent[id] || !drawnAt(id, zoom)) continue;
    any = sendSource(map, id, sent[id], data[id]) || any;
    sent[id] = data[id];
  }
  return any;
}

export function ClaimsMap(props: ClaimsMapProps) {
  const { epsg, orderGeometry, claims, corners, monuments, markers, field, selection, hoverId, basemap = null, fitKey, pickMode, plss } = props;
  // Compared by content: a new object for the same basemap must not restyle the map.
  const basemapKey = JSON.stringify(basemap);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<LabelOverlay | null>(null);
  const [cursor, setCursor] = useState<CursorPosition>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);

  // One memo per source, so an edit to one (say the anchor marker) does not re-send the others to the worker.
  const claimsFc = useMemo(() => claimsToCollection(claims, epsg), [claims, epsg]);
  const cornersFc = useMemo(() => cornersToCollection(corners ?? []), [corners]);
  const monumentsFc = useMemo(() => monumentsToCollection(monuments ?? []), [monuments]);
  const markersFc = useMemo(() => markersToCollection(markers ?? []), [markers]);
  const plssFc = useMemo(() => plssToCollection(plss), [plss]);
  const sectionLabels = useMemo(() => plssSectionLabels(plss), [plss]);
  const highlightFc = useMemo(() => highlightCollection(claimsFc, selection, hoverId), [claimsFc, selection, hoverId]);
  const data = useMemo<MapData>(
    () => ({
      plss: plssFc,
      order: orderGeometry,
      claims: claimsFc,
      highlight: highlightFc,
      drag: EMPTY_COLLECTION,
      corners: cornersFc,
      monuments: monumentsFc,
      markers: markersFc,
      field: field ?? EMPTY_COLLECTION,
    }),
    [plssFc, orderGeometry, claimsFc, highlightFc, cornersFc, monumentsFc, markersFc, field],
  );
  const overlayData = useMemo(
    () => ({
      claims: claimLabels(claims, epsg),
      corners: corners ?? [],
      monuments: monuments ?? [],
      markers: markers ?? [],
      sections: sectionLabels,
      claimSizeM: typicalClaimSizeM(claims),
    }),
    [claims, epsg, corners, monuments, markers, sectionLabels],
  );

  // Latest values for handlers bound once per map (read in events, never during render).
  const latest = useRef({ props, data });
  const readyVersion = useRef(0);
  useEffect(() => {
    latest.current = { props, data };
  });

  /**
   * data-map-ready goes false now and true once the map is idle after this change (and no later one). `repaint`
   * false: data was sent or the camera moved, and MapLibre draws by itself (once its worker has cut the data into
   * tiles); a repaint asked for now would only draw the old picture again, a whole frame for nothing (under software
   * GL as costly as the edit). 'none': the map already shows the change (a reused map with the same data and camera).
   */
  const markBusy = useCallback((map: maplibregl.Map, repaint: boolean | 'none' = true) => {
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
  }, []);

  const fit = useCallback((animate: boolean) => {
    const map = mapRef.current;
    if (!map) return;
    const box = frameBox(latest.current.data);
    if (!box) return;
    frameOn(map, box, { ...FIT_OPTIONS, duration: animate ? 300 : 0 });
  }, []);

  /**
   * Puts a basemap under our layers. A local style (offline, or a raster template) is built whole, with the current
   * data. A style JSON URL is fetched by MapLibre and our layers are appended by transformStyle; MapLibre defers such
   * a call until the current style has loaded, which is why the map always starts from the local style.
   */
  const applyStyle = useCallback((map: maplibregl.Map, chosen: MapBasemap) => {
    const overlay = (base: maplibregl.StyleSpecification) => withOverlay(base, latest.current.data);
    const base = baseStyle(chosen);
    if (typeof base === 'string') map.setStyle(base, { diff: false, transformStyle: (_prev, next) => overlay(next) });
    else map.setStyle(overlay(base), { diff: false, transformStyle: undefined });
  }, []);

  /** What the map's sources hold now, per source (sources drawn only from a zoom may lag behind the data). */
  const sent = useRef<MapData | null>(null);

  // Create the map once.
  /** Whether the camera has been framed on real data yet (a map mounted before its data arrived has not). */
  const framed = useRef(false);
  const initialBasemap = useRef(basemapKey);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Open already framed on the data (no first frame of the whole US, no basemap tiles fetched for it).
    const box = frameBox(latest.current.data);
    framed.current = box !== null;
    // Always the offline style first (drawn at once, no network); a basemap is applied over it just below.
    const firstStyle = withOverlay(localStyle(), latest.current.data);
    // The previous step's map when there is one (map-pool.ts): a new WebGL context is most of a step switch.
    const { map, element, reused } = acquireMap(container, (target) => {
      const made = new maplibregl.Map({
        container: target,
        style: firstStyle,
        ...(box ? { bounds: box, fitBoundsOptions: FIT_OPTIONS } : { center: [-98, 39], zoom: 3 }),
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
    });
    // A reused map with the same data and camera has nothing new to draw: it shows what it drew on the last step.
    let unchanged = false;
    if (reused) {
      // Diffed against the last step's style (as a rule the same layers): the compiled programs stay and only the
      // sources whose data differ are sent again. A full reload recompiled every shader, most of a step switch
      // under software GL. MapLibre reloads in full by itself when a diff cannot express the change.
      map.setStyle(firstStyle, { diff: true });
      const moved = box ? frameOn(map, box, { ...FIT_OPTIONS, duration: 0 }) : (map.jumpTo({ center: [-98, 39], zoom: 3 }), true);
      unchanged = !moved && map.loaded();
    }
    mapRef.current = map;
    sent.current = { ...latest.current.data };
    const overlay = new LabelOverlay(map, container);
    overlayRef.current = overlay;
    overlay.setData(overlayData);

    // After every (re)load of the style, push the newest data: it may have changed while a remote style loaded.
    const onStyleLoad = () => {
      for (const id of SOURCES) map.getSource<maplibregl.GeoJSONSource>(id)?.setData(latest.current.data[id]);
      sent.current = { ...latest.current.data };
    };
    map.on('style.load', onStyleLoad);
    // What was kept back at a wider view goes in as the map zooms in to where it is drawn.
    const onZoom = () => {
      if (sent.current && sendChanged(map, sent.current, latest.current.data)) markBusy(map, false);
    };
    map.on('zoom', onZoom);
    // A basemap style URL that cannot be fetched (offline, typo) would leave the map blank: fall back to the local
    // style so the claims are always drawn. Tile errors of a raster basemap do not matter (the style is loaded).
    const onError = () => {
      if (map.isStyleLoaded() || typeof baseStyle(latest.current.props.basemap ?? null) !== 'string') return;
      setBasemapFailed(true);
      // Without transformStyle: with one, MapLibre would wait for the failed style to finish loading, forever.
      applyStyle(map, null);
    };
    map.on('error', onError);
    if (latest.current.props.basemap) applyStyle(map, latest.current.props.basemap);
    const detach = attachInteractions(map, (): InteractionProps => ({ ...latest.current.props, onCursor: setCursor }));
    // A new map draws once loaded, a reused one once the sources sent and the camera moved: a repaint now would
    // draw the last step's picture once more; with nothing new it is not drawn at all.
    markBusy(map, !reused || (unchanged ? 'none' : false));
    return () => {
      detach();
      overlay.destroy();
      overlayRef.current = null;
      mapRef.current = null;
      map.off('style.load', onStyleLoad);
      map.off('zoom', onZoom);
      map.off('error', onError);
      parkMap(map, element);
    };
    // overlayData is only the first value; later changes arrive through the data effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markBusy, applyStyle]);

  // New data: the sources that changed, without touching the map instance.
  const seen = useRef<MapData | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    overlayRef.current?.setData(overlayData);
    const previous = seen.current;
    seen.current = data;
    // The first data went in with the style itself.
    if (!map || !sent.current || !previous) return;
    // Nothing sent (main's answer to a save, say, derives equal features; a rename, which the map does not draw):
    // no redraw, which under software GL costs as much as the edit itself at thousands of claims.
    const sentAny = sendChanged(map, sent.current, data);
    let moved = false;
    if (!framed.current && frameBox(data)) {
      framed.current = true;
      fit(false);
      moved = true;
    } else if (previous.markers !== data.markers && boundsOf([data.order, data.claims]) === null && frameBox(data)) {
      // Nothing drawn yet but the anchor: follow it as it is typed or pasted.
      fit(false);
      moved = true;
    }
    if (sentAny || moved) markBusy(map, !sentAny);
  }, [data, overlayData, markBusy, fit]);

  // The selection's labels (its corner numbers); the map draws it from the highlight source (the data above).
  useEffect(() => {
    overlayRef.current?.setSelection(selection);
  }, [selection]);

  // Basemap change (settings, or the map's own switch): restyle with our layers on top.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || basemapKey === initialBasemap.current) return;
    initialBasemap.current = basemapKey;
    setBasemapFailed(false);
    applyStyle(map, latest.current.props.basemap ?? null);
    markBusy(map);
  }, [basemapKey, applyStyle, markBusy]);

  // Refit when the caller says so (a new job, a new import); not on every edit, which would fight the user.
  const lastFitKey = useRef(fitKey);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || fitKey === lastFitKey.current) return;
    lastFitKey.current = fitKey;
    fit(false);
    markBusy(map);
  }, [fitKey, fit, markBusy]);

  // Zoom to the claims a list asked for (a problem clicked in Validate), close enough to see their corners.
  const zoomSeq = props.zoomTo?.seq ?? null;
  const lastZoomSeq = useRef(zoomSeq);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || zoomSeq === lastZoomSeq.current) return;
    lastZoomSeq.current = zoomSeq;
    const ids = new Set(latest.current.props.zoomTo?.ids ?? []);
    const claimsData = latest.current.data.claims;
    const box = boundsOf([{ ...claimsData, features: claimsData.features.filter((f) => ids.has(String(f.properties?.['id']))) }]);
    if (!box) return;
    if (frameOn(map, box, { ...FIT_OPTIONS, padding: 80, duration: 0 })) markBusy(map, false);
  }, [zoomSeq, markBusy]);

  return (
    <div className={`claims-map ${props.className ?? ''}`}>
      <div
        ref={containerRef}
        className={`claims-map__canvas${pickMode ? ' claims-map__canvas--picking' : ''}`}
        data-testid="claims-map"
      />
      <button
        type="button"
        className="button button--small claims-map__fit"
        data-testid="map-fit"
        title="Zoom to the order and its claims"
        onClick={() => fit(true)}
      >
        Fit to order
      </button>
      {props.basemapSwitch && <BasemapControl {...props.basemapSwitch} />}
      {pickMode && (
        <div className="claims-map__hint" role="status">
          {pickMode === 'anchor' ? 'Click the map to place the grid anchor' : 'Click the map where the new claim goes'}
        </div>
      )}
      {props.emptyNote && !frameBox(data) && (
        <div className="claims-map__empty" role="status" data-testid="map-empty-note">
          {props.emptyNote}
        </div>
      )}
      {basemapFailed && (
        <div className="claims-map__basemap-note" role="status" data-testid="map-basemap-failed">
          Basemap unavailable: showing the offline map
        </div>
      )}
      <CursorReadout cursor={cursor} epsg={epsg} />
    </div>
  );
}
