/**
 * The PLSS around some claims, in the job's grid metres and indexed for search (rbush): what descriptions,
 * checks, snapping and maps work from. Quarter-quarters are taken from the second-division layer where the state
 * publishes it; for a regular section that has none they are derived from the section's corners (and marked so).
 */
import RBush from 'rbush';
import type { Box } from '../claims/polygon-ops';
import { ringBox } from '../claims/polygon-ops';
import type { Utm } from '../geo/utm';
import { deriveQuarterQuarters, partToGrid, quadCorners, regularSectionQuad, type Quad } from './plss-geometry';
import type { PlssArea, PlssKind, PlssPart } from './plss.types';

export interface GridPart {
  /** The stored part; derived quarter-quarters carry their section's identity with kind 'aliquot'. */
  part: Omit<PlssPart, 'polygons'>;
  /** Outer rings in grid metres, open (first point not repeated); holes are not used. */
  rings: Utm[][];
  box: Box;
  derived: boolean;
}

export interface PlssIndex {
  epsg: number;
  parts: GridPart[];
  search(box: Box, kinds?: readonly PlssKind[]): GridPart[];
  /** Regular sections' corner quads by section key, for ties and snapping. */
  sectionQuads: Map<string, { part: GridPart; quad: Quad }>;
  layers: PlssArea['layers'];
}

export const sectionKey = (part: Pick<PlssPart, 'plssId' | 'section'>): string => `${part.plssId}|${part.section ?? ''}`;

function openRing(ring: readonly Utm[]): Utm[] {
  const first = ring[0];
  const last = ring.at(-1);
  return first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
}

type Item = Box & { index: number };

export function buildPlssIndex(area: PlssArea, epsg: number): PlssIndex {
  const parts: GridPart[] = [];
  for (const part of area.parts) {
    const { polygons, ...rest } = part;
    const rings = partToGrid({ polygons }, epsg).map((rs) => openRing(rs[0] ?? [])).filter((r) => r.length >= 3);
    if (rings.length === 0) continue;
    parts.push({ part: rest, rings, box: ringBox(rings.flat()), derived: false });
  }
  const withSecond = new Set(parts.filter((p) => p.part.layer === 'second').map((p) => sectionKey(p.part)));
  const sectionQuads = new Map<string, { part: GridPart; quad: Quad }>();
  for (const p of parts) {
    if (p.part.kind !== 'section' || p.rings.length !== 1) continue;
    const quad = regularSectionQuad(p.rings[0]!);
    const key = sectionKey(p.part);
    if (quad) sectionQuads.set(key, { part: p, quad });
    if (!quad || withSecond.has(key)) continue;
    for (const qq of deriveQuarterQuarters(quad)) {
      parts.push({ part: { ...p.part, id: -parts.length, layer: 'second', kind: 'aliquot', label: qq.label }, rings: [qq.ring], box: ringBox(qq.ring), derived: true });
    }
  }
  const tree = new RBush<Item>();
  tree.load(parts.map((p, index) => ({ ...p.box, index })));
  return {
    epsg,
    parts,
    layers: area.layers,
    sectionQuads,
    search(box, kinds) {
      const hits = tree.search(box).map((item) => parts[item.index]!);
      return kinds ? hits.filter((p) => kinds.includes(p.part.kind)) : hits;
    },
  };
}

/** The four corners of every section polygon in the index (regular or not): candidates for a tie. */
export function sectionCornerPoints(index: PlssIndex): { at: Utm; part: GridPart; position: keyof Quad }[] {
  const out: { at: Utm; part: GridPart; position: keyof Quad }[] = [];
  for (const p of index.parts) {
    if (p.part.kind !== 'section') continue;
    for (const ring of p.rings) {
      const quad = quadCorners(ring);
      for (const position of ['NE', 'NW', 'SW', 'SE'] as const) out.push({ at: quad[position], part: p, position });
    }
  }
  return out;
}
