/**
 * The PLSS on a claim or field map, from the imported CadNSDI (shared/plss/survey-lines.ts): quarter-quarter lines
 * faint, section lines dashed, township lines heavier, drawn over the claims' fills so a section line through a
 * claim stays visible; each section's number in its visible middle, placed before the claim labels so those keep
 * clear of it. Drawn only inside the map frame's clip. Nothing here when no PLSS was imported for the claims.
 */
import type { PDFPage } from 'pdf-lib';
import type { MapContent } from '../../../shared/documents/map-content';
import type { MapProjection } from '../../../shared/documents/map-frame';
import { clipRing, ringCentroid } from '../../../shared/documents/map-geometry';
import { gridAreaM2 } from '../../../shared/geo/ground';
import { boxAt, type LabelSpace } from '../../../shared/documents/map-labels';
import type { PdfFonts } from './pdf-kit';
import { drawBox, drawCentredText, drawPolygon, drawPolyline, type Pt } from './map-draw.pdf';
import type { LegendEntry } from './map-furniture.pdf';

const ALIQUOT_STYLE = { stroke: 0.6, width: 0.35, dash: [1.5, 1.5] };
const SECTION_STYLE = { stroke: 0.25, width: 0.8, dash: [7, 2.5] };
const TOWNSHIP_STYLE = { stroke: 0, width: 1.6, dash: [10, 3, 2, 3] };
const NUMBER_SIZE = 10;

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

/** Section numbers at the middle of each section's visible part, boxed white so lines and fills do not hide them. */
export function drawSurveyLabels(page: PDFPage, fonts: PdfFonts, proj: MapProjection, content: MapContent, space: LabelSpace): void {
  const survey = content.survey;
  if (!survey) return;
  const visibleArea = (proj.window.maxE - proj.window.minE) * (proj.window.maxN - proj.window.minN);
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
    const candidates = [boxAt(at[0], at[1], w, h), boxAt(at[0], at[1] + 2 * h, w, h), boxAt(at[0], at[1] - 2 * h, w, h)];
    const chosen = candidates[Math.max(0, space.place(candidates))]!;
    const centre: Pt = [(chosen.x0 + chosen.x1) / 2, (chosen.y0 + chosen.y1) / 2];
    drawBox(page, { x: chosen.x0, y: chosen.y0, w, h }, { fill: 1, stroke: 0.25, width: 0.5 });
    drawCentredText(page, text, centre, { size: NUMBER_SIZE, font: fonts.bold, grey: 0.15 });
  }
}

export function surveyLegendEntries(content: MapContent): LegendEntry[] {
  if (!content.survey) return [];
  return [
    {
      label: 'Section line and number (BLM PLSS)',
      draw: (page, [x, y]) => drawPolyline(page, [[x - 8, y], [x + 8, y]], SECTION_STYLE),
    },
    {
      label: 'Township line; dotted: quarter-quarter',
      draw: (page, [x, y]) => drawPolyline(page, [[x - 8, y], [x + 8, y]], TOWNSHIP_STYLE),
    },
  ];
}
