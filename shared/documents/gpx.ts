/**
 * The GPS waypoint file (GPX 1.1) the staking crew loads into a handheld: one waypoint per physical post
 * (model.posts, so a corner shared by four claims is one waypoint, not four), numbered P1..Pn in the order
 * the crew walks them, and a route through them in that order.
 *
 * Plain string building rather than a DOM, so the module stays pure and the element order is exactly the one the
 * GPX 1.1 schema requires (xsd:sequence: a validating reader such as Garmin BaseCamp rejects an out-of-order
 * <sym>). Expects a screened model (core/documents/field-files.ts drops unusable claims and reports
 * them); posts with unusable coordinates are still skipped here so a bad number can never reach a GPS unit.
 */
import type { Position } from '../geometry/geojson.types';
import type { MonumentKind } from '../claims/monuments';
import { formatUtm } from './bearing-format';
import type { PackageClaim, PackageModel, PackagePost } from './package-model.types';
import { escapeXml, xmlElement, xmlSafeLine } from './xml-escape';
import { DEFAULT_WAYPOINT_NAME_MAX, MAX_WAYPOINT_NAME_MAX } from '../basemap/map-settings';
import { endSentence } from './locators';
import { placeText } from './place-text';

export const GPX_NAMESPACE = 'http://www.topografix.com/GPX/1/1';
export const GPX_SCHEMA_LOCATION = `${GPX_NAMESPACE} http://www.topografix.com/GPX/1/1/gpx.xsd`;
/** Newer Garmin handhelds show 30 characters of a waypoint name; older ones 10 (the setting, map-settings.ts). */
export const WAYPOINT_NAME_MAX = MAX_WAYPOINT_NAME_MAX;

export interface FieldFileOptions {
  /** Longest waypoint name; default DEFAULT_WAYPOINT_NAME_MAX (older units). Names always keep their P-number. */
  waypointNameMax?: number;
}
export const ROUTE_NAME = 'Staking route';

export type PostRole = 'corner' | MonumentKind;

/** Garmin's standard (MapSource / BaseCamp) symbol names; other units fall back to a default pin. */
export const POST_SYMBOLS: Readonly<Record<PostRole, string>> = {
  corner: 'Flag, Blue',
  discovery: 'Flag, Red',
  location: 'Flag, Red',
  sideline: 'Flag, Green',
  endline: 'Flag, Green',
};

/** The post's most important role wins: an Idaho LM standing on Corner 1 is looked for as the LM (the notice is there). */
const ROLE_PRIORITY: readonly PostRole[] = ['location', 'discovery', 'endline', 'sideline', 'corner'];

export function isUsableLonLat(lonLat: Position | null | undefined): lonLat is Position {
  if (!lonLat || lonLat.length < 2) return false;
  const [lon, lat] = lonLat as [number, number];
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90;
}

/** Decimal degrees to 1e-7° (about 1 cm), longitude wrapped into the schema's [-180, 180) after rounding. */
export function formatCoordinate(value: number, axis: 'lat' | 'lon'): string {
  let rounded = Math.round(value * 1e7) / 1e7;
  if (axis === 'lon') rounded = ((((rounded + 180) % 360) + 360) % 360) - 180;
  const text = rounded.toFixed(7);
  return text === '-0.0000000' ? '0.0000000' : text;
}

/** Every role a post plays: its own kind plus any claim monument that stands on it. */
export function postRoles(model: Pick<PackageModel, 'claims'>): (post: PackagePost) => PostRole {
  const byPost = new Map<string, Set<PostRole>>();
  for (const claim of model.claims) {
    for (const m of claim.monuments) byPost.set(m.postId, (byPost.get(m.postId) ?? new Set<PostRole>()).add(m.kind));
  }
  return (post) => {
    const roles = new Set<PostRole>([post.kind, ...(byPost.get(post.id) ?? [])]);
    return ROLE_PRIORITY.find((role) => roles.has(role)) ?? 'corner';
  };
}

function initials(name: string, letters: number): string {
  const words = xmlSafeLine(name).split(/[\s_\-–—.,/]+/).filter((w) => w !== '');
  return words.map((w) => (/\d/.test(w) ? w : [...w].slice(0, letters).join('').toUpperCase())).join('');
}

/**
 * Short claim codes for waypoint names ("LUCKY STRIKE 1" → "LS1"; short names stay as they are, spaces
 * removed). Codes that collide get two letters per word, then the claim's ordinal, so no two claims share one.
 */
export function claimCodes(claims: readonly Pick<PackageClaim, 'name'>[]): Map<string, string> {
  const codes = new Map<string, string>();
  const used = new Set<string>();
  const candidatesFor = (name: string, ordinal: number): string[] => {
    const compact = xmlSafeLine(name).replace(/\s+/g, '');
    const first = compact.length <= 6 ? compact : initials(name, 1);
    return [first, initials(name, 2), `${first}K${ordinal}`].map((c) => [...(c || `K${ordinal}`)].slice(0, 10).join(''));
  };
  const counts = new Map<string, number>();
  const firsts = claims.map((c, k) => candidatesFor(c.name, k + 1)[0]!.toLowerCase());
  for (const f of firsts) counts.set(f, (counts.get(f) ?? 0) + 1);
  claims.forEach((claim, k) => {
    if (codes.has(claim.name)) return;
    const candidates = candidatesFor(claim.name, k + 1);
    const code = (counts.get(candidates[0]!.toLowerCase())! > 1 ? candidates.slice(1) : candidates).find((c) => !used.has(c.toLowerCase())) ?? candidates[2]!;
    used.add(code.toLowerCase());
    codes.set(claim.name, code);
  });
  return codes;
}

/** "Corner 2" → "C2", "DM", "LM (Corner 1)" → "LM", "S/C 1" → "SC1", "E/C 2" → "EC2". */
export function shortDesignation(designation: string): string {
  const line = xmlSafeLine(designation);
  const corner = /^Corner\s*(\d+)$/i.exec(line);
  if (corner) return `C${corner[1]}`;
  if (/^LM\b/i.test(line)) return 'LM';
  return line.replace(/[\s/]+/g, '');
}

/** "P3 LS1 C2/LS2 C1" (markings grouped per claim: "P2 LS3 C1+LM/LS4 C2"), ending "/+2" when more do not fit. */
export function waypointName(post: PackagePost, codes: ReadonlyMap<string, string>, max = DEFAULT_WAYPOINT_NAME_MAX): string {
  const groups = new Map<string, string[]>();
  for (const m of post.markings) {
    const code = codes.get(m.claim) ?? xmlSafeLine(m.claim);
    groups.set(code, [...(groups.get(code) ?? []), shortDesignation(m.designation)]);
  }
  const parts = [...groups].map(([code, designations]) => `${code} ${designations.join('+')}`);
  // What the post is, when even its first claim does not fit: the crew looks for the LM or DM, not for "+2".
  const monuments = [...new Set([...groups.values()].flat().filter((d) => !/^C\d+$/.test(d)))];
  let name = post.id;
  for (let k = 0; k < parts.length; k += 1) {
    const rest = parts.length - k - 1;
    const next = `${name}${k === 0 ? ' ' : '/'}${parts[k]}`;
    const reserve = rest > 0 ? `/+${rest}`.length : 0;
    if ([...next].length + reserve > max) {
      const role = `${name} ${monuments.join('+')}`;
      name = k === 0 && monuments.length > 0 && [...role].length <= max ? role : `${name}${k === 0 ? ' ' : '/'}+${parts.length - k}`;
      break;
    }
    name = next;
  }
  return [...name].slice(0, Math.max(max, [...post.id].length)).join('');
}

/** Every marking in full: "LUCKY STRIKE 3 Corner 1; LUCKY STRIKE 4 Corner 2". */
export function postMarkings(post: PackagePost): string {
  return post.markings.map((m) => `${xmlSafeLine(m.claim)} ${xmlSafeLine(m.designation)}`).join('; ');
}

const ROLE_WORDS: Readonly<Record<PostRole, string>> = {
  corner: 'Corner post',
  discovery: 'Discovery monument',
  location: 'Location monument',
  sideline: 'Side-line centre monument',
  endline: 'End-line centre monument',
};

export function postDescription(post: PackagePost, role: PostRole, model: Pick<PackageModel, 'epsg' | 'utmZone'>): string {
  const utm = Number.isFinite(post.utm[0]) && Number.isFinite(post.utm[1]) ? formatUtm(post.utm) : null;
  const grid = utm ? ` NAD83 / UTM zone ${model.utmZone}N (EPSG:${model.epsg}): E ${utm.easting} m, N ${utm.northing} m.` : '';
  return `${ROLE_WORDS[role]} ${post.id}: ${postMarkings(post)}.${grid}`;
}

/** Posts the file can carry: usable coordinates and at least one marking. */
export function writablePosts(model: Pick<PackageModel, 'posts'>): PackagePost[] {
  return model.posts.filter((post) => isUsableLonLat(post.lonLat) && post.markings.length > 0);
}

function orderTitle(model: PackageModel): string {
  return xmlSafeLine(`${model.order.orderNumber} ${model.order.projectName}`);
}

function metadata(model: PackageModel, posts: PackagePost[]): string[] {
  const place = placeText(model);
  const first =
    `Staking waypoints for ${model.claims.length} claim${model.claims.length === 1 ? '' : 's'}` +
    `${place ? ` in ${place}` : ''}${model.claimant.name ? `, claimant ${model.claimant.name}` : ''}`;
  const desc =
    `${endSentence(first)} ` +
    `Posts P1 to P${posts.length} in staking order; shared corners are one waypoint. Decimal degrees, NAD83 ` +
    '(within about a metre of the WGS84 a GPS reads).';
  const lines = ['  <metadata>', `    ${xmlElement('name', orderTitle(model))}`, `    ${xmlElement('desc', desc)}`];
  // xsd:dateTime needs a time of day; the package is dated, not timed, so midnight UTC of the preparation date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(model.preparedOn)) lines.push(`    <time>${model.preparedOn}T00:00:00Z</time>`);
  if (posts.length > 0) {
    // A loop rather than Math.min(...list): a block of thousands of posts must not hit the argument limit.
    let [minlat, maxlat, minlon, maxlon] = [90, -90, Infinity, -Infinity];
    for (const { lonLat } of posts) {
      [minlat, maxlat] = [Math.min(minlat, lonLat[1]), Math.max(maxlat, lonLat[1])];
      [minlon, maxlon] = [Math.min(minlon, lonLat[0]), Math.max(maxlon, lonLat[0])];
    }
    // Bounds straddling the antimeridian cannot be written as one box; leave them out rather than lie.
    if (maxlon - minlon < 180 && maxlon < 180 && minlon >= -180) {
      lines.push(
        `    <bounds minlat="${formatCoordinate(minlat, 'lat')}" minlon="${formatCoordinate(minlon, 'lon')}" ` +
          `maxlat="${formatCoordinate(maxlat, 'lat')}" maxlon="${formatCoordinate(maxlon, 'lon')}"/>`,
      );
    }
  }
  lines.push('  </metadata>');
  return lines;
}

function point(tag: 'wpt' | 'rtept', post: PackagePost, children: string[], indent: string): string[] {
  const attrs = `lat="${formatCoordinate(post.lonLat[1], 'lat')}" lon="${formatCoordinate(post.lonLat[0], 'lon')}"`;
  return [`${indent}<${tag} ${attrs}>`, ...children.filter((c) => c !== '').map((c) => `${indent}  ${c}`), `${indent}</${tag}>`];
}

/** The GPX 1.1 document as text (UTF-8 when encoded; the declaration says so). */
export function buildGpx(model: PackageModel, options: FieldFileOptions = {}): string {
  const posts = writablePosts(model);
  const roleOf = postRoles(model);
  const codes = claimCodes(model.claims);
  const creator = xmlSafeLine(`${model.generator.name} ${model.generator.version}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx xmlns="${GPX_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1" ` +
      `creator="${escapeXml(creator)}" xsi:schemaLocation="${GPX_SCHEMA_LOCATION}">`,
    ...metadata(model, posts),
  ];
  const named = posts.map((post) => ({ post, role: roleOf(post), name: waypointName(post, codes, options.waypointNameMax) }));
  for (const { post, role, name } of named) {
    // Schema sequence for wptType: ele, time, magvar, geoidheight, name, cmt, desc, src, link, sym, type, ...
    const children = [
      xmlElement('name', name),
      xmlElement('cmt', postMarkings(post)),
      xmlElement('desc', postDescription(post, role, model)),
      xmlElement('sym', POST_SYMBOLS[role]),
      xmlElement('type', role),
    ];
    lines.push(...point('wpt', post, children, '  '));
  }
  if (named.length > 0) {
    // rteType: name, cmt, desc, src, link, number, type, extensions, then the rtept elements.
    lines.push('  <rte>', `    ${xmlElement('name', ROUTE_NAME)}`);
    lines.push(`    ${xmlElement('desc', `Walk the posts in this order, ${named[0]!.post.id} to ${named[named.length - 1]!.post.id}.`)}`);
    for (const { post, role, name } of named) {
      lines.push(...point('rtept', post, [xmlElement('name', name), xmlElement('sym', POST_SYMBOLS[role]), xmlElement('type', role)], '    '));
    }
    lines.push('  </rte>');
  }
  lines.push('</gpx>', '');
  return lines.join('\n');
}
