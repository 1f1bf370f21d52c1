/**
 * Township, range, section and aliquot part (or lot) at a point. Stored parts are tested in lon/lat, the space
 * CadNSDI draws its straight edges in; a regular section without second-division data has its quarter-quarters
 * derived (plss-index.ts), a fractional one answers no aliquot part rather than a guess.
 */
import { chooseZone, nad83UtmEpsg, utmConverter } from '../geo/utm';
import type { Position } from '../geometry/geojson.types';
import { buildPlssIndex, sectionKey } from './plss-index';
import { pointInPolygons } from './plss-geometry';
import type { PlssArea, PlssLookupResult, PlssPart } from './plss.types';

export interface PointInPlss {
  result: PlssLookupResult;
  /** The aliquot part was derived from the section's corners (no second division in the data). */
  derived: boolean;
}

const rank = (p: PlssPart): number => (p.kind === 'section' ? 0 : p.kind === 'township' ? 2 : 1);

/**
 * `area` must hold the parts whose box contains the point and, for the section found, all its second-division
 * parts (the core asks the cache for both).
 */
export function lookupPoint(point: Position, area: PlssArea): PointInPlss | null {
  const containing = area.parts.filter((p) => pointInPolygons(point, p.polygons));
  if (containing.length === 0) return null;
  const section = containing.find((p) => p.kind === 'section') ?? null;
  const anchor = section ?? [...containing].sort((a, b) => rank(a) - rank(b))[0]!;
  const key = section ? sectionKey(section) : null;
  const stored = containing.find((p) => p.layer === 'second' && (p.kind === 'aliquot' || p.kind === 'lot') && (!key || sectionKey(p) === key)) ?? null;
  let aliquot: string | null = stored?.kind === 'aliquot' ? stored.label : null;
  const lot = stored?.kind === 'lot' ? stored.label : null;
  let derived = false;
  const hasSecond = key !== null && area.parts.some((p) => p.layer === 'second' && sectionKey(p) === key);
  if (section && !stored && !hasSecond) {
    const epsg = nad83UtmEpsg(chooseZone([point]).zone);
    const index = buildPlssIndex({ parts: [section], layers: [] }, epsg);
    const at = utmConverter(epsg).toUtm(point);
    const hit = index.search({ minX: at[0], minY: at[1], maxX: at[0], maxY: at[1] }).find((g) => g.derived && pointInPolygons(at, [g.rings]));
    if (hit) {
      aliquot = hit.part.label;
      derived = true;
    }
  }
  return {
    derived,
    result: {
      state: anchor.state,
      meridian: anchor.meridian,
      meridian_code: anchor.meridianCode,
      township: anchor.township,
      range: anchor.range,
      section: section?.section ?? stored?.section ?? null,
      aliquot,
      lot,
    },
  };
}
