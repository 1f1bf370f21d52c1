/**
 * Layout edits: pure functions from a claim list to a new claim list (inputs are never mutated), so each edit
 * can be pushed onto the undo history as is. Offsets typed in feet are GROUND feet and become grid metres
 * through the scale factor k (the plugin applied canvas units to layer units); east/north are grid east/north,
 * like the azimuth.
 */
import { utmScaleFactor, type Utm } from '../geo/utm';
import { generateGrid } from './grid';
import { longAxisDeg, orientAxis } from './grid-axis';
import type { ClaimKind, LayoutClaim } from './layout.types';
import { axesFor, centroidOf, claimCentre, claimName, clipName, ftToM, idFactory } from './layout-util';

type Ids = readonly string[] | null;

function selector(ids: Ids): (claim: LayoutClaim) => boolean {
  if (ids === null) return () => true;
  const set = new Set(ids);
  return (claim) => set.has(claim.id);
}

function mapCorners(claims: readonly LayoutClaim[], ids: Ids, fn: (p: Utm) => Utm): LayoutClaim[] {
  const selected = selector(ids);
  return claims.map((claim) => (selected(claim) ? { ...claim, corners: claim.corners.map(fn) } : claim));
}

function selectedCentre(claims: readonly LayoutClaim[], ids: Ids): Utm | null {
  const selected = claims.filter(selector(ids));
  return selected.length === 0 ? null : centroidOf(selected.map(claimCentre));
}

/** Shift by grid metres (a map drag: the UTM difference of the drag's end points). */
export function translateClaims(claims: readonly LayoutClaim[], ids: Ids, dxM: number, dyM: number): LayoutClaim[] {
  return mapCorners(claims, ids, ([x, y]) => [x + dxM, y + dyM]);
}

/** Move by a typed offset in ground feet; k is taken at the centre of the moved claims. */
export function moveClaims(claims: readonly LayoutClaim[], ids: Ids, eastFt: number, northFt: number, epsg: number): LayoutClaim[] {
  const centre = selectedCentre(claims, ids);
  if (centre === null) return [...claims];
  const k = utmScaleFactor(epsg, centre);
  return translateClaims(claims, ids, ftToM(eastFt) * k, ftToM(northFt) * k);
}

/** Rotate clockwise about `pivot` (default: the centre of the rotated claims). A rigid grid rotation. */
export function rotateClaims(claims: readonly LayoutClaim[], ids: Ids, degreesClockwise: number, pivot?: Utm): LayoutClaim[] {
  const centre = pivot ?? selectedCentre(claims, ids);
  if (centre === null) return [...claims];
  const t = (degreesClockwise * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const [px, py] = centre;
  return mapCorners(claims, ids, ([x, y]) => {
    const dx = x - px;
    const dy = y - py;
    return [px + dx * cos + dy * sin, py - dx * sin + dy * cos];
  });
}

export interface RenumberOptions {
  order: 'rows' | 'serpentine';
  /**
   * Which way is forward, degrees clockwise from grid north (the grid's azimuth as generated). The axis itself is
   * read from the claims, so a grid rotated since it was generated still numbers along its own rows; this only
   * picks the end numbering starts from, and is the axis when the claims have none (square or irregular shapes).
   */
  azimuthDeg: number;
  /** Claims whose centres lie within this distance along the axis of a row's first claim share its row. */
  rowToleranceFt: number;
  prefix: string;
  firstNumber: number;
}

/**
 * Reorders and renames claims row by row: rows from the azimuth-forward side, each row left to right (seen
 * facing along the azimuth); serpentine runs every second row right to left. Rows are found in the grid's own
 * frame, read from the claims' long sides, with a tolerance, so rotated or slightly irregular grids number
 * correctly (the plugin sorted by (−y, x) with no tolerance and numbered rotated grids erratically; measuring
 * rows along map north instead of the grid's axis split every tilted row into single claims, which serpentine
 * then reversed in turn: 1, 2, 4, 3).
 */
export function renumberClaims(claims: readonly LayoutClaim[], opts: RenumberOptions): LayoutClaim[] {
  const axis = longAxisDeg(claims.map((claim) => claim.corners));
  const { along, right } = axesFor(axis === null ? opts.azimuthDeg : orientAxis(axis, opts.azimuthDeg));
  const origin = centroidOf(claims.map(claimCentre));
  const placed = claims.map((claim) => {
    const [x, y] = claimCentre(claim);
    const dx = x - origin[0];
    const dy = y - origin[1];
    return { claim, forward: dx * along[0] + dy * along[1], across: dx * right[0] + dy * right[1] };
  });
  placed.sort((a, b) => b.forward - a.forward);
  const tolerance = ftToM(Math.max(0, opts.rowToleranceFt));
  const rows: (typeof placed)[] = [];
  for (const item of placed) {
    const row = rows[rows.length - 1];
    // Compare with the row's first (forward-most) claim, not the last, so jitter cannot chain rows together.
    if (row && row[0]!.forward - item.forward <= tolerance) row.push(item);
    else rows.push([item]);
  }
  const ordered = rows.flatMap((row, i) => {
    row.sort((a, b) => a.across - b.across);
    return opts.order === 'serpentine' && i % 2 === 1 ? row.reverse() : row;
  });
  return ordered.map(({ claim }, i) => ({ ...claim, name: claimName(opts.prefix, opts.firstNumber + i) }));
}

/** `${prefix} ${n}` in the current order. */
export function renameClaims(claims: readonly LayoutClaim[], prefix: string, firstNumber: number): LayoutClaim[] {
  return claims.map((claim, i) => ({ ...claim, name: claimName(prefix, firstNumber + i) }));
}

export function deleteClaims(claims: readonly LayoutClaim[], ids: readonly string[]): LayoutClaim[] {
  const gone = new Set(ids);
  return claims.filter((claim) => !gone.has(claim.id));
}

const NUMBERED = /^(.*?)\s*(\d+)$/;

/** The next "prefix n" after the highest n already used with that prefix (default: the last numbered claim's). */
export function nextFreeName(claims: readonly LayoutClaim[], prefix?: string): string {
  const parsed = claims.map((c) => NUMBERED.exec(c.name.trim())).filter((m): m is RegExpExecArray => m !== null);
  const wanted = (prefix ?? parsed[parsed.length - 1]?.[1] ?? '').trim();
  const used = parsed.filter((m) => (m[1] ?? '').trim() === wanted).map((m) => Number(m[2]));
  return claimName(wanted, used.length === 0 ? 1 : Math.max(...used) + 1);
}

export interface AddClaimOptions {
  /** Centre of the new claim. */
  at: Utm;
  kind: ClaimKind;
  azimuthDeg: number;
  name?: string;
  /** Prefix for the automatic name (default: the last numbered claim's prefix). */
  prefix?: string;
}

/** Appends one full-size claim (ground-true, like the grid tool's) centred at `at`. */
export function addClaim(claims: readonly LayoutClaim[], opts: AddClaimOptions, epsg: number): LayoutClaim[] {
  const [shape] = generateGrid(
    { kind: opts.kind, rows: 1, cols: 1, azimuthDeg: opts.azimuthDeg, prefix: '', firstNumber: 1, anchorMode: 'center', anchor: opts.at },
    epsg,
  );
  if (!shape) return [...claims];
  const id = idFactory('a', new Set(claims.map((c) => c.id)))(String(claims.length + 1));
  const name = clipName(opts.name ?? '') || nextFreeName(claims, opts.prefix);
  return [...claims, { ...shape, id, name, source: 'added' }];
}
