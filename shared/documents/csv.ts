/**
 * Corners and monuments as CSV, for spreadsheets, survey software and GIS: one row per claim corner and per
 * monument, so a post shared by adjacent claims appears once for every claim it marks, each time with the same
 * post_id (the GPX waypoint that finds it).
 *
 * RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
 * Expects a screened model (field-files.ts); a claim with unusable coordinates is still left out here.
 */
import { formatLatLon, formatUtm } from './bearing-format';
import { isUsableLonLat } from './gpx';
import type { PackageClaim, PackageModel } from './package-model.types';

export const CSV_HEADER = ['claim', 'designation', 'kind', 'post_id', 'latitude', 'longitude', 'easting', 'northing', 'epsg'] as const;

/**
 * Excel opens a BOM-less .csv in the machine's legacy code page (Windows-1252 in the US), turning "Łukasz" into
 * "Å\u0081ukasz"; the UTF-8 byte order mark makes it read UTF-8. Other tools skip the BOM.
 */
export const UTF8_BOM = '\uFEFF';

/** A number cell: written as is, never prefixed, so -117.0527734 stays a number in a spreadsheet. */
interface NumberCell {
  number: string;
}
type Cell = string | NumberCell;

/**
 * A text cell that starts with = + - @ (or tab / CR, which some spreadsheets skip before reading a formula) would
 * run as a formula when the file is opened (CSV injection): a claim named "=HYPERLINK(…)" must stay text. The
 * leading apostrophe is the OWASP-recommended neutraliser; spreadsheets hide it.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: only when needed, with quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Control characters other than tab / CR / LF have no business in a cell and make some importers stop reading.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? quoteCsvField(neutraliseFormula(cell.replace(CONTROL_CHARS, ''))) : cell.number;
}

export function csvRow(cells: Cell[]): string {
  return cells.map(cellText).join(',');
}

function usableUtm(utm: readonly number[]): boolean {
  return utm.length >= 2 && Number.isFinite(utm[0]) && Number.isFinite(utm[1]);
}

/** True when every corner and monument of the claim can be written (at least three corners). */
export function claimHasUsableCoordinates(claim: Pick<PackageClaim, 'corners' | 'monuments'>): boolean {
  if (claim.corners.length < 3) return false;
  return [...claim.corners, ...claim.monuments].every((p) => isUsableLonLat(p.lonLat) && usableUtm(p.utm));
}

function claimRows(claim: PackageClaim, epsg: number): string[] {
  const points = [
    ...claim.corners.map((c) => ({ designation: `Corner ${c.number}`, kind: 'corner', point: c })),
    ...claim.monuments.map((m) => ({ designation: m.label, kind: m.kind as string, point: m })),
  ];
  return points.map(({ designation, kind, point }) => {
    const { latitude, longitude } = formatLatLon(point.lonLat);
    const { easting, northing } = formatUtm(point.utm);
    return csvRow([
      claim.name,
      designation,
      kind,
      point.postId,
      { number: latitude },
      { number: longitude },
      { number: easting },
      { number: northing },
      { number: String(epsg) },
    ]);
  });
}

/** The CSV as text, BOM first, every line (the last too) ending in CRLF. */
export function buildCsv(model: PackageModel): string {
  const rows = [csvRow([...CSV_HEADER])];
  for (const claim of model.claims) {
    if (claimHasUsableCoordinates(claim)) rows.push(...claimRows(claim, model.epsg));
  }
  return `${UTF8_BOM}${rows.map((row) => `${row}\r\n`).join('')}`;
}
