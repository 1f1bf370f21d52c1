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
  /** The stored parts (derived quarter-quarters are only returned by search). */
  parts: GridPart[];
  search(box: Box, kinds?: readonly PlssKind[]): GridPart[];
  /** Regular sections' corner quads by section key, for ties and snapping. */
  sectionQuads: Map<string, { part: GridPart; quad: Quad }>;
  /** Sections (by key) the data gives a second division for. */
  withSecondDivision: ReadonlySet<string>;
  layers: PlssArea['layers'];
}

export const sectionKey = (part: Pick<PlssPart, 'plssId' | 'section'>): string => `${part.plssId}|${part.section ?? ''}`;

function openRing(ring: readonly Utm[]): Utm[] {
  const first = ring[0];
  const last = ring.at(-1);
  return first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
}

type Item = Box & { index: number };

const meets = (a: Box, b: Box): boolean => a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;

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
    if (quad) sectionQuads.set(sectionKey(p.part), { part: p, quad });
  }
  // Derived quarter-quarters are made when a search first reaches their section: most sections around a large
  // order are only there for their corners.
  const derived = new Map<string, GridPart[]>();
  const derivedOf = (section: GridPart): GridPart[] => {
    const key = sectionKey(section.part);
    let list = derived.get(key);
    if (!list) {
      const entry = sectionQuads.get(key);
      list =
        entry && !withSecond.has(key)
          ? deriveQuarterQuarters(entry.quad).map((qq, k) => ({
              part: { ...section.part, id: -(derived.size * 16 + k + 1), layer: 'second' as const, kind: 'aliquot' as const, label: qq.label },
              rings: [qq.ring],
              box: ringBox(qq.ring),
              derived: true,
            }))
          : [];
      derived.set(key, list);
    }
    return list;
  };
  const tree = new RBush<Item>();
  tree.load(parts.map((p, index) => ({ ...p.box, index })));
  return {
    epsg,
    parts,
    layers: area.layers,
    sectionQuads,
    withSecondDivision: withSecond,
    search(box, kinds) {
      const stored = tree.search(box).map((item) => parts[item.index]!);
      const made = stored.filter((p) => p.part.kind === 'section').flatMap((section) => derivedOf(section).filter((qq) => meets(qq.box, box)));
      const hits = [...stored, ...made];
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
