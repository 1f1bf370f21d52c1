/**
 * The claims as a KML 2.2 file for Google Earth (and most GIS tools): a folder of claim polygons and a folder of
 * the posts to set, one placemark per physical post, named like the GPX waypoints so the two files agree.
 *
 * Coordinates are WGS84 lon,lat,0 (KML has no other datum). Element order follows the KML 2.2 schema's
 * sequences (Feature: name … description … styleUrl, then the geometry), which strict readers enforce.
 * Expects a screened model (field-files.ts); unusable geometry is still skipped here as a last line of defence.
 */
import { formatAcres } from './bearing-format';
import { claimCodes, formatCoordinate, isUsableLonLat, postDescription, postRoles, waypointName, writablePosts, type FieldFileOptions, type PostRole } from './gpx';
import type { PackageClaim, PackageModel } from './package-model.types';
import type { Position } from '../geometry/geojson.types';
import { xmlElement, xmlSafeLine } from './xml-escape';

export const KML_NAMESPACE = 'http://www.opengis.net/kml/2.2';
/** Google's extension namespace: gx:LatLonQuad places an image by four corners, as a UTM sheet lies on the globe. */
export const KML_GX_NAMESPACE = 'http://www.google.com/kml/ext/2.2';

/** An image laid on the ground (the KMZ's claim-map sheets): corners lower-left, lower-right, upper-right, upper-left. */
export interface GroundOverlay {
  name: string;
  href: string;
  corners: [Position, Position, Position, Position];
}

export interface KmlOptions extends FieldFileOptions {
  overlays?: readonly GroundOverlay[];
}

// KML colours are aabbggrr. Claims: orange outline over a light fill, so the terrain stays readable.
const STYLES: { id: string; body: string }[] = [
  { id: 'claim', body: '<LineStyle><color>ff0080ff</color><width>2</width></LineStyle><PolyStyle><color>400080ff</color></PolyStyle>' },
  { id: 'corner', body: iconStyle('ffff0000', 'blue-pushpin') },
  { id: 'monument', body: iconStyle('ff0000ff', 'red-pushpin') },
  { id: 'centre', body: iconStyle('ff00ff00', 'grn-pushpin') },
];

function iconStyle(color: string, icon: string): string {
  return `<IconStyle><color>${color}</color><scale>0.9</scale><Icon><href>http://maps.google.com/mapfiles/kml/pushpin/${icon}.png</href></Icon></IconStyle>`;
}

const STYLE_OF_ROLE: Readonly<Record<PostRole, string>> = {
  corner: 'corner',
  discovery: 'monument',
  location: 'monument',
  sideline: 'centre',
  endline: 'centre',
};

function kmlCoordinate(lonLat: Position): string {
  return `${formatCoordinate(lonLat[0], 'lon')},${formatCoordinate(lonLat[1], 'lat')},0`;
}

/**
 * The claim's boundary as a closed ring, counter-clockwise as the KML specification asks for outer boundaries
 * (corners are numbered clockwise on the ground, so the ring is usually reversed). Null when it cannot be drawn.
 */
export function claimRing(claim: Pick<PackageClaim, 'corners'>): Position[] | null {
  const points = claim.corners.map((c) => c.lonLat);
  if (points.length < 3 || !points.every((p) => isUsableLonLat(p))) return null;
  let twiceArea = 0;
  points.forEach((p, k) => {
    const q = points[(k + 1) % points.length]!;
    twiceArea += p[0] * q[1] - q[0] * p[1];
  });
  if (!Number.isFinite(twiceArea) || twiceArea === 0) return null;
  const ccw = twiceArea > 0 ? points : [...points].reverse();
  return [...ccw, ccw[0]!];
}

function claimDescription(claim: PackageClaim, model: PackageModel): string {
  const kind = claim.kind === 'placer' ? 'Placer claim' : 'Lode claim';
  const place = [model.county ? `${model.county} County` : '', model.stateName].filter((s) => s !== '').join(', ');
  const corners = claim.corners.map((c) => `Corner ${c.number} ${c.postId}`).join(', ');
  return [
    `${kind}, ${formatAcres(claim.areaAcres)}${place ? `, ${place}` : ''}.`,
    `Order ${model.order.orderNumber}, claimant ${model.claimant.name || '(not given)'}.`,
    `Posts: ${corners}${claim.monuments.map((m) => `, ${m.label} ${m.postId}`).join('')}.`,
  ].join('\n');
}

function placemark(name: string, description: string, style: string, geometry: string[]): string[] {
  return [
    '      <Placemark>',
    `        ${xmlElement('name', name)}`,
    `        ${xmlElement('description', description)}`,
    `        <styleUrl>#${style}</styleUrl>`,
    ...geometry.map((g) => `        ${g}`),
    '      </Placemark>',
  ];
}

/** The KML 2.2 document as text. */
export function buildKml(model: PackageModel, options: KmlOptions = {}): string {
  const title = xmlSafeLine(`${model.order.orderNumber} ${model.order.projectName}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<kml xmlns="${KML_NAMESPACE}"${options.overlays?.length ? ` xmlns:gx="${KML_GX_NAMESPACE}"` : ''}>`,
    '  <Document>',
    `    ${xmlElement('name', title)}`,
    `    ${xmlElement('description', `Mining claims and staking posts prepared ${model.preparedOn} by ${model.generator.name} ${model.generator.version}.`)}`,
    ...STYLES.map((s) => `    <Style id="${s.id}">${s.body}</Style>`),
    '    <Folder>',
    '      <name>Claims</name>',
  ];
  for (const claim of model.claims) {
    const ring = claimRing(claim);
    if (!ring) continue;
    lines.push(
      ...placemark(xmlSafeLine(claim.name), claimDescription(claim, model), 'claim', [
        '<Polygon>',
        '  <tessellate>1</tessellate>',
        '  <outerBoundaryIs><LinearRing>',
        `    <coordinates>${ring.map(kmlCoordinate).join(' ')}</coordinates>`,
        '  </LinearRing></outerBoundaryIs>',
        '</Polygon>',
      ]),
    );
  }
  lines.push('    </Folder>', '    <Folder>', '      <name>Posts (staking order)</name>');
  const roleOf = postRoles(model);
  const codes = claimCodes(model.claims);
  for (const post of writablePosts(model)) {
    const role = roleOf(post);
    const point = `<Point><coordinates>${kmlCoordinate(post.lonLat)}</coordinates></Point>`;
    lines.push(...placemark(waypointName(post, codes, options.waypointNameMax), postDescription(post, role, model), STYLE_OF_ROLE[role], [point]));
  }
  lines.push('    </Folder>');
  if (options.overlays?.length) lines.push(...overlayFolder(options.overlays));
  lines.push('  </Document>', '</kml>', '');
  return lines.join('\n');
}


/** The claim map's sheets on the ground, under the claim polygons (drawOrder 0), switchable as one folder. */
function overlayFolder(overlays: readonly GroundOverlay[]): string[] {
  const lines = ['    <Folder>', '      <name>Claim map</name>'];
  for (const overlay of overlays) {
    lines.push(
      '      <GroundOverlay>',
      `        ${xmlElement('name', overlay.name)}`,
      '        <drawOrder>0</drawOrder>',
      `        <Icon>${xmlElement('href', overlay.href)}</Icon>`,
      `        <gx:LatLonQuad><coordinates>${overlay.corners.map(kmlCoordinate).join(' ')}</coordinates></gx:LatLonQuad>`,
      '      </GroundOverlay>',
    );
  }
  lines.push('    </Folder>');
  return lines;
}
