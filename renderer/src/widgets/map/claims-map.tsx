/**
 * One MapLibre map over a job's claims: the order's polygons, the laid-out claims, corners and monuments, with
 * hover/selection shared with a claims table, optional drag of the selection and point picking.
 *
 * The map instance is created once per mount and never re-created by prop changes: data goes in with
 * updateData (only the features that changed) or setData, the selection and hover into a small source of their
 * own (map-style.ts), a basemap change with setStyle. `data-map-ready="true"` is set on the
 * container once the map has gone idle after the latest data (tests wait on it).
 */
import type * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../../styles/map.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CursorReadout, type CursorPosition } from './cursor-readout';
import { LabelOverlay } from './label-overlay';
import { boundsOf } from './map-data';
import { attachInteractions, type InteractionProps } from './map-interactions';
import { baseStyle, localStyle, SOURCES, withOverlay, type MapData } from './map-style';
import { BasemapControl } from './basemap-control';
import type { MapBasemap } from '../../state/map-basemap';
import { acquireMap, parkMap } from './map-pool';
import { FIT_OPTIONS, frameBox, frameOn, WHOLE_US } from './map-camera';
import { createMap } from './map-instance';
import { sendChanged } from './map-source-sync';
import { useMapData } from './use-map-data.hook';
import { useMarkBusy } from './use-map-ready.hook';
import type { ClaimsMapProps } from './claims-map.types';

export type { CornerPoint, MapMarker, Monument } from './map-data';
export type { ClaimsMapProps } from './claims-map.types';

export function ClaimsMap(props: ClaimsMapProps) {
  const { epsg, selection, basemap = null, fitKey, pickMode } = props;
  // Compared by content: a new object for the same basemap must not restyle the map.
  const basemapKey = JSON.stringify(basemap);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<LabelOverlay | null>(null);
  const [cursor, setCursor] = useState<CursorPosition>(null);
  const [basemapFailed, setBasemapFailed] = useState(false);

  const { data, overlayData } = useMapData(props);

  // Latest values for handlers bound once per map (read in events, never during render).
  const latest = useRef({ props, data });
  useEffect(() => {
    latest.current = { props, data };
  });

  const markBusy = useMarkBusy(containerRef, mapRef);

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
    const { map, element, reused } = acquireMap(container, (target) => createMap(target, firstStyle, box));
    // A reused map with the same data and camera has nothing new to draw: it shows what it drew on the last step.
    let unchanged = false;
    if (reused) {
      // Diffed against the last step's style (as a rule the same layers): the compiled programs stay and only the
      // sources whose data differ are sent again. A full reload recompiled every shader, most of a step switch
      // under software GL. MapLibre reloads in full by itself when a diff cannot express the change.
      map.setStyle(firstStyle, { diff: true });
      const moved = box ? frameOn(map, box, { ...FIT_OPTIONS, duration: 0 }) : (map.jumpTo(WHOLE_US), true);
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
