/**
 * Reading the imported PLSS: the parts around a point or an area, decoded for the pure lookups and descriptions
 * in shared/plss. One R-tree query per question (two for a point inside a section whose second division is
 * needed), so a lookup stays well under a millisecond.
 */
import { AppError } from '../../shared/errors';
import type { Position } from '../../shared/geometry/geojson.types';
import { meridianName } from '../../shared/plss/meridians';
import { lookupPoint, type PointInPlss } from '../../shared/plss/plss-lookup';
import { pointInPolygons } from '../../shared/plss/plss-geometry';
import type { Bbox, PlssArea, PlssPart } from '../../shared/plss/plss.types';
import type { Db } from '../db/schema';
import { listPlssLayers, plssPartsInBox, type PlssPartRow } from '../repos/plss.repo';
import { decodePolygons, polygonsBox } from './geometry-blob';

/** An area query may return at most this many parts: about 25 townships' worth of quarter-quarters. */
export const MAX_AREA_PARTS = 20_000;
/** Degrees of latitude per metre, near enough for growing a search box. */
const DEG_PER_M = 1 / 111_320;

export function rowToPart(row: PlssPartRow): PlssPart {
  return {
    id: row.id,
    layer: row.layer,
    kind: row.kind,
    state: row.state,
    meridianCode: row.meridian_code,
    meridian: meridianName(row.meridian_code, row.meridian_text),
    plssId: row.plss_id,
    township: row.township,
    range: row.range,
    section: row.section,
    label: row.label,
    polygons: decodePolygons(row.geom),
  };
}

export async function plssAtPoint(db: Db, point: Position): Promise<PointInPlss | null> {
  const box = { minLon: point[0], maxLon: point[0], minLat: point[1], maxLat: point[1] };
  const parts = (await plssPartsInBox(db, box)).map(rowToPart);
  const section = parts.find((p) => p.kind === 'section' && pointInPolygons(point, p.polygons));
  const inSecond = parts.some((p) => p.layer === 'second' && pointInPolygons(point, p.polygons));
  if (section && !inSecond) {
    // Whether the section has a second division at all decides between "no aliquot part here" and deriving one.
    const seen = new Set(parts.map((p) => p.id));
    for (const row of await plssPartsInBox(db, polygonsBox(section.polygons), { kinds: ['aliquot', 'lot'] })) {
      if (!seen.has(row.id) && row.plss_id === section.plssId && row.section === section.section) parts.push(rowToPart(row));
    }
  }
  return lookupPoint(point, { parts, layers: [] });
}

function grown(bbox: Bbox, marginM: number): Bbox {
  const dLat = marginM * DEG_PER_M;
  const midLat = ((bbox.minLat + bbox.maxLat) / 2) * (Math.PI / 180);
  const dLon = dLat / Math.max(0.05, Math.cos(midLat));
  return { minLon: bbox.minLon - dLon, maxLon: bbox.maxLon + dLon, minLat: bbox.minLat - dLat, maxLat: bbox.maxLat + dLat };
}

/**
 * Every part meeting the box grown by `marginM` metres, with the layers they come from. `partsMarginM`, when
 * given, grows the box less for aliquot parts and lots: what lies beyond the claims only matters for its
 * section corners, and quarter-quarters are sixteen times as many as sections.
 */
export async function plssInArea(db: Db, bbox: Bbox, marginM = 0, partsMarginM?: number): Promise<PlssArea> {
  const limit = MAX_AREA_PARTS + 1;
  const rows =
    partsMarginM === undefined
      ? await plssPartsInBox(db, grown(bbox, marginM), { limit })
      : [
          ...(await plssPartsInBox(db, grown(bbox, marginM), { kinds: ['township', 'section', 'other'], limit })),
          ...(await plssPartsInBox(db, grown(bbox, partsMarginM), { kinds: ['aliquot', 'lot'], limit })),
        ];
  if (rows.length > MAX_AREA_PARTS) {
    throw new AppError('invalid-request', `The area asked for holds more than ${MAX_AREA_PARTS.toLocaleString('en-US')} PLSS parts; ask for a smaller one.`);
  }
  const parts = rows.map(rowToPart);
  const states = new Set(parts.map((p) => p.state));
  const layers = (await listPlssLayers(db)).filter((l) => states.has(l.state));
  return { parts, layers };
}

export function bboxOf(rings: readonly (readonly Position[])[]): Bbox | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const ring of rings) {
    for (const [lon, lat] of ring) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return Number.isFinite(minLon) ? { minLon, minLat, maxLon, maxLat } : null;
}
