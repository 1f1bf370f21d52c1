/**
 * Where the posted notice goes, per state and claim kind: the field instructions tell the crew, the notice says
 * "this notice is posted on …", and the corner cards mark that post. A rule names a kind of post; the package
 * model turns it into a post number (shared/documents/notice-post.ts). Where no rule is on file for a
 * state's placer, the federal rule applies (43 CFR 3832.11: a notice "in a conspicuous place") and the entry says
 * so with [VERIFY] rather than guessing a statute.
 */
import type { ClaimKind } from '../layout/layout.types';
import type { LandStatus } from './state-land';

export type NoticePost =
  /** The discovery / location monument on the centerline (NV, AZ, UT, MT, CO, CA, OR lodes). */
  | 'discovery'
  /** The corner the job names as the location monument (ID; NM placers at a designated corner). */
  | 'location-corner'
  /** Corner No. 1, which Alaska fixes at the NE corner (AS 27.10.030(1); DNR state-land locations). */
  | 'corner-1'
  /** A monument on the north boundary: the claim's northernmost corner post (NRS 517.090). */
  | 'north-boundary'
  /** Any boundary post: Corner No. 1 is used so the notice and the cards agree. */
  | 'boundary-post'
  /** No particular post: a conspicuous place on the claim. */
  | 'conspicuous';

export interface NoticePlacement {
  post: NoticePost;
  /** For the field instructions: "on the location monument at the point of discovery". */
  where: string;
  citation: string;
}

const DISCOVERY = (citation: string): NoticePlacement => ({ post: 'discovery', where: 'on the location monument at the point of discovery', citation });
const CONSPICUOUS = (citation: string): NoticePlacement => ({ post: 'conspicuous', where: 'in a conspicuous place on the claim', citation });

type Rules = Partial<Record<ClaimKind, NoticePlacement>>;

const RULES: Readonly<Record<string, Rules>> = {
  NV: {
    lode: DISCOVERY('NRS 517.010'),
    placer: { post: 'north-boundary', where: 'on a monument on the north boundary of the claim', citation: 'NRS 517.090' },
  },
  AZ: { lode: { post: 'discovery', where: 'in or on the location monument on the centerline', citation: 'A.R.S. § 27-202(A)' } },
  UT: { lode: DISCOVERY('Utah Code § 40-1-2') },
  ID: {
    lode: { post: 'location-corner', where: 'on the corner post chosen as the location monument', citation: 'Idaho Code § 47-602' },
    placer: { post: 'location-corner', where: 'on the corner post chosen as the location monument', citation: 'Idaho Code § 47-602' },
  },
  WY: { lode: DISCOVERY('W.S. § 30-1-101') },
  MT: { lode: { post: 'discovery', where: 'at the point of discovery', citation: 'MCA § 82-2-101' } },
  CO: { lode: { post: 'discovery', where: 'on the discovery sign at the point of discovery', citation: 'C.R.S. § 34-43-106' } },
  CA: {
    lode: DISCOVERY('Cal. Pub. Res. Code § 3900'),
    placer: { post: 'conspicuous', where: 'on a conspicuous monument at the point of discovery', citation: 'Cal. Pub. Res. Code § 3902' },
  },
  NM: {
    lode: CONSPICUOUS('NMSA 1978, § 69-3-1(A)'),
    placer: { post: 'location-corner', where: 'at the designated corner', citation: 'NMSA 1978, § 69-3-1(B)' },
  },
  OR: { lode: DISCOVERY('ORS 517.010') },
  AK: {
    lode: { post: 'corner-1', where: 'at the northeast corner (Corner No. 1)', citation: 'AS 27.10.030(1)' },
    // The placer rule follows the lode section in AS 27.10 (the copy checked was truncated) [VERIFY the section number].
    placer: { post: 'boundary-post', where: 'on one of the posts marking the boundaries (here Corner No. 1)', citation: 'AS 27.10 (placer claims) [VERIFY section]' },
  },
};

const FEDERAL: Required<Rules> = {
  lode: { post: 'discovery', where: 'in a conspicuous place, at the discovery monument', citation: '43 CFR 3832.11' },
  placer: { ...CONSPICUOUS('43 CFR 3832.11'), where: 'in a conspicuous place on the claim (no state rule on file [VERIFY])' },
};

/** DNR state-land locations: the notice is on the NE post (#1), lode and placer alike. */
const ALASKA_STATE_LAND: NoticePlacement = {
  post: 'corner-1',
  where: 'on the northeast corner post (Corner No. 1)',
  citation: 'Alaska DNR staking requirements for state land (AS 38.05.195)',
};

export function noticePlacement(stateCode: string | null, kind: ClaimKind, landStatus: LandStatus = 'federal'): NoticePlacement {
  const code = stateCode?.trim().toUpperCase() ?? '';
  if (code === 'AK' && landStatus === 'state') return ALASKA_STATE_LAND;
  return RULES[code]?.[kind] ?? FEDERAL[kind];
}
