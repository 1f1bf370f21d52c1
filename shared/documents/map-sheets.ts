/**
 * The claim map's sheet and scale, from each state's map rule (NRS 517.040, A.R.S. 27-203(B), C.R.S. 34-43-106(2),
 * Alaska's certificate-of-location map), and the planner that fits an order's claims onto sheets.
 *
 * Grid versus ground: the map is drawn in NAD83 / UTM grid metres, while "1 in = 500 ft" is a statement about the
 * ground. One paper inch therefore covers feetPerInch × FOOT_M × k grid metres, with k the scale factor at the
 * block's centre (0.9996–1.0004): a scale bar read off the sheet then gives ground feet, as the law measures.
 */
import type { Utm } from '../geo/utm';
import { boundsOf, rectCentre, type GridRect } from './map-geometry';
import { mapSheetLayout, orientPage, tableSheetLayout, type Orientation, type SheetLayout } from './map-layout';
import {
  finestFittingScale,
  gridMetresPerInch,
  INDEX_FEET_PER_INCH,
  NICE_FEET_PER_INCH,
  scaleDenominator,
  windowFor,
} from './map-scale';
import { tileSheets, type PlanClaim, type Tile } from './map-tiles';

export { finestFittingScale, gridMetresPerInch, NICE_FEET_PER_INCH, scaleDenominator } from './map-scale';
export type { PlanClaim } from './map-tiles';

export interface MapSheetRule {
  /** Two-letter state code, or DEFAULT. */
  code: string;
  sheet: 'letter' | 'legal';
  /** Portrait size in inches. */
  sheetIn: [number, number];
  /** The coarsest scale allowed: one inch on paper shows at most this many ground feet. */
  maxFeetPerInch: number;
  /** Side of the empty square the county recorder stamps, top right of every sheet; null: none required. */
  recordingBlockIn: number | null;
  orientations: readonly Orientation[];
  /** The rule in words with its source, for the map's notes and for staff. */
  source: string;
}

const LETTER: [number, number] = [8.5, 11];
const LEGAL: [number, number] = [8.5, 14];

export const MAP_SHEET_RULES: Readonly<Record<string, MapSheetRule>> = {
  // Portrait only: the recording block is "top right" of the sheet as recorded, and recorders scan upright.
  NV: {
    code: 'NV', sheet: 'legal', sheetIn: LEGAL, maxFeetPerInch: 500, recordingBlockIn: 3, orientations: ['portrait'],
    source: 'NRS 517.040: 8.5 × 14 in sheet at 500 ft/in or larger, 3 × 3 in recording block top right, monument positions and numbers, tie to a PLSS corner or landmark, T/R/S.',
  },
  AZ: {
    code: 'AZ', sheet: 'legal', sheetIn: LEGAL, maxFeetPerInch: 2000, recordingBlockIn: null, orientations: ['portrait', 'landscape'],
    source: 'ARS 27-203 B/C: at most 8.5 × 14 in, 1 in ≤ 2,000 ft; claim name, location date, lode/placer, north arrow, monument types, bearings and distances, tie.',
  },
  AK: {
    code: 'AK', sheet: 'letter', sheetIn: LETTER, maxFeetPerInch: 5280, recordingBlockIn: null, orientations: ['portrait', 'landscape'],
    source: 'Alaska certificate of location: at most 8.5 × 11 in, 1:63,360 or larger, scale and north arrow.',
  },
  // "About 1 in = 500 ft" for the field-survey map that may replace the discovery shaft: held as a limit.
  CO: {
    code: 'CO', sheet: 'letter', sheetIn: LETTER, maxFeetPerInch: 500, recordingBlockIn: null, orientations: ['portrait', 'landscape'],
    source: 'CRS 34-43-106(2): field-survey map at about 1 in = 500 ft.',
  },
};

/** No statutory map rule: letter, and no coarser than 1 in = 1,000 ft so a 600-ft claim is still 0.6 in wide. */
export const DEFAULT_MAP_SHEET_RULE: MapSheetRule = {
  code: 'DEFAULT', sheet: 'letter', sheetIn: LETTER, maxFeetPerInch: 1000, recordingBlockIn: null, orientations: ['portrait', 'landscape'],
  source: '43 CFR 3832.12: a map or sketch showing the claims, tied to a monument or landmark; letter sheet at 1 in ≤ 1,000 ft.',
};

export function mapSheetRule(stateCode: string | null): MapSheetRule {
  return (stateCode && MAP_SHEET_RULES[stateCode.trim().toUpperCase()]) || DEFAULT_MAP_SHEET_RULE;
}

/**
 * For a filing map, a table moved to its own sheet or a tie left off the map is worth this much coarser a scale
 * (one sheet with everything is what a recorder wants); the field map prefers detail (MapPlanInput.costs).
 */
export const FILING_COSTS = { tableOff: 1.6, tieOff: 1.6 };
/** A longer table always gets its own sheet: beside the map it would squeeze the drawing. */
export const MAX_TABLE_ROWS_ON_MAP = 12;
const MIN_MAP_HEIGHT_IN = 3;

export interface MapPlanInput {
  rule: MapSheetRule;
  claims: readonly PlanClaim[];
  /** Points shown when they fit without spoiling the scale (the tie's reference point). */
  optional?: readonly Utm[];
  /** UTM point scale factor k at the block's centre. */
  scaleFactor: number;
  /** Rows of the table printed with the map (bearings and distances, or waypoints). */
  tableRows: number;
  /** Score factors for a table or the optional points left off the map sheet; FILING_COSTS when omitted. */
  costs?: { tableOff: number; tieOff: number };
}

export interface Neighbours {
  north: number | null;
  south: number | null;
  east: number | null;
  west: number | null;
}

export type MapPage =
  | { kind: 'index'; number: number; layout: SheetLayout; window: GridRect; feetPerInch: number }
  | { kind: 'map'; number: number; layout: SheetLayout; window: GridRect; claimIds: string[]; neighbours: Neighbours }
  | { kind: 'table'; number: number; layout: SheetLayout; firstRow: number; rowCount: number };

export interface MapPlan {
  rule: MapSheetRule;
  orientation: Orientation;
  feetPerInch: number;
  scaleDenominator: number;
  gridMetresPerInch: number;
  tableOnMap: boolean;
  /** The optional points lie inside the single map sheet's window. */
  showsOptional: boolean;
  tiled: boolean;
  pages: MapPage[];
}

interface Candidate {
  score: number;
  orientation: Orientation;
  layout: SheetLayout;
  feetPerInch: number;
  tableOn: boolean;
  extent: GridRect;
  withOptional: boolean;
}

function singleSheetCandidates(input: MapPlanInput, claimExtent: GridRect, allExtent: GridRect): Candidate[] {
  const { rule } = input;
  const hasOptional = (input.optional ?? []).length > 0;
  const costs = input.costs ?? FILING_COSTS;
  const out: Candidate[] = [];
  for (const orientation of rule.orientations) {
    const pageIn = orientPage(rule.sheetIn, orientation);
    for (const tableOn of input.tableRows > 0 && input.tableRows <= MAX_TABLE_ROWS_ON_MAP ? [true, false] : [false]) {
      const layout = mapSheetLayout(pageIn, orientation, rule.recordingBlockIn, tableOn ? input.tableRows : 0);
      if (!layout.map || layout.map.h < MIN_MAP_HEIGHT_IN) continue;
      for (const withOptional of hasOptional ? [true, false] : [false]) {
        const extent = withOptional ? allExtent : claimExtent;
        const fpi = finestFittingScale(extent, layout.map, input.scaleFactor, NICE_FEET_PER_INCH, rule.maxFeetPerInch);
        if (fpi === null) continue;
        const cost = (tableOn || input.tableRows === 0 ? 1 : costs.tableOff) * (withOptional || !hasOptional ? 1 : costs.tieOff);
        // Landscape only when it actually buys a finer scale: portrait is what recorders and printers expect.
        const score = fpi * cost * (orientation === 'landscape' ? 1.01 : 1);
        out.push({ score, orientation, layout, feetPerInch: fpi, tableOn, extent, withOptional });
      }
    }
  }
  return out.sort((a, b) => a.score - b.score);
}

/** Plan every sheet of a map: one sheet when the claims fit at the state's coarsest scale, else tiles and an index. */
export function planMapSheets(input: MapPlanInput): MapPlan {
  const { rule } = input;
  const claimPoints = input.claims.flatMap((c) => c.ring);
  const claimExtent = boundsOf(claimPoints) ?? boundsOf(input.optional ?? []) ?? { minE: 0, minN: 0, maxE: 1, maxN: 1 };
  const allExtent = boundsOf([...claimPoints, ...(input.optional ?? [])]) ?? claimExtent;
  const best = singleSheetCandidates(input, claimExtent, allExtent)[0];
  if (best) {
    const mpi = gridMetresPerInch(best.feetPerInch, input.scaleFactor);
    const window = windowFor(rectCentre(best.extent), best.layout.map!, mpi);
    const none: Neighbours = { north: null, south: null, east: null, west: null };
    const pages: MapPage[] = [
      { kind: 'map', number: 1, layout: best.layout, window, claimIds: input.claims.map((c) => c.id), neighbours: none },
    ];
    if (!best.tableOn) pages.push(...tablePages(rule, input.tableRows, 2));
    return {
      rule,
      orientation: best.orientation,
      feetPerInch: best.feetPerInch,
      scaleDenominator: scaleDenominator(best.feetPerInch),
      gridMetresPerInch: mpi,
      tableOnMap: best.tableOn && input.tableRows > 0,
      showsOptional: best.withOptional,
      tiled: false,
      pages,
    };
  }
  return tiledPlan(input, claimExtent);
}

function tiledPlan(input: MapPlanInput, extent: GridRect): MapPlan {
  const { rule } = input;
  const feetPerInch = [...NICE_FEET_PER_INCH].reverse().find((fpi) => fpi <= rule.maxFeetPerInch) ?? NICE_FEET_PER_INCH[0];
  const mpi = gridMetresPerInch(feetPerInch, input.scaleFactor);
  let chosen: { orientation: Orientation; layout: SheetLayout; tiles: Tile[] } | null = null;
  for (const orientation of rule.orientations) {
    const layout = mapSheetLayout(orientPage(rule.sheetIn, orientation), orientation, rule.recordingBlockIn, 0);
    const found = tileSheets(input.claims, extent, layout.map!, mpi);
    if (!chosen || found.length < chosen.tiles.length) chosen = { orientation, layout, tiles: found };
  }
  const { orientation, layout } = chosen!;
  const indexFpi = finestFittingScale(extent, layout.map!, input.scaleFactor, INDEX_FEET_PER_INCH) ?? INDEX_FEET_PER_INCH.at(-1)!;
  const pages: MapPage[] = [
    { kind: 'index', number: 1, layout, window: windowFor(rectCentre(extent), layout.map!, gridMetresPerInch(indexFpi, input.scaleFactor)), feetPerInch: indexFpi },
  ];
  const numberAt = new Map(chosen!.tiles.map((t, k) => [`${t.row},${t.col}`, k + 2]));
  const at = (row: number, col: number): number | null => numberAt.get(`${row},${col}`) ?? null;
  for (const t of chosen!.tiles) {
    pages.push({
      kind: 'map',
      number: at(t.row, t.col)!,
      layout,
      window: t.window,
      claimIds: t.claimIds,
      neighbours: { north: at(t.row - 1, t.col), south: at(t.row + 1, t.col), east: at(t.row, t.col + 1), west: at(t.row, t.col - 1) },
    });
  }
  pages.push(...tablePages(rule, input.tableRows, pages.length + 1));
  return {
    rule,
    orientation,
    feetPerInch,
    scaleDenominator: scaleDenominator(feetPerInch),
    gridMetresPerInch: mpi,
    tableOnMap: false,
    showsOptional: false,
    tiled: true,
    pages,
  };
}

function tablePages(rule: MapSheetRule, rows: number, firstNumber: number): MapPage[] {
  const layout = tableSheetLayout(orientPage(rule.sheetIn, 'portrait'), rule.recordingBlockIn);
  const out: MapPage[] = [];
  for (let first = 0; first < rows; first += layout.rowsPerSheet) {
    const rowCount = Math.min(layout.rowsPerSheet, rows - first);
    out.push({ kind: 'table', number: firstNumber + out.length, layout, firstRow: first, rowCount });
  }
  return out;
}
