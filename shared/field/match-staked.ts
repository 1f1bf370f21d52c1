/**
 * Matches the points a crew brought back to the package's planned posts, and measures each offset.
 *
 * By name first: the package names every waypoint after its post ("P12 LS1 C2/LS2 C1", cut to the field-unit
 * length), and the crew's unit keeps that name, or a cut of it: older Garmin units keep 6 characters, in capitals,
 * without spaces or punctuation ("P12LS1"), newer ones 10 to 30. A point whose name fits no post (a renamed or a
 * new waypoint) is taken for the nearest unmatched post within the match tolerance; anything else is `extra`.
 * Offsets are geodesic ground feet and true bearings on the ellipsoid (the planned and staked positions are
 * both lon/lat), so they read like a compass and tape on the ground.
 */
import { trueCourse } from '../documents/bearing-format';
import type { PackagePost } from '../documents/package-model.types';
import { FOOT_M } from '../geo/utm';
import type { ExtraPoint, FieldTolerances, LatLon, PostStatus, StakedPoint, StakedPostReport, StakedReport } from './field.types';

export interface PlannedPost {
  post: PackagePost;
  /** The waypoint name as the package's GPX carries it. */
  waypoint: string;
}

/** Capitals and digits only: what a unit that drops spaces and punctuation keeps of a name. */
export function compactName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** "P12 …", "p12", "P12-moved": the post number a crew's name starts with, or null. */
export function leadingPostId(name: string): string | null {
  const match = /^\s*P(\d+)(?![0-9])/i.exec(name);
  return match ? `P${Number(match[1])}` : null;
}

/** Below this many characters a cut name says too little to pick one post from ("P1" fits P1, P10, P11 …). */
const MIN_PREFIX = 3;

/**
 * The planned post a name stands for, or null. A compact name that is the start of exactly one planned name wins;
 * when several planned names start with it (a cut too short to tell them apart), the post its leading P-number
 * names among them; a name that starts with a post's number but fits no planned name (renamed on the unit) is
 * that post.
 */
export function postForName(name: string, planned: readonly PlannedPost[]): PlannedPost | null {
  const compact = compactName(name);
  const byId = leadingPostId(name);
  if (compact.length >= MIN_PREFIX) {
    const fits = planned.filter((p) => {
      const full = compactName(p.waypoint);
      return full === compact || full.startsWith(compact) || compact.startsWith(full);
    });
    if (fits.length === 1) return fits[0]!;
    const exact = fits.filter((p) => compactName(p.waypoint) === compact);
    if (exact.length === 1) return exact[0]!;
    if (fits.length > 1 && byId) return fits.find((p) => p.post.id === byId) ?? null;
  }
  return byId ? (planned.find((p) => p.post.id === byId) ?? null) : null;
}

function course(from: LatLon, to: LatLon): { offsetFt: number; bearingDeg: number } {
  const { bearingDeg, distanceM } = trueCourse([from.lon, from.lat], [to.lon, to.lat]);
  return { offsetFt: distanceM / FOOT_M, bearingDeg };
}

function plannedOf(post: PackagePost): LatLon {
  return { lat: post.lonLat[1], lon: post.lonLat[0] };
}

function describe(post: PackagePost): { claims: string[]; designation: string } {
  return { claims: post.markings.map((m) => m.claim), designation: post.markings.map((m) => m.designation).join(' / ') };
}

export function matchStakedPoints(planned: readonly PlannedPost[], points: readonly StakedPoint[], tolerances: FieldTolerances): StakedReport {
  const found = new Map<string, { point: StakedPoint; by: 'name' | 'position' }>();
  const unnamed: StakedPoint[] = [];
  for (const point of points) {
    const match = postForName(point.name, planned);
    // A second point named for a post already found (a re-shot waypoint) is matched like an unnamed one.
    if (match && !found.has(match.post.id)) found.set(match.post.id, { point, by: 'name' });
    else unnamed.push(point);
  }

  // Nearest first over all (point, post) pairs, so one point near two posts cannot take the other's.
  const pairs: { point: StakedPoint; post: PlannedPost; ft: number }[] = [];
  for (const point of unnamed) {
    for (const p of planned) {
      if (found.has(p.post.id)) continue;
      const ft = course(plannedOf(p.post), point).offsetFt;
      if (ft <= tolerances.matchFt) pairs.push({ point, post: p, ft });
    }
  }
  pairs.sort((a, b) => a.ft - b.ft);
  const used = new Set<StakedPoint>();
  for (const { point, post } of pairs) {
    if (used.has(point) || found.has(post.post.id)) continue;
    found.set(post.post.id, { point, by: 'position' });
    used.add(point);
  }

  const posts: StakedPostReport[] = planned.map(({ post, waypoint }) => {
    const hit = found.get(post.id);
    const base = { post: post.id, ...describe(post), waypoint, kind: post.kind, planned: plannedOf(post) };
    if (!hit) return { ...base, staked: null, stakedName: null, matchedBy: null, offsetFt: null, bearingDeg: null, status: 'missing' };
    const staked = { lat: hit.point.lat, lon: hit.point.lon };
    const { offsetFt, bearingDeg } = course(base.planned, staked);
    const status: PostStatus = offsetFt <= tolerances.okFt ? 'ok' : 'moved';
    return { ...base, staked, stakedName: hit.point.name, matchedBy: hit.by, offsetFt, bearingDeg, status };
  });

  const extra: ExtraPoint[] = unnamed
    .filter((point) => !used.has(point))
    .map((point) => {
      let nearest: { post: string; ft: number } | null = null;
      for (const { post } of planned) {
        const ft = course(plannedOf(post), point).offsetFt;
        if (!nearest || ft < nearest.ft) nearest = { post: post.id, ft };
      }
      return { name: point.name, lat: point.lat, lon: point.lon, nearestPost: nearest?.post ?? null, distanceFt: nearest?.ft ?? null };
    });

  const counts = { ok: 0, moved: 0, missing: 0, extra: extra.length };
  for (const p of posts) counts[p.status] += 1;
  return { posts, extra, tolerances, counts };
}
