/**
 * The PLSS on a claim or field map, from the imported CadNSDI (shared/plss/survey-lines.ts): quarter-quarter lines
 * faint, section lines dashed, township lines heavier, drawn over the claims' fills so a section line through a
 * claim stays visible; each section's number near its visible middle, clear of the claims' own labels. Drawn only
 * inside the map frame's clip. Nothing here when no PLSS was imported for the claims.
 */
import type { PDFPage } from 'pdf-lib';
import type { MapContent } from '../../../shared/documents/map-content';
import type { MapProjection } from '../../../shared/documents/map-frame';
import { clipRing, ringCentroid } from '../../../shared/documents/map-geometry';
import { gridAreaM2 } from '../../../shared/geo/ground';
import { boxAt, type Box, type LabelSpace } from '../../../shared/documents/map-labels';
import { pointInRing } from '../../../shared/layout/polygon-touch';
import type { PdfFonts } from './pdf-kit';
import { drawBox, drawCentredText, drawPolygon, drawPolyline, type Pt } from './map-draw.pdf';
import type { LegendEntry } from './map-furniture.pdf';

const ALIQUOT_STYLE = { stroke: 0.6, width: 0.35, dash: [1.5, 1.5] };
const SECTION_STYLE = { stroke: 0.25, width: 0.8, dash: [7, 2.5] };
const TOWNSHIP_STYLE = { stroke: 0, width: 1.6, dash: [10, 3, 2, 3] };
const NUMBER_SIZE = 10;
/** Where a section number may go, in its own widths and heights from the visible middle, nearest first. */
const NUMBER_OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0], [0, 2], [0, -2], [1.5, 0], [-1.5, 0], [1.5, 2], [-1.5, 2], [1.5, -2], [-1.5, -2],
  [0, 4], [0, -4], [3, 0], [-3, 0], [3, 4], [-3, 4], [3, -4], [-3, -4],
];

/** Lines of every PLSS part in view, finest first so the heavier lines lie on top. */
export function drawSurveyLines(page: PDFPage, proj: MapProjection, content: MapContent): void {
  const survey = content.survey;
  if (!survey) return;
  const outline = (rings: readonly (readonly (readonly [number, number])[])[], style: typeof SECTION_STYLE): void => {
    for (const ring of rings) if (ring.length >= 3) drawPolygon(page, ring.map((p) => proj.toPaper([p[0], p[1]])), style);
  };
  for (const a of survey.aliquots) outline(a.rings, ALIQUOT_STYLE);
  for (const s of survey.sections) outline(s.rings, SECTION_STYLE);
  for (const t of survey.townships) outline(t.rings, TOWNSHIP_STYLE);
}

/**
 * Section numbers at (or near) the middle of each section's visible part, boxed white so lines and fills do not
 * hide them. Placed after every claim, corner, tie and monument label, and only where they cover none of them: a
 * number that finds no free spot is left off (the title block names the sections) rather than hide a corner number.
 */
export function drawSurveyLabels(page: PDFPage, fonts: PdfFonts, proj: MapProjection, content: MapContent, space: LabelSpace): void {
  const survey = content.survey;
  if (!survey) return;
  const visibleArea = (proj.window.maxE - proj.window.minE) * (proj.window.maxN - proj.window.minN);
  // A white box must not hide a claim's boundary: its corners and centre lie in one claim, or all in open ground.
  const claimAt = (p: Pt): number => content.claims.findIndex((c) => pointInRing(proj.toGrid(p), c.ring));
  const onClaimLine = (b: Box): boolean => {
    const points: Pt[] = [[b.x0, b.y0], [b.x1, b.y0], [b.x1, b.y1], [b.x0, b.y1], [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2]];
    const where = points.map(claimAt);
    return where.some((k) => k !== where[0]);
  };
  for (const section of survey.sections) {
    const ring = section.rings[0];
    if (!ring || ring.length < 3) continue;
    const seen = clipRing(ring, proj.window);
    // A sliver of a neighbouring section at the frame's edge is not worth a number.
    if (seen.length < 3 || gridAreaM2(seen) < 0.01 * Math.min(visibleArea, gridAreaM2(ring))) continue;
    const at: Pt = proj.toPaper(ringCentroid(seen));
    const text = section.label;
    const w = fonts.bold.widthOfTextAtSize(text, NUMBER_SIZE) + 6;
    const h = NUMBER_SIZE + 4;
    const chosen = NUMBER_OFFSETS.map(([dx, dy]) => boxAt(at[0] + dx * w, at[1] + dy * h, w, h)).find((box) => space.cost(box) <= 1e-9 && !onClaimLine(box));
    if (!chosen) continue;
    space.occupy(chosen);
    const centre: Pt = [(chosen.x0 + chosen.x1) / 2, (chosen.y0 + chosen.y1) / 2];
    drawBox(page, { x: chosen.x0, y: chosen.y0, w, h }, { fill: 1, stroke: 0.25, width: 0.5 });
    drawCentredText(page, text, centre, { size: NUMBER_SIZE, font: fonts.bold, grey: 0.15 });
  }
}

export function surveyLegendEntries(content: MapContent): LegendEntry[] {
  if (!content.survey) return [];
  return [
    // Ten-point labels in a legend column: written short; the notes name the data and the dotted quarter-quarters.
    {
      label: 'Section line, number',
      draw: (page, [x, y]) => drawPolyline(page, [[x - 8, y], [x + 8, y]], SECTION_STYLE),
    },
    {
      label: 'Township line',
      draw: (page, [x, y]) => drawPolyline(page, [[x - 8, y], [x + 8, y]], TOWNSHIP_STYLE),
    },
  ];
}
