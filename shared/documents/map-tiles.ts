/**
 * Tiling for a claim block that does not fit one sheet at the state's coarsest scale: neatline-sized windows
 * in a grid, numbered row by row from the north-west by the planner (map-sheets.ts), which adds the index sheet.
 */
import { boundsOf, rectCentre, rectHeight, rectWidth, ringMeetsRect, type GridRect } from './map-geometry';
import type { InchRect } from './map-layout';
import type { Utm } from '../geo/utm';

/** Neighbouring sheets share this much paper so a claim cut by a sheet edge is seen whole on one side or the other. */
export const OVERLAP_IN = 0.4;

export interface PlanClaim {
  id: string;
  ring: readonly Utm[];
}

export interface Tile {
  row: number;
  col: number;
  window: GridRect;
  claimIds: string[];
}

/**
 * The sheets of a tiled map: a grid of neatline-sized windows centred on the block, overlapping by OVERLAP_IN,
 * keeping only windows some claim reaches into. Walks each claim's own span of the grid, so a stray claim far
 * from the block costs one sheet, not the empty grid in between.
 */
export function tileSheets(claims: readonly PlanClaim[], extent: GridRect, frameIn: InchRect, mpi: number): Tile[] {
  const frameE = frameIn.w * mpi;
  const frameN = frameIn.h * mpi;
  const overlap = OVERLAP_IN * mpi;
  const [stepE, stepN] = [frameE - overlap, frameN - overlap];
  const cols = Math.max(1, Math.ceil((rectWidth(extent) - overlap) / stepE));
  const rows = Math.max(1, Math.ceil((rectHeight(extent) - overlap) / stepN));
  const [ce, cn] = rectCentre(extent);
  const west = ce - (cols * stepE + overlap) / 2;
  const north = cn + (rows * stepN + overlap) / 2;
  const windowAt = (row: number, col: number): GridRect => {
    const minE = west + col * stepE;
    const maxN = north - row * stepN;
    return { minE, minN: maxN - frameN, maxE: minE + frameE, maxN };
  };
  const found = new Map<number, Tile>();
  for (const claim of claims) {
    const b = boundsOf(claim.ring);
    if (!b) continue;
    const clamp = (v: number, n: number): number => Math.min(n - 1, Math.max(0, v));
    // One sheet wider than strictly needed on the low side: its overlap band may hold the claim's edge.
    const [c0, c1] = [clamp(Math.floor((b.minE - west) / stepE) - 1, cols), clamp(Math.floor((b.maxE - west) / stepE), cols)];
    const [r0, r1] = [clamp(Math.floor((north - b.maxN) / stepN) - 1, rows), clamp(Math.floor((north - b.minN) / stepN), rows)];
    for (let row = r0; row <= r1; row += 1) {
      for (let col = c0; col <= c1; col += 1) {
        const window = windowAt(row, col);
        if (!ringMeetsRect(claim.ring, window)) continue;
        const key = row * cols + col;
        const tile = found.get(key) ?? { row, col, window, claimIds: [] };
        tile.claimIds.push(claim.id);
        found.set(key, tile);
      }
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, tile]) => tile);
}

