/**
 * The map's style, built in code so the default map needs no network at all: a plain background, then our own
 * GeoJSON sources. There is deliberately no `glyphs` or `sprite` URL and no symbol layer: those would make
 * MapLibre fetch fonts/icons from a server. Text (claim names, corner numbers, monument labels) is drawn as an
 * HTML overlay instead (see label-overlay.ts) and point symbols are circle layers.
 *
 * A basemap from settings goes underneath: the offline tiles file (basemap-style.ts), or an online one, where
 * a raster tile template ({z}/{x}/{y}) becomes a raster layer and anything else is treated as a style JSON URL
 * to which our sources and layers are appended.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { MapBasemap } from '../../state/map-basemap';
import { BASEMAP_SOURCE, offlineBasemapLayers } from './basemap-style';
import { POINT_KEY } from './map-data';

/** `field`: staked posts and the offset arrows from where they were planned (the Field step). */
/** `highlight`: the selected and hovered claims again (highlightCollection), drawn over the others. */
export const SOURCES = ['plss', 'order', 'claims', 'highlight', 'drag', 'corners', 'monuments', 'markers', 'field'] as const;
export type SourceId = (typeof SOURCES)[number];
export type MapData = Record<SourceId, FeatureCollection>;

export const CLAIM_FILL_LAYER = 'claims-fill';

const COLORS = {
  background: '#eef0ea',
  order: '#d9831f',
  claim: '#1d5bbf',
  selected: '#c026d3',
  hover: '#0b2f6b',
  corner: '#17202b',
};

/** Field statuses: within tolerance, set elsewhere, not staked, matching no post. */
const FIELD_COLORS: ExpressionSpecification = ['match', ['get', 'status'], 'ok', '#1f8a4c', 'moved', '#c0392b', 'missing', '#7a828c', 'extra', '#7b3fbf', '#17202b'];

/** Monument kinds from deriveMonuments (discovery, location, side and end centres); others draw in grey. */
const MONUMENT_COLORS: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'discovery',
  '#c0392b',
  'location',
  '#7b3fbf',
  'sideline',
  '#1f8a4c',
  'endline',
  '#b8860b',
  '#5a6573',
];

export function isRasterTemplate(url: string): boolean {
  return url.includes('{z}') && url.includes('{x}') && url.includes('{y}');
}

/**
 * Corner posts and monuments are drawn once claims are large enough on screen to tell them apart: at 1,500 ft a
 * lode claim is ~60 px long at zoom 13 and ~30 px at 12. Below, a layout of thousands of claims would be a carpet of
 * overlapping circles (tens of thousands), which software GL redrew on every click; their text (label-overlay.ts)
 * is hidden there too.
 */
export const CORNERS_MIN_ZOOM = 12;
export const MONUMENTS_MIN_ZOOM = 13;

/**
 * Sources drawn only from a zoom: below it their changes are kept back and sent once the map comes within a zoom
 * level of it (map-source-sync.ts), so an edit at a wide view does not have MapLibre's worker cut points nobody sees
 * into tiles and redraw the map for them.
 */
export const SOURCE_MIN_ZOOM: Partial<Record<SourceId, number>> = { corners: CORNERS_MIN_ZOOM, monuments: MONUMENTS_MIN_ZOOM };

/**
 * Selection and hover are drawn from a source of their own holding only the selected and hovered claims, over the
 * claims layers: a click re-tiles one or a few features and every frame draws the highlight for them alone. Not
 * layer filters (a new filter made MapLibre cut the whole claims source into tiles again, most of a click at a few
 * thousand claims), nor feature states of the claims (which rewrote the paint values of every claim in the tile, and
 * kept two outline layers over all of them that software GL drew on every frame to show one).
 */
const HIGHLIGHT_ROLE = 'role';

function overlayLayers(): LayerSpecification[] {
  return [
    // The imported PLSS under everything: quarter-quarters faint, sections dashed, townships heavier.
    { id: 'plss-aliquot', type: 'line', source: 'plss', filter: ['==', ['get', 'kind'], 'aliquot'], minzoom: 12, paint: { 'line-color': '#8d96a0', 'line-width': 0.7, 'line-dasharray': [1, 2] } },
    { id: 'plss-section', type: 'line', source: 'plss', filter: ['==', ['get', 'kind'], 'section'], paint: { 'line-color': '#5b6570', 'line-width': 1.3, 'line-dasharray': [4, 2] } },
    { id: 'plss-township', type: 'line', source: 'plss', filter: ['==', ['get', 'kind'], 'township'], paint: { 'line-color': '#2c333a', 'line-width': 2.4 } },
    { id: 'order-fill', type: 'fill', source: 'order', paint: { 'fill-color': COLORS.order, 'fill-opacity': 0.12 } },
    {
      id: 'order-outline',
      type: 'line',
      source: 'order',
      paint: { 'line-color': COLORS.order, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    {
      id: CLAIM_FILL_LAYER,
      type: 'fill',
      source: 'claims',
      paint: { 'fill-color': ['match', ['get', 'kind'], 'placer', '#2e8b57', COLORS.claim], 'fill-opacity': 0.18 },
    },
    {
      id: 'claims-outline',
      type: 'line',
      source: 'claims',
      paint: { 'line-color': ['match', ['get', 'kind'], 'placer', '#1e6b41', COLORS.claim], 'line-width': 1.5 },
    },
    // Above every claim's own outline (neighbours share edges): the selected claims', then the hovered one's.
    {
      id: 'claims-selected-fill',
      type: 'fill',
      source: 'highlight',
      filter: ['==', ['get', HIGHLIGHT_ROLE], 'selected'],
      paint: { 'fill-color': COLORS.selected, 'fill-opacity': 0.36 },
    },
    {
      id: 'claims-selected-outline',
      type: 'line',
      source: 'highlight',
      filter: ['==', ['get', HIGHLIGHT_ROLE], 'selected'],
      paint: { 'line-color': '#86198f', 'line-width': 2.5 },
    },
    {
      id: 'claims-hover-outline',
      type: 'line',
      source: 'highlight',
      filter: ['==', ['get', HIGHLIGHT_ROLE], 'hover'],
      paint: { 'line-color': COLORS.hover, 'line-width': 3 },
    },
    {
      id: 'drag-outline',
      type: 'line',
      source: 'drag',
      paint: { 'line-color': COLORS.hover, 'line-width': 2, 'line-dasharray': [2, 2] },
    },
    {
      id: 'corners',
      type: 'circle',
      source: 'corners',
      minzoom: CORNERS_MIN_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 15, 3.5],
        'circle-color': '#ffffff',
        'circle-stroke-color': COLORS.corner,
        'circle-stroke-width': 1.2,
      },
    },
    // Monuments: a halo ring plus a filled dot in the kind's colour, so they read apart from corner points.
    {
      id: 'monuments-halo',
      type: 'circle',
      source: 'monuments',
      minzoom: MONUMENTS_MIN_ZOOM,
      paint: { 'circle-radius': 8, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': MONUMENT_COLORS, 'circle-stroke-width': 2 },
    },
    {
      id: 'monuments',
      type: 'circle',
      source: 'monuments',
      minzoom: MONUMENTS_MIN_ZOOM,
      paint: { 'circle-radius': 4, 'circle-color': MONUMENT_COLORS, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 },
    },
    {
      id: 'markers',
      type: 'circle',
      source: 'markers',
      paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': '#c0392b', 'circle-stroke-width': 3 },
    },
    {
      id: 'field-arrows',
      type: 'line',
      source: 'field',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': FIELD_COLORS, 'line-width': 2.5 },
    },
    // Planned positions of posts not staked: a hollow grey ring where the post should be.
    {
      id: 'field-missing',
      type: 'circle',
      source: 'field',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'status'], 'missing']],
      paint: { 'circle-radius': 7, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': FIELD_COLORS, 'circle-stroke-width': 2.5 },
    },
    {
      id: 'field-staked',
      type: 'circle',
      source: 'field',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['!=', ['get', 'status'], 'missing']],
      paint: { 'circle-radius': 5, 'circle-color': FIELD_COLORS, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    },
  ];
}

/**
 * The property each source's features are addressed by, where they have one: feature states (selection, hover)
 * and updateData (only the claims, corners and monuments an edit changed are sent again, source-diff.ts).
 */
export const SOURCE_IDS: Partial<Record<SourceId, string>> = { claims: 'id', corners: POINT_KEY, monuments: POINT_KEY };

const EMPTY_HIGHLIGHT: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The highlight features made per claim feature and role: an unchanged selection yields the same objects again. */
const highlightFeatures = new WeakMap<Feature, Partial<Record<'selected' | 'hover', Feature>>>();

function highlightFeature(feature: Feature, role: 'selected' | 'hover'): Feature {
  let roles = highlightFeatures.get(feature);
  if (!roles) {
    roles = {};
    highlightFeatures.set(feature, roles);
  }
  return (roles[role] ??= { ...feature, properties: { ...feature.properties, [HIGHLIGHT_ROLE]: role } });
}

/**
 * The selected claims' features, then the hovered one's, from the claims source's own features (one geometry). Made
 * from the same objects while those claims' outlines are unchanged, so an edit elsewhere (a rename, a move of other
 * claims) sends the highlight nothing (sameFeatures).
 */
export function highlightCollection(claims: FeatureCollection, selection: readonly string[], hoverId: string | null): FeatureCollection {
  if (selection.length === 0 && hoverId === null) return EMPTY_HIGHLIGHT;
  const selected = new Set(selection);
  const features: Feature[] = [];
  for (const feature of claims.features) {
    const id = String(feature.properties?.['id']);
    if (selected.has(id)) features.push(highlightFeature(feature, 'selected'));
    if (id === hoverId) features.push(highlightFeature(feature, 'hover'));
  }
  return { type: 'FeatureCollection', features };
}

/** True when both collections hold the very same feature objects in the same order: nothing to send. */
export function sameFeatures(a: FeatureCollection, b: FeatureCollection): boolean {
  return a.features.length === b.features.length && a.features.every((feature, i) => feature === b.features[i]);
}

function overlaySources(data: MapData): Record<string, SourceSpecification> {
  return Object.fromEntries(
    SOURCES.map((id) => {
      const promoteId = SOURCE_IDS[id];
      return [id, { type: 'geojson', data: data[id], ...(promoteId ? { promoteId } : {}) } satisfies SourceSpecification];
    }),
  );
}

/** The offline base: a plain background, nothing to fetch. */
export function localStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }],
  };
}

/** The base style before our overlay: a URL for a remote style JSON, or a local object. */
export function baseStyle(basemap: MapBasemap): StyleSpecification | string {
  const style = localStyle();
  if (basemap?.kind === 'offline') {
    const { source, layers } = offlineBasemapLayers(basemap.info, basemap.tiles);
    style.sources[BASEMAP_SOURCE] = source;
    style.layers.push(...layers);
    return style;
  }
  const url = basemap?.url.trim();
  if (url && !isRasterTemplate(url)) return url;
  if (url) {
    style.sources.basemap = { type: 'raster', tiles: [url], tileSize: 256, maxzoom: 19 };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.9 } });
  }
  return style;
}

/** Appends our sources and layers to whatever base style arrived (local or fetched). */
export function withOverlay(base: StyleSpecification, data: MapData): StyleSpecification {
  return {
    ...base,
    sources: { ...base.sources, ...overlaySources(data) },
    layers: [...base.layers, ...overlayLayers()],
  };
}
