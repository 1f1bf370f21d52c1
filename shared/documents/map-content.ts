/**
 * What the claim and field maps draw, taken from the PackageModel once and checked: a claim without corners or
 * with a non-finite coordinate is left off with a problem ("one bad claim never aborts a package"), and the
 * tables (courses, waypoints) are made here as plain rows so the planner can count them before drawing.
 */
import { utmScaleFactor, type Utm } from '../geo/utm';
import { formatAcres, formatBearing, formatFeet, formatLatLon, formatUtm } from './bearing-format';
import { gridConvergenceDeg } from './map-frame';
import { gridAreaM2 } from '../geo/ground';
import { boundsOf, rectCentre } from './map-geometry';
import type { PackageProblem } from './package-files';
import type { PackageClaim, PackageModel, PackagePost, PackageTie } from './package-model.types';
import type { SurveyLines } from '../plss/survey-lines';

export type MapDocument = 'claim-map' | 'field-map';

export interface MapClaim {
  claim: PackageClaim;
  /** Corners in number order, grid metres, open ring. */
  ring: Utm[];
  monuments: PackageClaim['monuments'];
}

export interface MapContent {
  claims: MapClaim[];
  posts: PackagePost[];
  tie: PackageTie | null;
  /** PLSS lines to draw (core/documents/pdf/map-survey.pdf.ts), or null. */
  survey: SurveyLines | null;
  /** Block centre (grid metres), its UTM scale factor k and convergence (true north → grid north, clockwise). */
  centre: Utm;
  scaleFactor: number;
  convergenceDeg: number;
  problems: PackageProblem[];
}

const finite = (p: readonly number[] | undefined): boolean => !!p && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

function claimProblem(claim: PackageClaim): string | null {
  if (claim.corners.length < 3) return `It has ${claim.corners.length} corner(s); a claim needs at least 3 to be drawn.`;
  const bad = claim.corners.find((c) => !finite(c.utm) || !finite(c.lonLat));
  if (bad) return `Corner ${bad.number} has no valid coordinates.`;
  if (gridAreaM2(claim.corners.map((c) => c.utm)) <= 0) return 'Its corners enclose no area.';
  return null;
}

export function mapContent(model: PackageModel, document: MapDocument): MapContent {
  const problems: PackageProblem[] = [];
  const claims: MapClaim[] = [];
  for (const claim of model.claims) {
    const why = claimProblem(claim);
    if (why) {
      problems.push({ document, claim: claim.name, message: `Claim ${claim.name} is left off the map: ${why}` });
      continue;
    }
    const monuments = claim.monuments.filter((m) => finite(m.utm));
    if (monuments.length < claim.monuments.length) {
      problems.push({ document, claim: claim.name, message: `Some monuments of ${claim.name} have no valid coordinates and are not drawn.` });
    }
    claims.push({ claim, ring: claim.corners.map((c) => [c.utm[0], c.utm[1]]), monuments });
  }
  const drawn = new Set(claims.map((c) => c.claim.name));
  const posts = model.posts.filter((p) => finite(p.utm) && finite(p.lonLat) && p.markings.some((m) => drawn.has(m.claim)));
  if (document === 'field-map') {
    for (const p of model.posts) {
      if (!finite(p.utm) || !finite(p.lonLat)) {
        problems.push({ document, claim: p.markings[0]?.claim ?? null, message: `Waypoint ${p.id} has no valid coordinates and is not drawn.` });
      }
    }
  }
  const tie = model.tie && finite(model.tie.utm) && drawn.has(model.tie.fromClaim) ? model.tie : null;
  const extent = boundsOf(claims.flatMap((c) => c.ring)) ?? boundsOf(tie ? [tie.utm] : []);
  const centre: Utm = extent ? rectCentre(extent) : [500_000, 4_000_000];
  return {
    claims,
    posts,
    tie,
    survey: model.survey ?? null,
    centre,
    scaleFactor: utmScaleFactor(model.epsg, centre),
    convergenceDeg: gridConvergenceDeg(model.epsg, centre),
    problems,
  };
}

/** Course cells per table row: two fit across a letter or legal sheet at ten point. */
export const COURSES_PER_ROW = 2;

export interface TableRow {
  cells: string[];
  /** First row of a claim / waypoint (continuation rows leave the key columns blank). */
  first: boolean;
}

/** Bearings and distances, a row per claim (more for irregular claims): "1–2  N 75°01'55\" W  600.00 ft". */
export function courseRows(claims: readonly MapClaim[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const { claim } of claims) {
    for (let k = 0; k < Math.max(1, claim.courses.length); k += COURSES_PER_ROW) {
      const courses = claim.courses.slice(k, k + COURSES_PER_ROW).map((c) => `${c.from}–${c.to} ${formatBearing(c.bearingDeg)} ${formatFeet(c.distanceFt).replace(/ ft$/, '')}`);
      while (courses.length < COURSES_PER_ROW) courses.push('');
      const first = k === 0;
      rows.push({ first, cells: [first ? claim.name : '', first ? `${claim.kind}, ${formatAcres(claim.areaAcres)}` : '', ...courses] });
    }
  }
  return rows;
}

/** Markings per waypoint table row: a post shared by four claims takes four rows rather than an unreadable cell. */
export const MARKINGS_PER_ROW = 1;

/** Waypoints in staking order: P-number, what is marked there, lat / lon (the GPX's degrees) and UTM. */
export function waypointRows(posts: readonly PackagePost[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const post of posts) {
    const marks = post.markings.map((m) => `${m.claim} ${m.designation}`);
    const { latitude, longitude } = formatLatLon(post.lonLat);
    const { easting, northing } = formatUtm(post.utm);
    for (let k = 0; k < Math.max(1, marks.length); k += MARKINGS_PER_ROW) {
      const first = k === 0;
      const where = first ? [latitude, longitude, easting, northing] : ['', '', '', ''];
      rows.push({ first, cells: [first ? post.id : '', marks.slice(k, k + MARKINGS_PER_ROW).join(' · '), ...where] });
    }
  }
  return rows;
}

/** "LUCKY STRIKE 1 – LUCKY STRIKE 8" (first and last as ordered), or the one name. */
export function claimRange(claims: readonly MapClaim[]): string {
  if (claims.length === 0) return 'no claims drawn';
  const first = claims[0]!.claim.name;
  const last = claims.at(-1)!.claim.name;
  return claims.length === 1 ? first : `${first} – ${last}`;
}
