/**
 * The grid form's working values. Numbers are kept as the typed text so a field can be empty for a moment while
 * staff type; they are checked only when a grid is generated.
 */
import type { Utm } from '../../../../../shared/geo/utm';
import type { AnchorMode, ClaimKind, GridParams, Layout } from '../../../../../shared/layout/layout.types';
import { fitGridToArea, orderAzimuthDeg } from '../../../../../shared/layout/fit-to-area';
import { centroidOf } from '../../../../../shared/layout/layout-util';

export type GridDraft = {
  kind: ClaimKind;
  rows: string;
  cols: string;
  azimuthDeg: string;
  prefix: string;
  firstNumber: string;
  anchorMode: AnchorMode;
  anchor: Utm | null;
  /** Ground feet off each side (GridParams.marginFt), as typed. */
  marginFt: string;
  placerNorth: 'grid' | 'true';
};

/**
 * The form's starting values: the saved grid's, or — before any grid — what the order itself says: its long axis,
 * the rows × columns that cover its polygons along that axis (a near-square block of the purchased count when
 * it has none), centred on them.
 */
export function initialDraft(layout: Layout, orderRings: Utm[][], claimsPurchased: number, prefix: string, epsg: number): GridDraft {
  const grid = layout.grid;
  if (grid) {
    return {
      kind: grid.kind,
      rows: String(grid.rows),
      cols: String(grid.cols),
      azimuthDeg: String(grid.azimuthDeg),
      prefix: grid.prefix,
      firstNumber: String(grid.firstNumber),
      anchorMode: grid.anchorMode,
      anchor: grid.anchor,
      marginFt: String(grid.marginFt),
      placerNorth: grid.placerNorth,
    };
  }
  const points = orderRings.flat();
  const n = Math.max(1, claimsPurchased);
  const block = orderBlock(orderRings, n, epsg) ?? { rows: Math.ceil(n / Math.ceil(Math.sqrt(n))), cols: Math.ceil(Math.sqrt(n)), azimuthDeg: 0 };
  return {
    kind: 'lode',
    rows: String(block.rows),
    cols: String(block.cols),
    azimuthDeg: String(Math.round(block.azimuthDeg * 100) / 100),
    prefix,
    firstNumber: '1',
    anchorMode: 'center',
    anchor: points.length > 0 ? centroidOf(points) : null,
    marginFt: '0',
    // A new placer layout follows the public land survey (true north) unless staff choose the UTM grid.
    placerNorth: 'true',
  };
}

/** The order's own block: rows × columns along its long axis, when its polygons have one and fit the grid tool. */
function orderBlock(orderRings: Utm[][], purchased: number, epsg: number): { rows: number; cols: number; azimuthDeg: number } | null {
  if (orderRings.flat().length < 3) return null;
  const azimuthDeg = orderAzimuthDeg(orderRings);
  try {
    const { params } = fitGridToArea(orderRings, { kind: 'lode', azimuthDeg, prefix: '', firstNumber: 1, maxClaims: purchased }, epsg);
    return { rows: params.rows, cols: params.cols, azimuthDeg };
  } catch {
    return null;
  }
}

function whole(text: string, label: string, min: number, max: number): number | string {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    return `${label} must be a whole number from ${min} to ${max}.`;
  }
  return value;
}

/** The GridParams the form describes, or the first thing wrong with it (in words for the form). */
export function draftToParams(draft: GridDraft): { params: GridParams } | { error: string } {
  const rows = whole(draft.rows, 'Rows', 1, 100);
  if (typeof rows === 'string') return { error: rows };
  const cols = whole(draft.cols, 'Columns', 1, 100);
  if (typeof cols === 'string') return { error: cols };
  const firstNumber = whole(draft.firstNumber, 'First number', 1, 100_000);
  if (typeof firstNumber === 'string') return { error: firstNumber };
  const azimuth = Number(draft.azimuthDeg);
  if (draft.kind === 'lode' && (draft.azimuthDeg.trim() === '' || !Number.isFinite(azimuth) || azimuth < 0 || azimuth > 360)) {
    return { error: 'Azimuth must be from 0 to 360 degrees.' };
  }
  const marginFt = Number(draft.marginFt);
  if (draft.marginFt.trim() === '' || !Number.isFinite(marginFt) || marginFt < 0 || marginFt > 10) {
    return { error: 'Margin must be from 0 to 10 ft (e.g. 0.5 lays lodes out at 1,499.5 × 599.5 ft).' };
  }
  if (!draft.anchor) return { error: 'Place the anchor: click the map or type its coordinates.' };
  return {
    params: {
      kind: draft.kind,
      rows,
      cols,
      // Placer claims are north-south whatever was typed; store 0 so the saved grid says what was laid out.
      azimuthDeg: draft.kind === 'placer' ? 0 : azimuth % 360,
      prefix: draft.prefix.trim(),
      firstNumber,
      anchorMode: draft.anchorMode,
      anchor: draft.anchor,
      marginFt,
      placerNorth: draft.placerNorth,
    },
  };
}

export function paramsToDraft(params: GridParams): GridDraft {
  return initialDraft({ claims: [], grid: params }, [], 0, params.prefix, 0);
}
