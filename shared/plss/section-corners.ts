/**
 * Section corners for a tie: the four corners of every section near the claims, one point per physical corner
 * (a corner is common to up to four sections), described as a surveyor names it: "Section corner common to
 * Sections 1, 2, 11 and 12, T39N R55E, Mount Diablo Meridian", or "NE corner of Section 12, …" where it belongs
 * to one section in the data (a township boundary, the edge of what was imported).
 */
import { utmConverter, type Utm } from '../geo/utm';
import type { Position } from '../geometry/geojson.types';
import { sectionCornerPoints, type PlssIndex } from './plss-index';

export interface SectionCorner {
  description: string;
  utm: Utm;
  lonLat: Position;
  sections: { section: number; township: string; range: string; meridian: string }[];
}

/** Corners of neighbouring sections closer than this (grid metres) are one corner. */
const SAME_CORNER_M = 1;

interface Merged {
  at: Utm;
  sections: SectionCorner['sections'];
  positions: string[];
  /** Filled the first time the corner is chosen. */
  answer?: SectionCorner;
}

const cache = new WeakMap<PlssIndex, Merged[]>();

function mergedCorners(index: PlssIndex): Merged[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const merged: Merged[] = [];
  const cells = new Map<string, number[]>();
  const cellOf = (p: Utm): [number, number] => [Math.floor(p[0] / SAME_CORNER_M), Math.floor(p[1] / SAME_CORNER_M)];
  for (const { at, part, position } of sectionCornerPoints(index)) {
    const [cx, cy] = cellOf(at);
    let found = -1;
    for (let dx = -1; dx <= 1 && found < 0; dx += 1) {
      for (let dy = -1; dy <= 1 && found < 0; dy += 1) {
        for (const i of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const m = merged[i]!;
          if (Math.hypot(m.at[0] - at[0], m.at[1] - at[1]) <= SAME_CORNER_M) found = i;
        }
      }
    }
    const p = part.part;
    const entry = { section: p.section ?? 0, township: p.township, range: p.range, meridian: p.meridian };
    if (found >= 0) {
      const m = merged[found]!;
      if (!m.sections.some((s) => s.section === entry.section && s.township === entry.township && s.range === entry.range)) {
        m.sections.push(entry);
        m.positions.push(position);
      }
      continue;
    }
    merged.push({ at, sections: [entry], positions: [position] });
    const key = `${cx},${cy}`;
    cells.set(key, [...(cells.get(key) ?? []), merged.length - 1]);
  }
  cache.set(index, merged);
  return merged;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function describeCorner(sections: SectionCorner['sections'], positions: readonly string[]): string {
  const meridian = sections[0]?.meridian ?? '';
  const townships = [...new Set(sections.map((s) => `T${s.township} R${s.range}`))];
  if (sections.length === 1) return `${positions[0]} corner of Section ${sections[0]!.section}, ${townships[0]}, ${meridian}`;
  const sorted = [...sections].sort((a, b) => a.section - b.section);
  if (townships.length === 1) return `Section corner common to Sections ${listWords(sorted.map((s) => String(s.section)))}, ${townships[0]}, ${meridian}`;
  const groups = townships.map((t) => `${listWords(sorted.filter((s) => `T${s.township} R${s.range}` === t).map((s) => String(s.section)))} (${t})`);
  return `Section corner common to Sections ${listWords(groups)}, ${meridian}`;
}

/** The section corner nearest a point (grid metres), or null when no section was imported near it. */
export function nearestSectionCorner(index: PlssIndex, from: Utm): SectionCorner | null {
  let best: Merged | null = null;
  let bestD = Infinity;
  for (const corner of mergedCorners(index)) {
    const d = Math.hypot(corner.at[0] - from[0], corner.at[1] - from[1]);
    if (d < bestD) {
      best = corner;
      bestD = d;
    }
  }
  if (!best) return null;
  best.answer ??= {
    description: describeCorner(best.sections, best.positions),
    utm: best.at,
    lonLat: utmConverter(index.epsg).toLonLat(best.at),
    sections: best.sections,
  };
  return best.answer;
}
