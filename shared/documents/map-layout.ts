/**
 * Where things sit on a map sheet, in INCHES from the sheet's bottom-left corner (the PDF convention, so the
 * renderer only multiplies by 72). The planner needs the map frame's size to choose a scale, and the renderer
 * needs the same rectangles to draw, so both read them from here.
 *
 * Portrait: title block across the top (beside the recording block when the state wants one, which sits in the
 * page's own top-right corner as the recorder stamps it), the map, an optional table, notes, then a strip with
 * north arrow, scale bar and legend. Landscape: the map on the left with the table under it, and a side panel
 * with title block, north arrow, scale bar, legend and notes.
 */

export type Orientation = 'portrait' | 'landscape';

export interface InchRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SheetLayout {
  pageIn: [number, number];
  orientation: Orientation;
  title: InchRect;
  recording: InchRect | null;
  /** The map's neatline; grid tick labels go in the LABEL_IN band just outside it. */
  map: InchRect | null;
  north: InchRect | null;
  scaleBar: InchRect | null;
  legend: InchRect | null;
  notes: InchRect | null;
  table: InchRect | null;
}

export const MARGIN_IN = 0.375;
/**
 * Every word on a recorded map is at least 10 pt (A.R.S. 11-480(A)(4); many recorders hold to the same), so the
 * bands below are sized for ten-point text: tick labels beside the neatline, table rows, title cells and notes.
 */
export const MAP_MIN_PT = 10;
/** Room outside the neatline for easting / northing labels. */
export const LABEL_IN = 0.22;
export const TABLE_HEADER_IN = 0.24;
export const TABLE_ROW_IN = 0.19;
/** Header band without a recording block: a heading and four rows of ten-point title cells. */
const HEADER_IN = 2.45;
const STRIP_IN = 1.0;
const NOTES_IN = 1.15;
const GAP_IN = 0.07;
const PANEL_IN = 3.3;

export function tableHeightIn(rows: number): number {
  return rows > 0 ? TABLE_HEADER_IN + rows * TABLE_ROW_IN : 0;
}

/** Portrait or landscape page size from a portrait [width, height]. */
export function orientPage(portraitIn: readonly [number, number], orientation: Orientation): [number, number] {
  const [a, b] = portraitIn;
  return orientation === 'portrait' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
}

function header(pageIn: [number, number], recordingIn: number | null): Pick<SheetLayout, 'title' | 'recording'> & { bottom: number } {
  const [w, h] = pageIn;
  const m = MARGIN_IN;
  if (recordingIn === null) {
    return { title: { x: m, y: h - HEADER_IN, w: w - 2 * m, h: HEADER_IN - m }, recording: null, bottom: h - HEADER_IN };
  }
  const band = Math.max(recordingIn, HEADER_IN);
  return {
    title: { x: m, y: h - band, w: w - recordingIn - m - GAP_IN, h: band - m },
    recording: { x: w - recordingIn, y: h - recordingIn, w: recordingIn, h: recordingIn },
    bottom: h - band,
  };
}

/** A map sheet with `tableRows` rows of table under the map (0: no table on this sheet). */
export function mapSheetLayout(
  pageIn: [number, number],
  orientation: Orientation,
  recordingIn: number | null,
  tableRows: number,
): SheetLayout {
  return orientation === 'portrait' ? portraitMap(pageIn, recordingIn, tableRows) : landscapeMap(pageIn, tableRows);
}

function portraitMap(pageIn: [number, number], recordingIn: number | null, tableRows: number): SheetLayout {
  const [w] = pageIn;
  const m = MARGIN_IN;
  const head = header(pageIn, recordingIn);
  const inner = w - 2 * m;
  const north = { x: m, y: m, w: 0.95, h: STRIP_IN };
  const scaleBar = { x: m + 1.05, y: m, w: 2.35, h: STRIP_IN };
  const legend = { x: m + 3.5, y: m, w: inner - 3.5, h: STRIP_IN };
  const notes = { x: m, y: m + STRIP_IN + GAP_IN, w: inner, h: NOTES_IN };
  let bottom = notes.y + notes.h + GAP_IN;
  let table: InchRect | null = null;
  if (tableRows > 0) {
    table = { x: m, y: bottom, w: inner, h: tableHeightIn(tableRows) };
    bottom += table.h + GAP_IN;
  }
  const map = { x: m + LABEL_IN, y: bottom + LABEL_IN, w: inner - 2 * LABEL_IN, h: head.bottom - GAP_IN - LABEL_IN - bottom - LABEL_IN };
  return { pageIn, orientation: 'portrait', title: head.title, recording: head.recording, map, north, scaleBar, legend, notes, table };
}

function landscapeMap(pageIn: [number, number], tableRows: number): SheetLayout {
  const [w, h] = pageIn;
  const m = MARGIN_IN;
  const px = w - m - PANEL_IN;
  const top = h - m;
  const title = { x: px, y: top - 3.55, w: PANEL_IN, h: 3.55 };
  const north = { x: px, y: title.y - GAP_IN - STRIP_IN, w: 0.95, h: STRIP_IN };
  const scaleBar = { x: px + 1.05, y: north.y, w: PANEL_IN - 1.05, h: STRIP_IN };
  const legend = { x: px, y: north.y - GAP_IN - 1.6, w: PANEL_IN, h: 1.6 };
  const notes = { x: px, y: m, w: PANEL_IN, h: legend.y - GAP_IN - m };
  const left = px - GAP_IN - m;
  let bottom = m;
  let table: InchRect | null = null;
  if (tableRows > 0) {
    table = { x: m, y: m, w: left, h: tableHeightIn(tableRows) };
    bottom += table.h + GAP_IN;
  }
  const map = { x: m + LABEL_IN, y: bottom + LABEL_IN, w: left - 2 * LABEL_IN, h: top - LABEL_IN - bottom - LABEL_IN };
  return { pageIn, orientation: 'landscape', title, recording: null, map, north, scaleBar, legend, notes, table };
}

/** A sheet that only carries a table (courses or waypoints that did not fit beside the map) under the title block. */
export function tableSheetLayout(pageIn: [number, number], recordingIn: number | null): SheetLayout & { rowsPerSheet: number } {
  const m = MARGIN_IN;
  const head = header(pageIn, recordingIn);
  const height = head.bottom - GAP_IN - m;
  const table = { x: m, y: m, w: pageIn[0] - 2 * m, h: height };
  const rowsPerSheet = Math.max(1, Math.floor((height - TABLE_HEADER_IN) / TABLE_ROW_IN));
  return {
    pageIn,
    orientation: pageIn[0] > pageIn[1] ? 'landscape' : 'portrait',
    title: head.title,
    recording: head.recording,
    map: null,
    north: null,
    scaleBar: null,
    legend: null,
    notes: null,
    table,
    rowsPerSheet,
  };
}
