/**
 * Builds the PackageModel (package-model.types.ts) from a job's layout, or from an order's claims as drawn.
 * Pure: the same input always gives the same model, so two generations of a package differ only in the
 * preparation date.
 */
import { claimFrame, openRing } from '../claims/claim-frame';
import { deriveMonuments, type CornerPoint, type Monument } from '../claims/monuments';
import { noticePlacement } from '../claims/notice-placement';
import type { LandStatus } from '../claims/state-land';
import { stateRule } from '../claims/state-rules';
import { groundAreaAcres, groundDistanceFt } from '../geo/ground';
import { FOOT_M, utmConverter, zoneFromEpsg, type Utm } from '../geo/utm';
import type { Position } from '../geometry/geojson.types';
import type { ClaimantForm } from '../jobs/job.types';
import type { LayoutClaim, MonumentSettings } from '../layout/layout.types';
import { trueCourse } from './bearing-format';
import { locatorsOf } from './locators';
import { noticePostId } from './notice-post';
import type { AsStakedInfo, PackageClaim, PackageModel, PackagePost, PackageTie, PlssDescription } from './package-model.types';
import { stakingRoute } from './staking-route';
import type { SurveyLines } from '../plss/survey-lines';

export interface PackageSource {
  source: PackageModel['source'];
  order: PackageModel['order'];
  epsg: number;
  claims: LayoutClaim[];
  monumentSettings: MonumentSettings;
  stateCode: string | null;
  county: string | null;
  /** Defaults to federal land. */
  landStatus?: LandStatus;
  /** Alaska's recording district; ignored elsewhere. */
  recordingDistrict?: string;
  claimant: ClaimantForm;
  plss: PlssDescription;
  tie: { description: string; lonLat: Position } | null;
  /** The PLSS lines for the maps, in the source's grid (core/plss/plss-package.ts). */
  survey?: SurveyLines | null;
  /** The claims are the posts as staked (the job's accepted field work); absent: as planned. */
  asStaked?: AsStakedInfo | null;
}

export interface PackageModelOptions {
  preparedOn: string;
  generator: PackageModel['generator'];
}

/** Posts closer than this (grid metres) are one physical post: shared corners of adjacent claims. */
const SAME_POST_M = 0.01;

interface RawPost {
  kind: PackagePost['kind'];
  utm: Utm;
  lonLat: Position;
  markings: PackagePost['markings'];
}

function collectPosts(corners: CornerPoint[], monuments: Monument[]): { posts: RawPost[]; keyOf: (utm: Utm) => number } {
  const posts: RawPost[] = [];
  const cells = new Map<string, number[]>();
  const find = (utm: Utm): number => {
    const cx = Math.floor(utm[0] / SAME_POST_M);
    const cy = Math.floor(utm[1] / SAME_POST_M);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const index of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const p = posts[index]!.utm;
          if (Math.hypot(p[0] - utm[0], p[1] - utm[1]) <= SAME_POST_M) return index;
        }
      }
    }
    return -1;
  };
  const add = (kind: RawPost['kind'], utm: Utm, lonLat: Position, claim: string, designation: string): void => {
    const found = find(utm);
    if (found >= 0) {
      posts[found]!.markings.push({ claim, designation });
      return;
    }
    posts.push({ kind, utm, lonLat, markings: [{ claim, designation }] });
    const key = `${Math.floor(utm[0] / SAME_POST_M)},${Math.floor(utm[1] / SAME_POST_M)}`;
    cells.set(key, [...(cells.get(key) ?? []), posts.length - 1]);
  };
  for (const c of corners) add('corner', c.utm, c.lonLat, c.claimName, `Corner ${c.number}`);
  // An Idaho / New Mexico LM stands on a corner post: it joins that post's markings rather than adding a post.
  for (const m of monuments) add(m.kind, m.utm, m.lonLat, m.claimName, m.label);
  return { posts, keyOf: find };
}

function claimModel(
  claim: LayoutClaim,
  corners: CornerPoint[],
  monuments: Monument[],
  epsg: number,
  postIdAt: (utm: Utm) => string,
  place: { stateCode: string | null; landStatus: LandStatus },
): PackageClaim {
  const { toLonLat } = utmConverter(epsg);
  const ordered = [...corners].sort((a, b) => a.number - b.number);
  const courses = ordered.map((corner, k) => {
    const next = ordered[(k + 1) % ordered.length]!;
    const { bearingDeg, distanceM } = trueCourse(corner.lonLat, next.lonLat);
    return { from: corner.number, to: next.number, bearingDeg, distanceFt: distanceM / FOOT_M };
  });
  const frame = claimFrame(claim);
  let frameModel: PackageClaim['frame'] = null;
  if (frame) {
    const dm = monuments.find((m) => m.kind === 'discovery');
    frameModel = {
      lengthFt: groundDistanceFt(epsg, frame.startMid, frame.endMid),
      widthFt: groundDistanceFt(epsg, frame.corners.startLeft, frame.corners.startRight),
      courseDeg: trueCourse(toLonLat(frame.startMid), toLonLat(frame.endMid)).bearingDeg,
      fromDiscoveryFt: dm
        ? { start: groundDistanceFt(epsg, dm.utm, frame.startMid), end: groundDistanceFt(epsg, dm.utm, frame.endMid) }
        : null,
      sideWidthFt: {
        left: groundDistanceFt(epsg, frame.startMid, frame.corners.startLeft),
        right: groundDistanceFt(epsg, frame.startMid, frame.corners.startRight),
      },
    };
  }
  const packageCorners = ordered.map((c) => ({ number: c.number, position: c.position, utm: c.utm, lonLat: c.lonLat, postId: postIdAt(c.utm) }));
  const packageMonuments = monuments.map((m) => ({ kind: m.kind, label: m.label, utm: m.utm, lonLat: m.lonLat, postId: postIdAt(m.utm) }));
  const placement = noticePlacement(place.stateCode, claim.kind, place.landStatus);
  return {
    id: claim.id,
    name: claim.name,
    kind: claim.kind,
    areaAcres: groundAreaAcres(epsg, openRing(claim.corners)),
    corners: packageCorners,
    monuments: packageMonuments,
    courses,
    frame: frameModel,
    notice: { ...placement, postId: noticePostId(placement.post, packageCorners, packageMonuments) },
  };
}

function tieModel(source: PackageSource, claims: PackageClaim[]): PackageTie | null {
  const first = claims[0];
  const corner1 = first?.corners[0];
  if (!source.tie || !first || !corner1) return null;
  const { bearingDeg, distanceM } = trueCourse(corner1.lonLat, source.tie.lonLat);
  return {
    description: source.tie.description.trim(),
    lonLat: source.tie.lonLat,
    utm: utmConverter(source.epsg).toUtm(source.tie.lonLat),
    fromClaim: first.name,
    fromCorner: corner1.number,
    bearingDeg,
    distanceFt: distanceM / FOOT_M,
  };
}

export function buildPackageModel(source: PackageSource, options: PackageModelOptions): PackageModel {
  const rule = stateRule(source.stateCode);
  const derived = deriveMonuments(source.claims, source.monumentSettings, source.stateCode, source.epsg);
  const { posts, keyOf } = collectPosts(derived.corners, derived.monuments);
  const route = stakingRoute(posts.map((p) => p.utm));
  const postIds = new Map<number, string>();
  route.forEach((index, k) => postIds.set(index, `P${k + 1}`));
  const postIdAt = (utm: Utm): string => postIds.get(keyOf(utm)) ?? '';

  const cornersByClaim = new Map<string, CornerPoint[]>();
  for (const c of derived.corners) cornersByClaim.set(c.claimId, [...(cornersByClaim.get(c.claimId) ?? []), c]);
  const monumentsByClaim = new Map<string, Monument[]>();
  for (const m of derived.monuments) monumentsByClaim.set(m.claimId, [...(monumentsByClaim.get(m.claimId) ?? []), m]);
  const code = rule.code === 'DEFAULT' ? null : rule.code;
  const landStatus = source.landStatus ?? 'federal';
  const claims = source.claims.map((claim) =>
    claimModel(claim, cornersByClaim.get(claim.id) ?? [], monumentsByClaim.get(claim.id) ?? [], source.epsg, postIdAt, { stateCode: code, landStatus }),
  );

  const form = source.claimant;
  const locators = locatorsOf(form);
  const isoDate = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : null);
  return {
    generator: options.generator,
    preparedOn: options.preparedOn,
    source: source.source,
    order: source.order,
    epsg: source.epsg,
    utmZone: zoneFromEpsg(source.epsg),
    stateCode: code,
    stateName: code === null ? '' : rule.name,
    // Alaska has no counties for recording: its boroughs are not where a certificate goes (AS 27.10.050).
    county: code === 'AK' ? '' : (source.county?.trim() ?? ''),
    recordingDistrict: code === 'AK' ? (source.recordingDistrict?.trim() ?? '') : '',
    landStatus,
    district: form.district.trim(),
    dateOfLocation: isoDate(form.dateOfLocation),
    dateOfDiscovery: isoDate(form.dateOfDiscovery),
    monumentType: form.monumentType.trim(),
    claimant: {
      name: locators[0]!.name,
      addressLines: locators[0]!.addressLines,
      locators,
      agentName: form.agentName.trim(),
      agentAddress: form.agentAddress.trim(),
    },
    plss: source.plss,
    tie: tieModel(source, claims),
    survey: source.survey ?? null,
    claims,
    posts: route.map((index, k) => {
      const post = posts[index]!;
      return { id: `P${k + 1}`, kind: post.kind, lonLat: post.lonLat, utm: post.utm, markings: post.markings };
    }),
    notes: [...derived.notes, ...asStakedNotes(source.asStaked ?? null)],
    asStaked: source.asStaked ?? null,
  };
}

/** What every document says of an as-staked package: where it comes from, and which posts nobody checked. */
function asStakedNotes(info: AsStakedInfo | null): string[] {
  if (!info) return [];
  const notes = [`As staked: the positions are those of the posts as the crew set them (brought in ${info.stakedOn}).`];
  if (info.unstaked.length > 0) notes.push(`Not staked, shown where planned: ${info.unstaked.join('; ')}.`);
  return notes;
}
