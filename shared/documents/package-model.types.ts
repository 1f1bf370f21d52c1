/**
 * The staking package's model: everything any document needs, derived ONCE from a job (or an order without a
 * job) by package-model.ts. Every document (notice, corner cards, maps, GPX, KML, CSV, fee sheet) reads this
 * model and nothing else, so they cannot disagree about a corner number, a bearing or a claim's acreage.
 *
 * Conventions: lengths are GROUND feet (what the law measures), bearings are TRUE (geodetic) bearings, degrees
 * clockwise from true north, because a notice's "general course" and a tie are read with a compass corrected
 * to true north, not along the UTM grid. Coordinates are given in both NAD83 / UTM (the job's EPSG) and
 * WGS84 lon/lat (the GPS datum; NAD83 and WGS84 differ by about a metre, below staking accuracy).
 */
import type { Utm } from '../geo/utm';
import type { Position } from '../geometry/geojson.types';
import type { OrderType } from '../api/geodb.schemas';
import type { ClaimKind } from '../layout/layout.types';
import type { MonumentKind } from '../claims/monuments';
import type { CompassPoint } from '../claims/corner-numbering';
import type { NoticePlacement } from '../claims/notice-placement';
import type { LandStatus } from '../claims/state-land';
import type { Locator } from './locators';
import type { OrderPrice } from './order-price';
import type { SurveyLines } from '../plss/survey-lines';

export interface PackageCorner {
  /** 1..4 for a 4-corner claim (state / job numbering); drawing order for other shapes. */
  number: number;
  /** Where the corner lies from the claim's centre on the ground ("NE"); null when no compass word fits. */
  position: CompassPoint | null;
  utm: Utm;
  lonLat: Position;
  /** Physical post id within the package (shared corners of adjacent claims have the same id): "P12". */
  postId: string;
}

export interface PackageMonument {
  kind: MonumentKind;
  /** "DM", "LM (Corner 1)", "S/C 1", "E/C 2". */
  label: string;
  utm: Utm;
  lonLat: Position;
  postId: string;
}

/** One boundary course, corner n to corner n+1 (the last one closes back to Corner 1). */
export interface PackageCourse {
  from: number;
  to: number;
  /** True bearing, degrees clockwise from true north, [0, 360). */
  bearingDeg: number;
  distanceFt: number;
}

export interface PackageClaim {
  id: string;
  name: string;
  kind: ClaimKind;
  /** Ground acres (grid area corrected by the scale factor). */
  areaAcres: number;
  corners: PackageCorner[];
  monuments: PackageMonument[];
  courses: PackageCourse[];
  /** Only for 4-corner claims; null for irregular shapes. */
  frame: {
    /** Ground feet along the centerline, end line to end line. */
    lengthFt: number;
    /** Ground feet across, measured at the start end line. */
    widthFt: number;
    /** True bearing of the centerline from the start end line to the far end line. */
    courseDeg: number;
    /** Feet from the discovery monument to each end line (null when the LM is a corner, ID / NM). */
    fromDiscoveryFt: { start: number; end: number } | null;
    /** Feet each side of the centerline, measured at the discovery monument's cross-section. */
    sideWidthFt: { left: number; right: number };
  } | null;
  /** Where this claim's notice is posted (shared/claims/notice-placement.ts) and on which post, when on one. */
  notice: NoticePlacement & { postId: string | null };
}

export interface PackageClaimant {
  /** The first locator's name and address (the claimant), as on the order. */
  name: string;
  /** Mailing address lines, blanks removed. */
  addressLines: string[];
  /** Every locator, the claimant first (shared/documents/locators.ts). */
  locators: Locator[];
  agentName: string;
  agentAddress: string;
}

export interface PlssDescription {
  meridian: string;
  township: string;
  range: string;
  sections: string;
  aliquot: string;
}

/** A reference point for the tie ("N 23°14' E, 2,341.5 ft to the SW corner of Section 12"). */
export interface PackageTie {
  description: string;
  lonLat: Position;
  utm: Utm;
  /** From Corner 1 of the first claim to the reference point. */
  fromClaim: string;
  fromCorner: number;
  bearingDeg: number;
  distanceFt: number;
}

export interface PackageModel {
  generator: { name: string; version: string };
  /** ISO date (YYYY-MM-DD) the package was prepared, from the injected clock. */
  preparedOn: string;
  /** 'layout': made from a layout file without an order (`claimdesk package`). */
  source: 'job' | 'order' | 'layout';
  order: {
    /** null for a package made from a layout file: no order exists. */
    orderType: OrderType | null;
    orderId: number | null;
    orderNumber: string;
    projectName: string;
    companyName: string;
    customerEmail: string;
    claimsPurchased: number;
    /** The server's order status when known (for the manifest's orderSnapshot); absent or null: not known. */
    status?: string | null;
    /** The order's price from its raw payload (order-price.ts); absent or null: the payload carries none. */
    price?: OrderPrice | null;
  };
  epsg: number;
  utmZone: number;
  /** Two-letter code, or null when the state is unknown (documents then print blank lines for it). */
  stateCode: string | null;
  stateName: string;
  /** Never a county in Alaska, which records by recording district ('' there). */
  county: string;
  /** Alaska's recording district (AS 27.10.050); '' elsewhere or not yet chosen. */
  recordingDistrict: string;
  landStatus: LandStatus;
  district: string;
  /** ISO date or null: a blank line to fill in the field. */
  dateOfLocation: string | null;
  /** ISO date or null. */
  dateOfDiscovery: string | null;
  monumentType: string;
  claimant: PackageClaimant;
  plss: PlssDescription;
  tie: PackageTie | null;
  /** Section and township lines near the claims, from the imported PLSS (absent or null: none imported there). */
  survey?: SurveyLines | null;
  claims: PackageClaim[];
  /** Every physical post once (corners shared by adjacent claims appear once), in staking-route order. */
  posts: PackagePost[];
  /** Notes the documents should print (state rules, irregular claims). */
  notes: string[];
  /** Made from the posts as staked (absent or null: as planned). */
  asStaked?: AsStakedInfo | null;
}

/** What the crew set on the ground, once accepted: the package is then made "as staked" (shared/field). */
export interface AsStakedInfo {
  /** ISO date the staked points were brought in. */
  stakedOn: string;
  /** Claims whose corners the crew set elsewhere than planned: their recorded description changes. */
  changedClaims: string[];
  /** Each corner set elsewhere, per claim it marks: how far and which way from where it was planned. */
  moves: { claim: string; designation: string; offsetFt: number; bearingDeg: number }[];
  /** Posts not staked: kept where planned (their markings, "NV 1 Corner 3"). */
  unstaked: string[];
  /**
   * Set when the original package had already been delivered (or recorded): the changed claims' notices become
   * amended certificates / notices that refer to the original location and recording.
   */
  amendment: {
    /** The date of location stays the original one: a new date would be a relocation. */
    originalDateOfLocation: string | null;
    /** ISO date the original package was delivered. */
    deliveredOn: string | null;
    /** Where the original notice was recorded, when known; null prints blank lines to fill in. */
    recording: { recordedOn: string | null; reference: string | null } | null;
  } | null;
}

export interface PackagePost {
  /** "P1".."Pn" in staking-route order: the waypoint number on the field map and in the GPX. */
  id: string;
  kind: 'corner' | MonumentKind;
  lonLat: Position;
  utm: Utm;
  /** Every claim marking at this spot, e.g. [{claim:'CO 1', designation:'Corner 2'}, {claim:'CO 2', designation:'Corner 1'}]. */
  markings: { claim: string; designation: string }[];
}
