/**
 * Small helpers shared by the layout modules: claim sizes, the grid frame of an azimuth, names, ids and ring
 * orientation. Everything is in the job's NAD83 / UTM CRS (grid metres, x east, y north).
 */
import { trueToGridDeg } from '../geo/convergence';
import { FOOT_M, type Utm } from '../geo/utm';
import type { ClaimKind, LayoutClaim } from './layout.types';
import { signedArea } from '../geo/ground';

/**
 * Ground feet. Lode: 1,500 ft along the vein × 600 ft across (43 CFR 3832.22(a)). Placer: a 20-acre half
 * quarter-quarter, 1,320 ft north-south × 660 ft east-west, so its "long axis" is north.
 */
export const CLAIM_SIZE_FT: Record<ClaimKind, { lengthFt: number; widthFt: number }> = {
  lode: { lengthFt: 1500, widthFt: 600 },
  placer: { lengthFt: 1320, widthFt: 660 },
};

/** A claim's ground size with the layout margin taken off both sides (GridParams.marginFt). */
export function claimSizeFt(kind: ClaimKind, marginFt = 0): { lengthFt: number; widthFt: number } {
  const size = CLAIM_SIZE_FT[kind];
  return { lengthFt: size.lengthFt - marginFt, widthFt: size.widthFt - marginFt };
}

/**
 * The grid azimuth the claims' long axis takes. Lodes follow the form. Placers run north-south whatever the form
 * holds: along UTM grid north, or along true north at the anchor when the layout follows the public land survey
 * (placerNorth 'true'), which is grid azimuth −convergence there.
 */
export function effectiveAzimuthDeg(
  params: { kind: ClaimKind; azimuthDeg: number; placerNorth?: 'grid' | 'true'; anchor?: Utm },
  epsg?: number,
): number {
  if (params.kind !== 'placer') return params.azimuthDeg;
  if (params.placerNorth !== 'true' || epsg === undefined || !params.anchor) return 0;
  return trueToGridDeg(epsg, params.anchor, 0);
}

export interface Axes {
  /** Unit vector along the azimuth (grid bearing clockwise from grid north). */
  along: Utm;
  /** Unit vector to the right when facing along the azimuth. */
  right: Utm;
}

export function axesFor(azimuthDeg: number): Axes {
  const t = (azimuthDeg * Math.PI) / 180;
  const s = Math.sin(t);
  const c = Math.cos(t);
  return { along: [s, c], right: [c, -s] };
}

export const ftToM = (ft: number): number => ft * FOOT_M;

export function centroidOf(points: readonly Utm[]): Utm {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p[0];
    y += p[1];
  }
  const n = Math.max(1, points.length);
  return [x / n, y / n];
}

/** Vertex-average centre of a claim: exact for the parallelograms the grid tool makes, close enough for sorting. */
export function claimCentre(claim: LayoutClaim): Utm {
  return centroidOf(claim.corners);
}

const MAX_NAME = 120; // layoutClaimSchema's limit

/** `${prefix} ${n}`, trimmed, so an empty prefix gives just the number. */
export function claimName(prefix: string, n: number): string {
  return `${prefix.trim()} ${n}`.trim().slice(0, MAX_NAME);
}

export function clipName(name: string): string {
  return name.trim().slice(0, MAX_NAME);
}

let idCounter = 0;

/**
 * Ids only need to be unique within a job and look stable in logs. A module counter plus a random tag per call
 * keeps them unique across calls and across app restarts (the counter restarts, the tag does not repeat).
 */
export function idFactory(kind: string, existing?: ReadonlySet<string>): (label: string) => string {
  idCounter += 1;
  const tag = `${idCounter.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
  return (label) => {
    let id = `${kind}-${label}-${tag}`;
    for (let k = 2; existing?.has(id); k += 1) id = `${kind}-${label}-${tag}-${k}`;
    return id;
  };
}


/**
 * An open ring (closing vertex dropped), clockwise as LayoutClaim.corners requires. A counter-clockwise ring is
 * reversed keeping its first vertex, so a customer's ring drawn start-corner first still starts there.
 */
export function openClockwise(ring: readonly Utm[]): Utm[] {
  const open = ring.map((p): Utm => [p[0], p[1]]);
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) open.pop();
  if (signedArea(open) <= 0 || open.length < 3) return open;
  return [open[0]!, ...open.slice(1).reverse()];
}
