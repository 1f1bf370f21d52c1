/**
 * Per-state staking rules: the ONE table monuments, corner numbering, validation and (later) documents read.
 * Every entry cites its statute; "peer" = the geodb.io QClaims plugin's processors/state_constants.py, followed
 * where no statute says more. Items marked [VERIFY] (the copy of the statute checked was incomplete or
 * secondary) keep that mark in `notes` so the UI can show them; do not treat them as settled law.
 *
 * To add a field: add it to StateRule with a value in BASE, then override it per state in the `rule()` calls.
 * Unlisted states fall back to DEFAULT. The document fields (noticeStatute … recordingDistrictRequired) drive
 * the location notice's content (shared/documents/notice-content.ts).
 */
import type { CornerPosition } from '../layout/layout.types';
import { stateName } from '../geo/us-states';

export interface StateRule {
  code: string;
  name: string;
  /** Where the location (discovery) monument stands: on the lode centerline, or at a corner (ID, NM). */
  lm: 'centerline' | 'corner';
  /** Monuments at the midpoints of the two 1,500-ft side lines (WY, SD per the peer). */
  sidelineCentres: boolean;
  /** Monuments at the midpoints of the two 600-ft end lines (AZ, SD per the peer). */
  endlineCentres: boolean;
  /** Corner 1 fixed by law, whatever the job's setting (Alaska: 1 = NE). */
  corner1Fixed: CornerPosition | null;
  /** Corner 1 when the job has not chosen one. */
  defaultCorner1: CornerPosition;
  /** The notice/certificate must describe the monuments used (NV 517.050, CA PRC 3900). */
  monumentDescriptionRequired: boolean;
  /** Where the notice or certificate is recorded (the recording deadlines live in shared/documents/obligations). */
  recordingOffice: string;
  /** What the recorded document is called in that state. */
  certificateName: string;
  // Document fields: what the recorded notice must SAY under each state's statute.
  /** Statute the notice's content follows, printed under its title; null: federal law only. */
  noticeStatute: string | null;
  /** Certificate verified under oath before a notary (MT: MCA 82-2-102). */
  notaryRequired: boolean;
  /** A date-of-discovery line besides the date of location (AK, CO, MT, WY: their certificates or deadlines use it). */
  discoveryDateRequired: boolean;
  /**
   * The notice posted on the ground is a different document from the certificate recorded later (NRS 517.010 vs
   * 517.050; MCA 82-2-101 vs 82-2-102; W.S. 30-1-101; C.R.S. 34-43-106; AS 27.10.030 vs 27.10.050). Elsewhere a
   * signed copy of the posted notice is what is recorded.
   */
  postedNoticeSeparate: boolean;
  /** Statute a PLACER notice follows; null: the lode statute does not apply and none is on file (federal law only). */
  placerNoticeStatute: string | null;
  /** Distance from the location monument to EACH end of the claim, stated on its own (AZ: ARS 27-202). */
  distanceToEachEnd: boolean;
  /** "The location work consisted of making the maps", and recorded in duplicate with two maps (NV: NRS 517.050). */
  mapStatementRequired: boolean;
  /** Location and description of each corner with its markings (NV: NRS 517.050; ID: IC 47-602; CA: PRC 3901). */
  cornerMarkingsRequired: boolean;
  /** Corner posts marked with the direction of the boundary lines (ID: IC 47-602). */
  cornerLineDirections: boolean;
  /** Mining district printed even when unknown, as a line to fill in (ID: IC 47-602 "district (if any)"). */
  districtRequired: boolean;
  /** Recording district on the certificate (AK: AS 27.10.050). */
  recordingDistrictRequired: boolean;
  notes: string[];
  sources: string[];
}

const BASE: Omit<StateRule, 'code' | 'name'> = {
  lm: 'centerline',
  sidelineCentres: false,
  endlineCentres: false,
  corner1Fixed: null,
  // Peer default: C1 = SE, C2 = SW, C3 = NW, C4 = NE, clockwise (BLM's guide asks only for consecutive numbers).
  defaultCorner1: 'SE',
  monumentDescriptionRequired: false,
  recordingOffice: 'County recorder',
  certificateName: 'Notice of Location',
  noticeStatute: null,
  notaryRequired: false,
  discoveryDateRequired: false,
  postedNoticeSeparate: false,
  placerNoticeStatute: null,
  distanceToEachEnd: false,
  mapStatementRequired: false,
  cornerMarkingsRequired: false,
  cornerLineDirections: false,
  districtRequired: false,
  recordingDistrictRequired: false,
  notes: [],
  sources: [],
};

function rule(code: string, overrides: Partial<Omit<StateRule, 'code' | 'name'>>): StateRule {
  return { ...BASE, ...overrides, code, name: stateName(code) };
}

const BLM_RECORDING = 'https://www.blm.gov/programs/energy-and-minerals/mining-and-minerals/locatable-minerals/mining-claims/recording';
const PEER = 'https://github.com/joswhite1/geodb-qgis-plugin';

export const DEFAULT_STATE_RULE: StateRule = {
  ...BASE,
  code: 'DEFAULT',
  name: 'Other / unknown state',
  notes: [
    'No state-specific rules are on file: LM on the centerline, corners numbered clockwise from the chosen Corner 1.',
    'County recording deadline unknown here (states allow at most 90 days); BLM filing is due within 90 days of location (FLPMA §314).',
  ],
  sources: [BLM_RECORDING],
};

export const STATE_RULES: Readonly<Record<string, StateRule>> = {
  NV: rule('NV', {
    // NRS 517.010 (LM at discovery), 517.030 (corners within 60 days), 517.050 (certificate, each corner described).
    monumentDescriptionRequired: true,
    certificateName: 'Certificate of Location',
    noticeStatute: 'NRS 517.050',
    // NRS 517.110: a placer certificate must say it is for a placer claim; the location itself is NRS 517.090.
    placerNoticeStatute: 'NRS 517.110',
    postedNoticeSeparate: true,
    mapStatementRequired: true,
    cornerMarkingsRequired: true,
    notes: [
      'Duplicate certificates of location plus two map copies within 90 days; a certificate missing any item is void (NRS 517.050).',
      'Corner monuments within 60 days of posting (NRS 517.030); the map establishes the boundary-monument numbers (NRS 517.040).',
      'Placer notice is posted on a monument along the north boundary (NRS 517.090).',
    ],
    sources: ['http://nv.elaws.us/NRS/517.040', 'https://churchillcountynv.gov/294/Mining', 'https://nevada.public.law/statutes/nrs_517.140'],
  }),
  AZ: rule('AZ', {
    // ARS 27-202: LM on the centerline; peer adds end-line centre monuments.
    endlineCentres: true,
    certificateName: 'Location Notice',
    noticeStatute: 'A.R.S. § 27-202',
    // A.R.S. 27-202 is the lode section; 27-203 covers completing and recording lode, placer or millsite locations.
    placerNoticeStatute: 'A.R.S. § 27-203',
    distanceToEachEnd: true,
    notes: [
      'End-line centre monuments follow the peer tool [VERIFY ARS 27-203 D].',
      'Notice gives the distance from the LM to each end of the claim (ARS 27-202).',
      'Map ≤ 8.5 × 14 in, scale 1 in ≤ 2,000 ft (ARS 27-203 B/C) [VERIFY map contents, 27-203 C].',
    ],
    sources: [
      'https://law.onecle.com/arizona/title-27/27-202.html',
      'https://casetext.com/statute/arizona-revised-statutes/title-27-minerals-oil-and-gas/chapter-2-mining-rights-in-land/article-1-mining-locations/section-27-203-completing-lode-placer-or-millsite-locations-recording-location-notice-monumenting-map-plat-or-sketch-requirements-abandonment-of-claims-recorder-duties-and-fees',
    ],
  }),
  UT: rule('UT', {
    noticeStatute: 'Utah Code § 40-1-2',
    notes: [
      'Monument at the discovery with the notice (UCA 40-1-2); boundaries distinctly marked, no post count given (40-1-3).',
      'A substantial copy of the notice recorded within 30 days (UCA 40-1-4).',
    ],
    sources: ['https://law.uslawyerdatabase.com/us-law/2022-utah-code/title-40-mines-and-mining/chapter-1-mining-claims', 'https://blm.gov/programs/energy-and-minerals/mining-and-minerals/about/utah'],
  }),
  ID: rule('ID', {
    // IC 47-602: notice posted at one corner, which is the location monument. A lode's discovery point is still
    // marked and described: BLM wants a lode description to begin at the discovery (43 CFR 3832.12).
    lm: 'corner',
    // IC 47-602: district (if any) and county; posts marked with name, corner number, boundary-line directions.
    noticeStatute: 'Idaho Code § 47-602',
    // The notice names the claim "lode or placer" (IC 47-602), so the same section governs a placer notice.
    placerNoticeStatute: 'Idaho Code § 47-602',
    districtRequired: true,
    cornerMarkingsRequired: true,
    cornerLineDirections: true,
    notes: [
      'The location monument is a corner; posts ≥ 4 ft high, 4 in square or diameter, marked with claim name, corner number and direction of the boundary lines (IC 47-602).',
      'The notice gives direction and distance from the posted corner to a natural object or monument.',
    ],
    sources: ['https://legislature.idaho.gov/statutesrules/idstat/Title47/T47CH6/SECT47-602/', 'https://fdocuments.in/reader/full/idaho-information-guide-bluebook-rev-july-2009webpdfidaho-information-guide'],
  }),
  WY: rule('WY', {
    sidelineCentres: true,
    recordingOffice: 'County clerk',
    certificateName: 'Location Certificate',
    noticeStatute: 'W.S. § 30-1-101',
    placerNoticeStatute: 'W.S. § 30-1-110',
    postedNoticeSeparate: true,
    // The certificate is due within 90 days of DISCOVERY (W.S. 30-1-101): the date is needed to count it.
    discoveryDateRequired: true,
    notes: [
      'Side-line centre monuments follow the peer tool [VERIFY current W.S. 30-1-103].',
      'Location certificate within 90 days of discovery; an incomplete certificate is void (W.S. 30-1-101).',
    ],
    sources: ['https://legalfix.com/statutes/state-codes/wyoming/title-30/chapter-1/section-30-1-101', 'https://getpocketlaw.com/law/state_wyoming/section-30-1-110-location-certificate-for-placer-claims_6915b3c3f825'],
  }),
  MT: rule('MT', {
    recordingOffice: 'County clerk',
    certificateName: 'Certificate of Location',
    noticeStatute: 'MCA § 82-2-102',
    placerNoticeStatute: 'MCA § 82-2-102',
    postedNoticeSeparate: true,
    notaryRequired: true,
    discoveryDateRequired: true,
    notes: ['Certificate within 60 days, verified under oath (notarized) (MCA 82-2-102).'],
    sources: [
      'https://leg.mt.gov/bills/mca/title_0820/chapter_0020/part_0010/section_0010/0820-0020-0010-0010.html',
      'https://leg.mt.gov/bills/mca/title_0820/chapter_0020/part_0010/section_0020/0820-0020-0010-0020.html',
    ],
  }),
  CO: rule('CO', {
    // C.R.S. 34-43: six posts for a lode, one at each corner and one at the centre of each side line. The copy of
    // the text checked was cut off before naming the two extra posts; the side-line centres are the traditional
    // reading [VERIFY C.R.S. 34-43-108 against the official text].
    sidelineCentres: true,
    recordingOffice: 'County clerk and recorder',
    certificateName: 'Location Certificate',
    noticeStatute: 'C.R.S. § 34-43-106',
    placerNoticeStatute: 'C.R.S. § 34-43-112',
    postedNoticeSeparate: true,
    discoveryDateRequired: true,
    notes: [
      'Lode: six posts, one at each corner and one at the centre of each side line (C.R.S. 34-43) [VERIFY C.R.S. 34-43-108 for the two side-line posts].',
      'Lode certificate within 3 months of discovery; placer within 30 days. One location per certificate.',
      'A field-survey map at about 1 in = 500 ft may replace the 10-ft discovery shaft (CRS 34-43-106(2)).',
    ],
    sources: ['https://law.uslawyerdatabase.com/us-law/2022-colorado-code/title-34-mineral-resources/article-43-claims-how-located', 'https://legalfix.com/statutes/state-codes/colorado/title-34/mines-and-minerals/article-43/section-34-43-106', 'https://colorado.public.law/statutes/crs_34-43-112'],
  }),
  CA: rule('CA', {
    monumentDescriptionRequired: true,
    noticeStatute: 'Cal. Pub. Res. Code § 3900',
    placerNoticeStatute: 'Cal. Pub. Res. Code § 3902',
    cornerMarkingsRequired: true,
    notes: [
      'LM at the discovery with the notice (PRC 3900); corner monuments within 60 days, marked with corner designation and claim name (PRC 3901).',
      'The notice describes the monument types used for discovery and corners; non-compliance voids it (PRC 3905).',
      'County recording within 90 days is from a secondary source [VERIFY section number].',
      'An affidavit of labor or of the maintenance fee paid is recorded with the county within 30 days after the fee is due (PRC 3913).',
    ],
    sources: ['http://www.laws9.com/statutes/california/prc/3900-3924', 'https://self-law.org/code/ca/public-resources-code/3915', 'https://self-law.org/code/ca/public-resources-code/3905'],
  }),
  NM: rule('NM', {
    // NMSA 69-3-1: four corner posts; the peer treats NM as "LM at Corner 1". A lode still gets its discovery point
    // (43 CFR 3832.12: a lode description begins at the discovery).
    lm: 'corner',
    recordingOffice: 'County clerk',
    noticeStatute: 'NMSA 1978, § 69-3-1',
    placerNoticeStatute: 'NMSA 1978, § 69-3-1',
    notes: [
      'Lode: four posts, one at each corner; notice posted in some conspicuous place. Placer: notice at a designated corner (NMSA 69-3-1 A–B).',
      'Posting date = date of location; notice filed within 90 days [VERIFY full NMSA 69-3-1 C list].',
    ],
    sources: ['https://law.justia.com/codes/new-mexico/2021/chapter-69/article-3/section-69-3-1/', 'https://legalfix.com/statutes/state-codes/new-mexico/chapter-69/article-3/section-69-3-1'],
  }),
  OR: rule('OR', {
    recordingOffice: 'County clerk',
    noticeStatute: 'ORS 517.010',
    placerNoticeStatute: 'ORS 517.044',
    notes: [
      'Notice at the discovery; four corner posts within 30 days, removed when the claim is dropped (ORS 517.010).',
      'Copy of the posted notice recorded within 60 days (ORS 517.030); mill site within 30 days (ORS 517.160).',
    ],
    sources: ['https://getpocketlaw.com/law/state_oregon/section-517-010-location-of-mining-claims-upon-veins-or-lodes_1460792703d0', 'https://oregon.public.law/statutes/ors_517.030'],
  }),
  WA: rule('WA', {
    recordingOffice: 'County auditor',
    noticeStatute: 'RCW 78.08.050',
    notes: ['Notice recorded within 90 days of discovery (RCW 78.08.050).'],
    sources: ['https://app.leg.wa.gov/rcw/default.aspx?cite=78.08.050'],
  }),
  AK: rule('AK', {
    // Alaska state land fixes 1 = NE, 2 = SE, 3 = SW, 4 = NW (DNR); the federal lode notice goes on the NE corner (AS 27.10.030(1)).
    corner1Fixed: 'NE',
    defaultCorner1: 'NE',
    recordingOffice: 'District recorder',
    certificateName: 'Certificate of Location',
    noticeStatute: 'AS 27.10.050',
    placerNoticeStatute: 'AS 27.10.050',
    postedNoticeSeparate: true,
    discoveryDateRequired: true,
    recordingDistrictRequired: true,
    notes: [
      'Corner numbering is fixed: 1 = NE, 2 = SE, 3 = SW, 4 = NW; the lode notice goes on the NE post (#1) (AS 27.10.030(1)).',
      'Federal land: certificate within 90 days, late recording = abandonment (AS 27.10.050). State (DNR) land: 45 days, with first rental.',
      'State-land traditional locations: ≤ 1,320 ft a side, cardinal directions; MTRSC quarter or quarter-quarter sections.',
    ],
    sources: ['http://ak.elaws.us/as/27.10.050', 'https://dnr.alaska.gov/mlw/cdn/pdf/factsheets/staking-requirements-for-mineral-locations-on-state-land.pdf', PEER],
  }),
  SD: rule('SD', {
    sidelineCentres: true,
    endlineCentres: true,
    notes: [
      'Side-line and end-line centre monuments follow the peer tool only [VERIFY against SDCL].',
      'County recording deadline not on file [VERIFY against SDCL].',
    ],
    sources: [PEER],
  }),
};

/** The rule for a two-letter state code (any case); DEFAULT for null or a state with no entry. */
export function stateRule(code: string | null): StateRule {
  if (code === null) return DEFAULT_STATE_RULE;
  return STATE_RULES[code.trim().toUpperCase()] ?? DEFAULT_STATE_RULE;
}
