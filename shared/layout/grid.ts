/**
 * The grid tool: rows × cols claims of full legal size ON THE GROUND, laid out in the job's UTM CRS.
 *
 * Conventions (layout.types.ts): rows are stacked along the long axis and numbered from the azimuth-forward
 * side; columns run across it from the left (facing along the azimuth). The NW anchor is the end-left corner of
 * row 1, column 1 (the true NW corner at azimuth 0); the centre anchor is the middle of the whole block. The
 * plugin we replace put the "centre" at the NW corner and sized claims in grid feet; here the anchor is what
 * it says and every side measures 1,500.00 / 600.00 ground ft (ground-lattice.ts). Names run row by row.
 */
import type { Utm } from '../geo/utm';
import { groundFrame } from './ground-lattice';
import type { GridInput, LayoutClaim } from './layout.types';
import { claimName, claimSizeFt, effectiveAzimuthDeg, ftToM, idFactory } from './layout-util';

function checkCount(label: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`Grid ${label} must be a whole number ≥ 1 (got ${value}).`);
}

/**
 * The (rows + 1) × (cols + 1) corner lattice, computed once so neighbouring claims share corners exactly.
 * lattice[i][j] is i claim lengths behind the forward (end) line and j widths right of the left side line.
 */
export function gridLattice(params: GridInput, epsg: number): Utm[][] {
  const { rows, cols, kind, anchor, anchorMode } = params;
  checkCount('rows', rows);
  checkCount('columns', cols);
  const azimuthDeg = effectiveAzimuthDeg(params, epsg);
  const size = claimSizeFt(kind, params.marginFt ?? 0);
  const lengthM = ftToM(size.lengthFt);
  const widthM = ftToM(size.widthFt);
  const halfAlong = (rows * lengthM) / 2;
  const halfAcross = (cols * widthM) / 2;

  // Expand the ground→grid map about the block's centre, where its second-order residual is smallest.
  const centre = anchorMode === 'center' ? anchor : groundFrame(epsg, anchor, azimuthDeg).place(-halfAlong, halfAcross);
  const frame = groundFrame(epsg, centre, azimuthDeg);
  const lattice: Utm[][] = [];
  for (let i = 0; i <= rows; i += 1) {
    const row: Utm[] = [];
    for (let j = 0; j <= cols; j += 1) row.push(frame.place(halfAlong - i * lengthM, j * widthM - halfAcross));
    lattice.push(row);
  }
  if (anchorMode === 'nw') {
    // Put the NW corner exactly on the anchor; the shift is millimetres, so sizes are untouched.
    const nw = lattice[0]![0]!;
    const dx = anchor[0] - nw[0];
    const dy = anchor[1] - nw[1];
    for (const row of lattice) for (const p of row) {
      p[0] += dx;
      p[1] += dy;
    }
    lattice[0]![0] = [anchor[0], anchor[1]];
  }
  return lattice;
}

/**
 * Claims of the grid, row by row from the forward side, left to right, named from firstNumber. Corners are
 * start-left, end-left, end-right, start-right (clockwise). Ids are `g-<row>-<col>-<tag>`, unique against
 * `existingIds` when given.
 */
export function generateGrid(params: GridInput, epsg: number, existingIds?: ReadonlySet<string>): LayoutClaim[] {
  const lattice = gridLattice(params, epsg);
  const newId = idFactory('g', existingIds);
  const at = (i: number, j: number): Utm => {
    const p = lattice[i]![j]!;
    return [p[0], p[1]];
  };
  const claims: LayoutClaim[] = [];
  let n = params.firstNumber;
  for (let r = 0; r < params.rows; r += 1) {
    for (let c = 0; c < params.cols; c += 1) {
      claims.push({
        id: newId(`${r + 1}-${c + 1}`),
        name: claimName(params.prefix, n),
        kind: params.kind,
        corners: [at(r + 1, c), at(r, c), at(r, c + 1), at(r + 1, c + 1)],
        source: 'grid',
      });
      n += 1;
    }
  }
  return claims;
}
