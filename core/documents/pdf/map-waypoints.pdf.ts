/**
 * The field map's extras: the staking route (a thin dashed line through the posts in P order, the order the crew
 * walks) and every post as a waypoint with its P-number, the same names as the GPX waypoints.
 */
import type { PDFPage } from 'pdf-lib';
import type { PackagePost } from '../../../shared/documents/package-model.types';
import type { MapProjection } from '../../../shared/documents/map-frame';
import { clipSegment, rectContains } from '../../../shared/documents/map-geometry';
import { boxAt, type LabelSpace } from '../../../shared/documents/map-labels';
import type { PdfFonts } from './pdf-kit';
import { drawBox, drawCentredText, drawPolygon, drawPolyline, type Pt } from './map-draw.pdf';
import { aroundPoint } from './map-claims.pdf';

export const ROUTE_STYLE = { stroke: 0.35, width: 0.6, dash: [2.5, 2] };
const LABEL_SIZE = 5.6;

export function drawRoute(page: PDFPage, proj: MapProjection, posts: readonly PackagePost[]): void {
  // Segment by segment, clipped: a path with vertices far off the sheet is cut anyway, but short ones render faster.
  for (let k = 1; k < posts.length; k += 1) {
    const seen = clipSegment(posts[k - 1]!.utm, posts[k]!.utm, proj.window);
    if (seen) drawPolyline(page, seen.map(proj.toPaper), ROUTE_STYLE);
  }
}

/** A ring round every post, and its P-number in a white box, set where it covers the least. */
export function drawWaypoints(page: PDFPage, fonts: PdfFonts, proj: MapProjection, posts: readonly PackagePost[], space: LabelSpace): void {
  const visible = posts.filter((p) => rectContains(proj.window, p.utm));
  for (const post of visible) {
    const at = proj.toPaper(post.utm);
    const ring: Pt[] = Array.from({ length: 14 }, (_, k) => [at[0] + 4.2 * Math.cos((k * Math.PI) / 7), at[1] + 4.2 * Math.sin((k * Math.PI) / 7)]);
    drawPolygon(page, ring, { stroke: 0, width: 0.5 });
    space.occupy(boxAt(at[0], at[1], 8.4, 8.4));
  }
  for (const post of visible) {
    const at = proj.toPaper(post.utm);
    const w = fonts.bold.widthOfTextAtSize(post.id, LABEL_SIZE) + 3;
    const h = LABEL_SIZE + 2.2;
    const candidates = [...aroundPoint(at, w, h, 4.5), ...aroundPoint(at, w, h, 11)];
    const k = space.place(candidates);
    if (k < 0) continue;
    const box = candidates[k]!;
    const centre: Pt = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
    if (k >= 8) {
      // A far label gets a leader to its post, ending at the box edge.
      const t = Math.min((w / 2) / Math.abs(centre[0] - at[0] || 1e-9), (h / 2) / Math.abs(centre[1] - at[1] || 1e-9), 1);
      drawPolyline(page, [at, [centre[0] - (centre[0] - at[0]) * t, centre[1] - (centre[1] - at[1]) * t]], { width: 0.35 });
    }
    drawBox(page, { x: box.x0, y: box.y0, w, h }, { fill: 1, stroke: 0, width: 0.45 });
    drawCentredText(page, post.id, centre, { size: LABEL_SIZE, font: fonts.bold });
  }
}
