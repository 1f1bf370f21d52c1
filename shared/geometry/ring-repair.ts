/**
 * Reads one linear ring from untrusted JSON and applies the harmless repairs: Z/M dropped, consecutive
 * duplicate vertices removed, an unclosed ring closed. Anything that would need a guess (a missing or
 * non-numeric value, too few positions) is reported instead, with where it is, so the caller can name it.
 * Never mutates its input. A ring that needs no repair is returned as is (the input array itself, now
 * known to hold only [x, y] number pairs): sync reads 80,000 rings in one go, and copying them all doubled
 * the garbage-collection work for nothing. Callers hand in freshly parsed JSON that nobody else holds, so
 * sharing it is safe; a repaired ring is made of fresh pairs.
 */
import type { LinearRing, Position } from './geojson.types';

export type RingReadResult =
  | {
      ok: true;
      ring: LinearRing;
      /** The most values any position carried: 3 (Z) or 4 (Z, M) means extras were dropped. */
      dimensions: number;
      /** The ring was not closed and its first position was appended. */
      closed: boolean;
      /** How many consecutive duplicate vertices were removed. */
      duplicatesRemoved: number;
    }
  | { ok: false; kind: 'not-a-list'; value: unknown }
  /** `value` is the whole position when `wholePosition`, else its offending x or y. */
  | { ok: false; kind: 'bad-position'; positionIndex: number; value: unknown; wholePosition: boolean }
  | { ok: false; kind: 'too-short'; positions: number };

/** A closed ring needs at least a triangle plus the closing position. */
export const MIN_RING_POSITIONS = 4;

export function readRing(raw: unknown): RingReadResult {
  if (!Array.isArray(raw)) return { ok: false, kind: 'not-a-list', value: raw };
  let dimensions = 2;
  let duplicatesRemoved = 0;
  // First pass: validate, and find out whether anything needs repairing, without allocating.
  for (let i = 0; i < raw.length; i++) {
    const position: unknown = raw[i];
    if (!Array.isArray(position) || position.length < 2) {
      return { ok: false, kind: 'bad-position', positionIndex: i, value: position, wholePosition: true };
    }
    const x: unknown = position[0];
    const y: unknown = position[1];
    // typeof + isFinite rejects null, NaN, ±Infinity, numeric strings and everything else in one pass.
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      return { ok: false, kind: 'bad-position', positionIndex: i, value: x, wholePosition: false };
    }
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      return { ok: false, kind: 'bad-position', positionIndex: i, value: y, wholePosition: false };
    }
    if (position.length > dimensions) dimensions = position.length;
    const previous = raw[i - 1] as Position | undefined;
    if (previous !== undefined && previous[0] === x && previous[1] === y) duplicatesRemoved++;
  }
  const first = raw[0] as Position | undefined;
  const last = raw[raw.length - 1] as Position | undefined;
  const unclosed = first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1]);
  // Every element was just checked to be a list starting with two finite numbers.
  const positions = raw as Position[];
  const { ring, closed } =
    dimensions === 2 && duplicatesRemoved === 0 && !unclosed ? { ring: positions, closed: false } : repair(positions);
  if (ring.length < MIN_RING_POSITIONS) return { ok: false, kind: 'too-short', positions: ring.length };
  return { ok: true, ring, dimensions, closed, duplicatesRemoved };
}

/** Second pass, only for rings that need it: fresh 2-D pairs, duplicates dropped, closed. */
function repair(positions: readonly Position[]): { ring: LinearRing; closed: boolean } {
  const ring: Position[] = [];
  for (const [x, y] of positions) {
    const previous = ring[ring.length - 1];
    if (previous === undefined || previous[0] !== x || previous[1] !== y) ring.push([x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  let closed = false;
  if (first !== undefined && last !== undefined && ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
    closed = true;
  }
  return { ring, closed };
}
