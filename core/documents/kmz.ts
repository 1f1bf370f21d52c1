/**
 * claims.kmz: the KML's claims and posts plus the claim map laid on the ground, one image per map sheet (the
 * sheet's frame exactly as printed, paper made transparent), for Google Earth and other KMZ readers. Each
 * image is placed by its four frame corners (gx:LatLonQuad): a UTM sheet is slightly rotated against the
 * meridians, which a north-up LatLonBox could not show. The corners are the same ones the GeoPDF registers.
 */
import { zipSync } from 'fflate';
import { buildKml, type GroundOverlay } from '../../shared/documents/kml';
import { utmConverter } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import type { DocumentRenderer } from './document.types';
import { screenFieldModel } from './field-files';
import { planMapDocument, renderClaimMap } from './pdf/claim-map.pdf';
import { frameCorners } from './pdf/map-georef.pdf';
import { sheetProjection, type DrawnPage } from './pdf/map-sheet.pdf';
import { rasterizeRects } from './pdf-raster';

/** Ground-overlay resolution: sharp in Google Earth at claim scale, a few hundred kB a sheet. */
const OVERLAY_DPI = 150;

export const renderKmz: DocumentRenderer = async (model, context) => {
  const screened = screenFieldModel(model, 'kmz');
  const map = await renderClaimMap(model, context);
  const { plan } = planMapDocument(model, 'claim-map');
  // The index sheet repeats the map sheets at a coarser scale: only real map sheets go on the globe.
  const sheets = plan.pages.filter((p): p is DrawnPage => p.kind === 'map');
  const projections = sheets.map(sheetProjection);
  const images = await rasterizeRects(
    map.document.bytes,
    sheets.map((sheet, k) => ({ page: sheet.number, rect: projections[k]!.frame })),
    OVERLAY_DPI,
  );
  const { toLonLat } = utmConverter(model.epsg);
  const overlays: GroundOverlay[] = sheets.map((sheet, k) => {
    const corners = frameCorners(projections[k]!).map(({ utm }) => toLonLat(utm)) as [Position, Position, Position, Position];
    return { name: sheets.length === 1 ? 'Claim map' : `Claim map, sheet ${sheet.number}`, href: `files/claim-map-${sheet.number}.png`, corners };
  });
  const files: Record<string, Uint8Array> = {
    // KMZ readers open the first .kml in the archive: doc.kml comes first by convention.
    'doc.kml': new TextEncoder().encode(buildKml(screened.model, { waypointNameMax: context.waypointNameMax, overlays })),
  };
  overlays.forEach((overlay, k) => (files[overlay.href] = images[k]!));
  // PNGs are compressed already; store them, deflate only the KML.
  const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: name.endsWith('.png') ? 0 : 6 }]])), { mtime: new Date('2000-01-01T00:00:00Z') });
  return {
    document: { kind: 'kmz', bytes, pages: null },
    // The claim map's own problems are already reported against claim-map.pdf.
    problems: screened.problems,
  };
};
