/**
 * The claim map (for county and BLM filing) and the field map (the same drawing plus every post as a numbered
 * waypoint, the staking route and a waypoint table), drawn as vectors with pdf-lib. Sheet size and scale follow
 * the state's map rule (shared/documents/map-sheets.ts); a block too big for one sheet is tiled with an index.
 */
import type { PackageModel } from '../../../shared/documents/package-model.types';
import { placeText } from '../../../shared/documents/place-text';
import { formatBearing, formatFeet, formatAcres } from '../../../shared/documents/bearing-format';
import {
  claimRange,
  courseRows,
  mapContent,
  waypointRows,
  type MapContent,
  type MapDocument,
  type TableRow,
} from '../../../shared/documents/map-content';
import { formatAngle } from '../../../shared/documents/map-frame';
import { landDescriptionText } from '../../../shared/plss/land-description';
import { FILING_COSTS, mapSheetRule, planMapSheets, type MapPage, type MapPlan, type MapSheetRule } from '../../../shared/documents/map-sheets';
import type { DocumentRenderer, RenderContext, RenderResult } from '../document.types';
import { createPdf, INCH, savePdf } from './pdf-kit';
import { drawMapSheet, sheetProjection, toPoints } from './map-sheet.pdf';
import { drawBasemapCredit, drawBasemapUnder, type PrintBasemap } from './map-basemap.pdf';
import type { PackageProblem } from '../../../shared/documents/package-files';
import { scaleFactorNote } from './map-furniture.pdf';
import { WAYPOINT_COLUMNS, courseColumns, drawTable } from './map-tables.pdf';
import { drawRecordingBlock, drawTitleBlock, type TitleCell } from './map-title.pdf';

const thousands = new Intl.NumberFormat('en-US');
const longDate = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

function formatDate(iso: string | null): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  return longDate.format(new Date(`${iso}T12:00:00Z`));
}

function plssText(model: PackageModel): string {
  return landDescriptionText(model.plss);
}

function sheetsText(pages: readonly MapPage[], kind: MapPage['kind']): string {
  const numbers = pages.filter((p) => p.kind === kind).map((p) => p.number);
  if (numbers.length === 0) return '';
  return numbers.length === 1 ? `sheet ${numbers[0]}` : `sheets ${numbers[0]}–${numbers.at(-1)}`;
}

function titleCells(model: PackageModel, plan: MapPlan, sheet: MapPage): TitleCell[] {
  const scale = `1 in = ${thousands.format(plan.feetPerInch)} ft (1:${thousands.format(plan.scaleDenominator)})`;
  const place = placeText(model);
  const kindNote = sheet.kind === 'index' ? ' (index)' : sheet.kind === 'table' ? ' (table)' : '';
  // Nine cells: three rows of three give each ten-point value two lines in a portrait title block.
  const names = model.claimant.locators.map((l) => l.name).filter((n) => n !== '');
  return [
    { label: 'Order', value: model.order.orderNumber },
    { label: names.length > 1 ? 'Locators' : 'Claimant', value: names.join('; ') },
    { label: model.stateCode === 'AK' ? 'Recording district, state' : 'County, state', value: [place, model.district].filter((s) => s !== '').join(' · ') },
    { label: 'Township, range, section (PLSS)', value: plssText(model) },
    { label: 'Date of location', value: formatDate(model.dateOfLocation) },
    { label: 'Scale', value: sheet.kind === 'index' ? `Index 1 in = ${thousands.format(sheet.feetPerInch)} ft; map sheets ${scale}` : scale },
    { label: 'Datum and grid', value: `NAD83 / UTM zone ${model.utmZone}N (EPSG:${model.epsg})` },
    { label: 'Monuments', value: model.monumentType },
    { label: 'Sheet', value: `${sheet.number} of ${plan.pages.length}${kindNote} · prepared ${formatDate(model.preparedOn)}, ${model.generator.name} ${model.generator.version}` },
  ];
}

function heading(document: MapDocument, sheet: MapPage): string {
  const base = document === 'claim-map' ? 'CLAIM MAP' : 'FIELD MAP — STAKING WAYPOINTS';
  if (sheet.kind === 'index') return `${base} — INDEX OF SHEETS`;
  if (sheet.kind === 'table') return document === 'claim-map' ? 'CLAIM MAP — BEARINGS AND DISTANCES' : 'FIELD MAP — WAYPOINTS';
  return base;
}

function subheading(model: PackageModel, content: MapContent): string {
  const kinds = [...new Set(content.claims.map((c) => c.claim.kind))];
  const count = content.claims.length;
  const acres = content.claims.reduce((s, c) => s + c.claim.areaAcres, 0);
  const what = `${count} ${kinds.length === 1 ? kinds[0] : 'lode and placer'} claim${count === 1 ? '' : 's'}, ${formatAcres(acres)}`;
  return [model.order.projectName, claimRange(content.claims), what].filter((s) => s.trim() !== '').join(' · ');
}

function notesFor(model: PackageModel, content: MapContent, plan: MapPlan, document: MapDocument): string[] {
  const gamma = content.convergenceDeg;
  const notes = [
    `Bearings are true; ${scaleFactorNote(content.scaleFactor).replace(/^D/, 'd')} The arrow points to true north; GN, UTM grid north ` +
      `(zone ${model.utmZone}N), is ${formatAngle(gamma)} ${gamma >= 0 ? 'east' : 'west'} of it.`,
  ];
  const tie = content.tie;
  if (tie) {
    const where = plan.showsOptional ? '' : ' The reference point lies off the map; the tie line points to it.';
    notes.push(`Tie: Corner ${tie.fromCorner} of ${tie.fromClaim} to ${tie.description}, ${formatBearing(tie.bearingDeg)}, ${formatFeet(tie.distanceFt)}.${where}`);
  } else if (document === 'claim-map') {
    notes.push('Tie: none given. Add a tie to a PLSS corner or landmark before filing.');
  }
  if (content.survey) notes.push(`Section lines${content.survey.aliquots.length > 0 ? ' (quarter-quarter lines dotted)' : ''}: ${content.survey.source}.`);
  const tables = sheetsText(plan.pages, 'table');
  if (document === 'claim-map') {
    notes.push(`Map per ${plan.rule.source.split(':')[0]}. Corner numbers are the boundary-monument numbers.${tables ? ` Bearings and distances: ${tables}.` : ''}`);
  } else {
    notes.push(`Waypoints P1–P${content.posts.length} are the GPX waypoint names, numbered in staking order along the dashed route.${tables ? ` Coordinates: ${tables}.` : ''}`);
  }
  if (plan.tiled) {
    notes.push(`The claims span ${sheetsText(plan.pages, 'map')} at 1 in = ${thousands.format(plan.feetPerInch)} ft; sheet 1 is the index. Adjoining sheets are named inside the neatline and overlap slightly.`);
  }
  return notes;
}

/**
 * Ten-point names, corner numbers and monument labels need room: a 600-ft claim must be about an inch wide on
 * paper. Maps are therefore drawn at 1 in = 500 ft or larger even where the state allows a coarser scale (AZ
 * 1 in ≤ 2,000 ft, AK 1:63,360); a block too big for one sheet is tiled with an index, as the rule permits.
 */
export const LEGIBLE_FEET_PER_INCH = 500;

function legibleRule(rule: MapSheetRule): MapSheetRule {
  return { ...rule, maxFeetPerInch: Math.min(rule.maxFeetPerInch, LEGIBLE_FEET_PER_INCH) };
}

/** What a map document draws and on which sheets; the georeference tests place points with the same plan. */
export function planMapDocument(model: PackageModel, document: MapDocument): { content: MapContent; plan: MapPlan; rows: TableRow[] } {
  const content = mapContent(model, document);
  const stateRule = legibleRule(mapSheetRule(model.stateCode));
  // The field map is the crew's copy, never recorded: same sheet and scale, no recorder's square.
  const rule = document === 'claim-map' ? stateRule : { ...stateRule, recordingBlockIn: null };
  const rows = document === 'claim-map' ? courseRows(content.claims) : waypointRows(content.posts);
  const plan = planMapSheets({
    rule,
    claims: content.claims.map((c) => ({ id: c.claim.id, ring: c.ring })),
    optional: content.tie ? [content.tie.utm] : [],
    scaleFactor: content.scaleFactor,
    tableRows: rows.length,
    // The crew's map wants detail: its table and the far tie point only stay on the sheet when they cost no scale.
    costs: document === 'claim-map' ? FILING_COSTS : { tableOff: 1, tieOff: 1 },
  });
  return { content, plan, rows };
}

async function renderMap(model: PackageModel, context: RenderContext, document: MapDocument): Promise<RenderResult> {
  const { content, plan, rows } = planMapDocument(model, document);
  const title = `${document === 'claim-map' ? 'Claim map' : 'Field map'} ${model.order.orderNumber}`;
  const { doc, fonts } = await createPdf(context.fonts, {
    title,
    subject: subheading(model, content),
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const columns = document === 'claim-map' ? courseColumns(fonts, content.claims.map((c) => c.claim.name)) : WAYPOINT_COLUMNS;
  const notes = notesFor(model, content, plan, document);
  const sub = subheading(model, content);
  const underlay = printedBasemap(context, document);
  const problems = [...content.problems, ...underlay.problems];
  const uncovered: number[] = [];
  for (const sheet of plan.pages) {
    const [w, h] = sheet.layout.pageIn;
    const page = doc.addPage([w * INCH, h * INCH]);
    drawTitleBlock(page, fonts, toPoints(sheet.layout.title), heading(document, sheet), sub, titleCells(model, plan, sheet));
    if (sheet.layout.recording) drawRecordingBlock(page, toPoints(sheet.layout.recording));
    if (sheet.kind === 'table') {
      drawTable(page, fonts, toPoints(sheet.layout.table!), columns, rows.slice(sheet.firstRow, sheet.firstRow + sheet.rowCount));
      continue;
    }
    const proj = sheetProjection(sheet);
    const under = underlay.basemap ? await drawBasemapUnder(page, proj, model.epsg, underlay.basemap) : null;
    if (under && !under.drawn) uncovered.push(sheet.number);
    drawMapSheet(page, fonts, { document, content, plan, utmZone: model.utmZone, notes, underlay: under?.drawn === true }, sheet);
    if (under?.drawn) drawBasemapCredit(page, fonts, proj, underlay.basemap!);
    if (plan.tableOnMap && sheet.layout.table) drawTable(page, fonts, toPoints(sheet.layout.table), columns, rows);
  }
  if (underlay.basemap && uncovered.length > 0) {
    const name = underlay.basemap.archive.info.name;
    problems.push({ document, claim: null, message: `The basemap ${name} does not cover ${uncovered.length === 1 ? 'sheet' : 'sheets'} ${uncovered.join(', ')}; printed without it there.` });
  }
  const bytes = await savePdf(doc);
  return { document: { kind: document, bytes, pages: doc.getPageCount() }, problems };
}

/** The basemap to print under this document's sheets, or why a configured one is not printed. */
function printedBasemap(context: RenderContext, document: MapDocument): { basemap: PrintBasemap | null; problems: PackageProblem[] } {
  const configured = context.basemap;
  if (!configured || (configured.print === 'field-map' && document !== 'field-map')) return { basemap: null, problems: [] };
  const { info } = configured.archive;
  if (info.format !== 'png' && info.format !== 'jpg') {
    const what = info.type === 'vector' ? 'vector tiles' : `${info.format.toUpperCase()} images`;
    return { basemap: null, problems: [{ document, claim: null, message: `The basemap ${info.name} holds ${what}; only PNG or JPEG raster basemaps can be printed, so the map is printed without it.` }] };
  }
  return { basemap: { archive: configured.archive, embedded: new Map() }, problems: [] };
}

export const renderClaimMap: DocumentRenderer = (model, context) => renderMap(model, context, 'claim-map');

export const renderFieldMap: DocumentRenderer = (model, context) => renderMap(model, context, 'field-map');
