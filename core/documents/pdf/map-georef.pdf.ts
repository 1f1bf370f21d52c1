/**
 * Geospatial registration of a map sheet's frame (a "GeoPDF"), so GDAL, QGIS and Avenza Maps place the sheet
 * on the globe. Written as the ISO 32000-2 geospatial encoding (12.10, the one Adobe published as extension
 * level 3 of PDF 1.7): the page carries a viewport (/VP) whose /BBox is the neatline, with a /Measure of
 * subtype /GEO pairing the frame's four corners on paper (/LPTS, in the unit square of the /BBox) with the
 * same corners on the ground (/GPTS, latitude then longitude in the projected CRS's own geographic datum),
 * and a /GCS naming that CRS by EPSG code and by WKT (readers that have no EPSG table use the WKT).
 *
 * The corners are the map projection's own frame corners converted with the same proj4 converter the drawing
 * used, so a point of the drawing and its registration cannot disagree.
 */
import { PDFArray, PDFName, PDFNumber, PDFString, type PDFDict, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { MapProjection } from '../../../shared/documents/map-frame';
import { utmConverter, zoneFromEpsg } from '../../../shared/geo/utm';

/** OGC WKT 1 of NAD83 / UTM zone N (north), as EPSG defines it. */
export function nad83UtmWkt(epsg: number): string {
  const zone = zoneFromEpsg(epsg);
  const centralMeridian = zone * 6 - 183;
  return (
    `PROJCS["NAD83 / UTM zone ${zone}N",GEOGCS["NAD83",DATUM["North_American_Datum_1983",` +
    `SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6269"]],` +
    `PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],` +
    `AUTHORITY["EPSG","4269"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],` +
    `PARAMETER["central_meridian",${centralMeridian}],PARAMETER["scale_factor",0.9996],` +
    `PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],` +
    `AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","${epsg}"]]`
  );
}

/** The frame's corners, counter-clockwise from bottom-left: in the /BBox's unit square and in grid metres. */
export function frameCorners(proj: MapProjection): { unit: [number, number]; utm: [number, number] }[] {
  const { x, y, w, h } = proj.frame;
  const unit: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
  return unit.map(([u, v]) => ({ unit: [u, v], utm: proj.toGrid([x + u * w, y + v * h]) }));
}

const numbers = (doc: PDFDocument, values: readonly number[]): PDFArray => {
  const array = PDFArray.withContext(doc.context);
  for (const value of values) array.push(PDFNumber.of(value));
  return array;
};

/**
 * Adds the frame's viewport to the page (a page may hold several; a reader uses the one under the point).
 * `name` is what Avenza and Acrobat show for the frame.
 */
export function georeferenceFrame(page: PDFPage, proj: MapProjection, epsg: number, name: string): void {
  const doc = page.doc;
  const corners = frameCorners(proj);
  const { toLonLat } = utmConverter(epsg);
  // Nine decimals of a degree are 0.1 mm: the registration never adds error of its own.
  const gpts = corners.flatMap(({ utm }) => {
    const [lon, lat] = toLonLat(utm);
    return [Number(lat!.toFixed(9)), Number(lon!.toFixed(9))];
  });
  const unitSquare = corners.flatMap(({ unit }) => unit);
  const context = doc.context;
  const gcs = context.obj({ Type: 'PROJCS', EPSG: epsg });
  (gcs as PDFDict).set(PDFName.of('WKT'), PDFString.of(nad83UtmWkt(epsg)));
  const measure = context.obj({ Type: 'Measure', Subtype: 'GEO', PDU: ['M', 'SQM', 'DEG'] }) as PDFDict;
  measure.set(PDFName.of('Bounds'), numbers(doc, unitSquare));
  measure.set(PDFName.of('LPTS'), numbers(doc, unitSquare));
  measure.set(PDFName.of('GPTS'), numbers(doc, gpts));
  measure.set(PDFName.of('GCS'), context.register(gcs));
  const { x, y, w, h } = proj.frame;
  const viewport = context.obj({ Type: 'Viewport' }) as PDFDict;
  viewport.set(PDFName.of('BBox'), numbers(doc, [x, y, x + w, y + h]));
  viewport.set(PDFName.of('Name'), PDFString.of(name));
  viewport.set(PDFName.of('Measure'), context.register(measure));
  const existing = page.node.lookupMaybe(PDFName.of('VP'), PDFArray);
  const vp = existing ?? PDFArray.withContext(context);
  vp.push(context.register(viewport));
  if (!existing) page.node.set(PDFName.of('VP'), vp);
  declareGeospatialExtension(doc);
}

/** Acrobat and Avenza look for Adobe's extension level 3 before they read /VP in a PDF 1.7 file. */
function declareGeospatialExtension(doc: PDFDocument): void {
  const catalog = doc.catalog;
  if (catalog.has(PDFName.of('Extensions'))) return;
  const adbe = doc.context.obj({ BaseVersion: PDFName.of('1.7'), ExtensionLevel: 3 });
  catalog.set(PDFName.of('Extensions'), doc.context.obj({ ADBE: adbe }));
}
