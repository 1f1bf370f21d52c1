/**
 * The offline basemap as MapLibre sources and layers under the claims. Raster files become one raster layer;
 * vector files get a plain style built from the layers the file declares (areas filled, lines stroked, points
 * as dots), with no glyphs or sprites so nothing is fetched. Tiles come from the app's own origin; the
 * attribution is the file's own, shown by MapLibre's attribution control.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { BasemapInfo } from '../../../../shared/basemap/basemap.types';

export const BASEMAP_SOURCE = 'basemap';

const IS: Record<'polygon' | 'line' | 'point', ExpressionSpecification> = {
  polygon: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false],
  line: ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false],
  point: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
};

/** Muted colours by what a layer's name says it is, so the claims stay the strongest thing on the map. */
function colourFor(id: string): string {
  if (/water|ocean|lake|river|stream|hydro/i.test(id)) return '#8fb8de';
  if (/contour|elev|terrain|hill/i.test(id)) return '#b58b5a';
  if (/road|street|highway|transport|trail|path|rail/i.test(id)) return '#8a8a8a';
  if (/park|forest|wood|green|landcover|landuse|vegetation/i.test(id)) return '#b9d3a5';
  if (/boundar|admin/i.test(id)) return '#9b7bb0';
  return '#a9a39a';
}

function vectorLayers(info: BasemapInfo): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  for (const { id, geometry } of info.vectorLayers) {
    const color = colourFor(id);
    const base = { source: BASEMAP_SOURCE, 'source-layer': id };
    if (geometry === 'polygon' || geometry === 'unknown') {
      out.push({ ...base, id: `basemap-${id}-fill`, type: 'fill', filter: IS.polygon, paint: { 'fill-color': color, 'fill-opacity': 0.45 } });
    }
    if (geometry === 'polygon' || geometry === 'line' || geometry === 'unknown') {
      out.push({ ...base, id: `basemap-${id}-line`, type: 'line', filter: geometry === 'polygon' ? IS.polygon : IS.line, paint: { 'line-color': color, 'line-width': 0.8 } });
    }
    if (geometry === 'point' || geometry === 'unknown') {
      out.push({ ...base, id: `basemap-${id}-point`, type: 'circle', filter: IS.point, paint: { 'circle-color': color, 'circle-radius': 2.5 } });
    }
  }
  return out;
}

export function offlineBasemapLayers(info: BasemapInfo, tiles: string): { source: SourceSpecification; layers: LayerSpecification[] } {
  const common = {
    tiles: [tiles],
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    ...(info.bounds ? { bounds: info.bounds } : {}),
    ...(info.attribution ? { attribution: info.attribution } : {}),
  };
  if (info.type === 'raster') {
    return {
      source: { type: 'raster', tileSize: 256, ...common },
      layers: [{ id: 'basemap', type: 'raster', source: BASEMAP_SOURCE, paint: { 'raster-opacity': 0.9 } }],
    };
  }
  return { source: { type: 'vector', ...common }, layers: vectorLayers(info) };
}
