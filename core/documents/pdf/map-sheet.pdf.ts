/**
 * One map (or index) sheet's drawing: the claims inside the neatline, clipped to it, with grid, tie, labels and,
 * on the field map, the route and waypoints; then the furniture around it. Layers go bottom to top so labels are
 * never painted over by a neighbouring claim's fill.
 */
import { popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import type { MapContent, MapDocument } from '../../../shared/documents/map-content';
import { gridTickStep, mapProjection, type MapProjection, type PaperRect } from '../../../shared/documents/map-frame';
import type { InchRect } from '../../../shared/documents/map-layout';
import { LabelSpace, boxAt } from '../../../shared/documents/map-labels';
import { gridMetresPerInch, type MapPage, type MapPlan } from '../../../shared/documents/map-sheets';
import { INCH, type PdfFonts } from './pdf-kit';
import { beginClip, drawBox, drawCentredText, drawPolygon, drawPolyline, drawSymbol, endClip, type Pt } from './map-draw.pdf';
import {
  CLAIM_FILL,
  drawClaimLabels,
  drawClaimShapes,
  drawMonumentLabels,
  drawMonumentSymbols,
  drawTie,
} from './map-claims.pdf';
import {
  drawGridCrosses,
  drawLegend,
  drawNeatline,
  drawNeighbourRefs,
  drawNorthArrow,
  drawScaleBar,
  type LegendEntry,
} from './map-furniture.pdf';
import { ROUTE_STYLE, drawRoute, drawWaypoints } from './map-waypoints.pdf';
import { drawNotes } from './map-title.pdf';
import { georeferenceFrame } from './map-georef.pdf';
import { translucentFill } from './map-basemap.pdf';
import { nad83UtmEpsg } from '../../../shared/geo/utm';
import { drawSurveyLabels, drawSurveyLines, surveyLegendEntries } from './map-survey.pdf';

export function toPoints(r: InchRect): PaperRect {
  return { x: r.x * INCH, y: r.y * INCH, w: r.w * INCH, h: r.h * INCH };
}

export interface SheetInput {
  document: MapDocument;
  content: MapContent;
  plan: MapPlan;
  utmZone: number;
  notes: string[];
  /** A basemap is printed under this sheet: claim fills let it through. */
  underlay?: boolean;
}

export type DrawnPage = Extract<MapPage, { kind: 'map' | 'index' }>;

/** The sheet's paper projection: where every drawing of the sheet (and its georeference) puts a grid point. */
export function sheetProjection(sheet: DrawnPage): MapProjection {
  return mapProjection(sheet.window, toPoints(sheet.layout.map!));
}

export function drawMapSheet(page: PDFPage, fonts: PdfFonts, input: SheetInput, sheet: DrawnPage): void {
  const { content, plan } = input;
  const layout = sheet.layout;
  const proj = sheetProjection(sheet);
  const frame = proj.frame;
  const feetPerInch = sheet.kind === 'index' ? sheet.feetPerInch : plan.feetPerInch;
  const step = gridTickStep(gridMetresPerInch(feetPerInch, content.scaleFactor));
  const onSheet = sheet.kind === 'map' ? new Set(sheet.claimIds) : null;
  const claims = content.claims.filter((c) => !onSheet || onSheet.has(c.claim.id));
  const detail = sheet.kind === 'map';

  // The frame is registered to the ground (GeoPDF) so field apps can place the sheet and show where you stand.
  georeferenceFrame(page, proj, nad83UtmEpsg(input.utmZone), sheet.kind === 'index' ? `Index, sheet ${sheet.number}` : `Map, sheet ${sheet.number}`);
  beginClip(page, frame);
  drawGridCrosses(page, proj, step);
  if (input.underlay) {
    page.pushOperators(pushGraphicsState());
    translucentFill(page);
  }
  drawClaimShapes(page, proj, claims);
  if (input.underlay) page.pushOperators(popGraphicsState());
  drawSurveyLines(page, proj, content);
  if (input.document === 'field-map' && detail) drawRoute(page, proj, content.posts);
  if (detail) drawMonumentSymbols(page, proj, claims);
  const space = new LabelSpace(boxAt(frame.x + frame.w / 2, frame.y + frame.h / 2, frame.w - 4, frame.h - 4));
  drawClaimLabels(page, fonts, proj, claims, space, { detail });
  drawTie(page, fonts, proj, content, space, detail);
  if (detail) {
    if (input.document === 'field-map') drawWaypoints(page, fonts, proj, content.posts, space);
    drawMonumentLabels(page, fonts, proj, claims, space);
  }
  drawSurveyLabels(page, fonts, proj, content, space);
  if (sheet.kind === 'index') drawSheetOutlines(page, fonts, proj, plan);
  endClip(page);
  drawNeatline(page, fonts, proj, step);
  if (sheet.kind === 'map') drawNeighbourRefs(page, fonts, frame, sheet.neighbours);

  drawNorthArrow(page, fonts, toPoints(layout.north!), content.convergenceDeg);
  drawScaleBar(page, fonts, toPoints(layout.scaleBar!), feetPerInch, content.scaleFactor, sheet.kind === 'index' ? 'INDEX SCALE' : 'SCALE');
  drawLegend(page, fonts, toPoints(layout.legend!), legendEntries(fonts, input, sheet, step));
  drawNotes(page, fonts, toPoints(layout.notes!), input.notes);
}

/** The index sheet: each map sheet's window as a heavy dashed box with its sheet number in the middle. */
function drawSheetOutlines(page: PDFPage, fonts: PdfFonts, proj: MapProjection, plan: MapPlan): void {
  for (const p of plan.pages) {
    if (p.kind !== 'map') continue;
    const w = p.window;
    const [x0, y0] = proj.toPaper([w.minE, w.minN]);
    const [x1, y1] = proj.toPaper([w.maxE, w.maxN]);
    drawBox(page, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, { stroke: 0, width: 1.2, dash: [6, 3] });
  }
  for (const p of plan.pages) {
    if (p.kind !== 'map') continue;
    const [cx, cy] = proj.toPaper([(p.window.minE + p.window.maxE) / 2, (p.window.minN + p.window.maxN) / 2]);
    const text = `Sheet ${p.number}`;
    const size = 10;
    const tw = fonts.bold.widthOfTextAtSize(text, size) + 8;
    drawBox(page, { x: cx - tw / 2, y: cy - 7, w: tw, h: 14 }, { fill: 1, stroke: 0, width: 0.7 });
    drawCentredText(page, text, [cx, cy], { size, font: fonts.bold });
  }
}

function legendEntries(fonts: PdfFonts, input: SheetInput, sheet: DrawnPage, step: number): LegendEntry[] {
  const { content } = input;
  const kinds = new Set(content.claims.flatMap((c) => c.monuments.map((m) => m.kind)));
  const out: LegendEntry[] = [
    {
      label: 'Claim, kind, acres',
      draw: (page, [x, y]) => drawBox(page, { x: x - 6, y: y - 3.5, w: 12, h: 7 }, { fill: CLAIM_FILL, stroke: 0, width: 0.8 }),
    },
    {
      label: 'Corner post, number',
      draw: (page, [x, y]) => {
        drawSymbol(page, 'corner', [x - 4, y], 4.2);
        drawCentredText(page, '1', [x + 4, y], { size: 10, font: fonts.bold });
      },
    },
  ];
  const monument = (kind: 'discovery' | 'location' | 'sideline' | 'endline', label: string): void => {
    if (kinds.has(kind)) out.push({ label, draw: (page, at) => drawSymbol(page, kind, at, 5.5) });
  };
  monument('discovery', 'DM discovery monument');
  monument('location', 'LM location monument');
  monument('sideline', 'S/C side-line centre');
  monument('endline', 'E/C end-line centre');
  if (content.tie) {
    out.push({
      label: 'Tie to reference point',
      draw: (page, [x, y]) => {
        drawPolyline(page, [[x - 8, y], [x + 3, y]], { width: 0.7, dash: [3, 1.5] });
        drawSymbol(page, 'reference', [x + 5, y], 4.5);
      },
    });
  }
  out.push(...surveyLegendEntries(content));
  if (input.document === 'field-map' && sheet.kind === 'map') {
    out.push({
      label: 'Waypoint (GPX name)',
      draw: (page, [x, y]) => {
        drawBox(page, { x: x - 7, y: y - 3.6, w: 14, h: 7.2 }, { fill: 1, stroke: 0, width: 0.45 });
        drawCentredText(page, 'P1', [x, y], { size: 5, font: fonts.bold });
      },
    });
    out.push({ label: 'Staking route', draw: (page, [x, y]) => drawPolyline(page, [[x - 8, y], [x + 8, y]], ROUTE_STYLE) });
  }
  if (sheet.kind === 'index') {
    out.push({ label: 'Map sheet', draw: (page, [x, y]) => drawBox(page, { x: x - 7, y: y - 4, w: 14, h: 8 }, { stroke: 0, width: 1, dash: [3, 1.5] }) });
  }
  out.push({
    label: `UTM grid, every ${step.toLocaleString('en-US')} m`,
    draw: (page, [x, y]) => {
      const arms: Pt[][] = [[[x - 4, y], [x + 4, y]], [[x, y - 4], [x, y + 4]]];
      for (const arm of arms) drawPolygon(page, arm, { stroke: 0.4, width: 0.4 });
    },
  });
  return out;
}
