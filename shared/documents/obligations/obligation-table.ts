/**
 * The obligations table: every filing, payment and field deadline a staking package creates, cited, with the
 * dates each entry is in force (types and conventions in obligation.types.ts). Read it through obligations.ts.
 * A rule change is a new entry with its effectiveFrom (and an effectiveTo on the old one), never an edit in place:
 * packages located before the change keep the rule they were staked under. The 2 September 2025 amendment of
 * 43 CFR 3830 (90 FR 42336) changed terminology only in the copy on file [VERIFY], so no entry is split by it.
 */
import type { ClaimKind } from '../../layout/layout.types';
import type { DueRule, FeeRule, Obligation } from './obligation.types';

export const RECORDING_OFFICE = 'recording-office';
const BOTH: readonly ClaimKind[] = ['lode', 'placer'];
const LODE: readonly ClaimKind[] = ['lode'];
const PLACER: readonly ClaimKind[] = ['placer'];
const BLM_RECORDING = 'https://www.blm.gov/programs/energy-and-minerals/mining-and-minerals/locatable-minerals/mining-claims/recording';

const open = { effectiveFrom: null, effectiveTo: null };

function recording(state: string, kinds: readonly ClaimKind[], due: DueRule, citation: string, extra: Partial<Obligation> = {}): Obligation {
  return {
    id: `${state.toLowerCase()}-recording${kinds.length === 1 ? `-${kinds[0]}` : ''}`,
    jurisdiction: state,
    land: 'federal',
    kinds,
    category: 'recording',
    label: 'Record the notice or certificate of location',
    office: RECORDING_OFFICE,
    due,
    fees: [],
    citation,
    notes: [],
    sources: [],
    ...open,
    ...extra,
  };
}

function corners(state: string, kinds: readonly ClaimKind[], days: number, citation: string, sources: string[]): Obligation {
  return {
    id: `${state.toLowerCase()}-corners`,
    jurisdiction: state,
    land: 'federal',
    kinds,
    category: 'monumenting',
    label: 'Set the corner monuments on the ground',
    office: 'On the claim',
    due: { kind: 'within-days', from: 'location', days },
    fees: [],
    citation,
    notes: [],
    sources,
    ...open,
  };
}

const FEDERAL: Obligation[] = [
  {
    id: 'blm-recording',
    jurisdiction: 'federal',
    land: 'federal',
    kinds: BOTH,
    category: 'blm-filing',
    label: 'File the recorded notice with BLM, with a map and the fees',
    office: 'BLM',
    due: { kind: 'within-days', from: 'location', days: 90 },
    fees: [
      { kind: 'blm', item: 'location', label: 'Location fee' },
      { kind: 'blm', item: 'initialMaintenance', label: 'Initial maintenance fee' },
      { kind: 'blm', item: 'processing', label: 'Processing fee' },
    ],
    citation: '43 U.S.C. 1744 (FLPMA §314); 43 CFR 3833.11; fees 43 CFR 3830.21',
    notes: ['Record with the county (or district) as well: filing in MLRS does not record with the county.'],
    sources: [BLM_RECORDING],
    ...open,
  },
  {
    id: 'blm-first-maintenance',
    jurisdiction: 'federal',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'Pay the first annual maintenance fee, or file a small-miner waiver',
    office: 'BLM',
    due: { kind: 'first-maintenance' },
    fees: [{ kind: 'blm', item: 'annualMaintenance', label: 'Annual maintenance fee' }],
    citation: '30 U.S.C. 28f; 43 CFR 3834.11',
    notes: ['No grace period: a late or missing payment makes the claim void.'],
    sources: ['https://old.govregs.com/regulations/title43_chapterII_part3830_subpartD_section3830.21'],
    repeats: { laterLabel: 'Pay the annual maintenance fee, or file a small-miner waiver (Form 3830-2)' },
    ...open,
  },
  {
    id: 'blm-waiver-notice-of-intent',
    jurisdiction: 'federal',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'With a waiver: file the notice of intent to hold (first year; later years the affidavit of assessment work)',
    office: 'BLM',
    due: { kind: 'annual-after-first-maintenance', month: 12, day: 30 },
    fees: [{ kind: 'blm', item: 'annualFiling', label: 'Annual filing fee' }],
    citation: '43 U.S.C. 1744(a); 43 CFR part 3835',
    onlyWithWaiver: true,
    notes: ['Form 3830-2 (the waiver certification) carries no processing fee; this filing does.'],
    sources: ['http://m.omb.report/icr/201604-1004-005/doc/66406901', 'https://kjhmining.com/claim-staking-guides'],
    repeats: { laterLabel: 'With a waiver: file the affidavit of assessment work' },
    ...open,
  },
];

const AZ_27_203 =
  'https://casetext.com/statute/arizona-revised-statutes/title-27-minerals-oil-and-gas/chapter-2-mining-rights-in-land/article-1-mining-locations/section-27-203-completing-lode-placer-or-millsite-locations-recording-location-notice-monumenting-map-plat-or-sketch-requirements-abandonment-of-claims-recorder-duties-and-fees';
const NV_SOURCES = ['http://nv.elaws.us/NRS/517.040', 'https://nevada.public.law/statutes/nrs_517.100', 'https://nevada.public.law/statutes/nrs_517.185'];
const NV_DIVISION_FEE: FeeRule = {
  kind: 'per-claim',
  dollars: null,
  label: 'Division of Minerals filing fee (set by regulation; amount not on file [VERIFY with the county recorder])',
  citation: 'NRS 517.185',
};

const STATES: Obligation[] = [
  recording('NV', LODE, { kind: 'within-days', from: 'location', days: 90 }, 'NRS 517.050', {
    label: 'Record duplicate certificates of location with two copies of the map',
    fees: [{ kind: 'per-claim', dollars: 15, label: 'Map filing fee', citation: 'NRS 517.040(2)' }, NV_DIVISION_FEE],
    notes: ['The county recording fee per document is charged besides these.'],
    sources: NV_SOURCES,
  }),
  recording('NV', PLACER, { kind: 'within-days', from: 'location', days: 90 }, 'NRS 517.100; NRS 517.110', {
    label: 'Record the placer certificate of location with two copies of the map',
    fees: [{ kind: 'per-acre', dollars: 1, label: 'Map filing fee', citation: 'NRS 517.100' }, NV_DIVISION_FEE],
    notes: ['The county recording fee per document is charged besides these.'],
    sources: NV_SOURCES,
  }),
  corners('NV', LODE, 60, 'NRS 517.030', ['http://nv.elaws.us/NRS/517.040']),
  {
    id: 'nv-notice-of-intent',
    jurisdiction: 'NV',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'Record the notice of intent to hold (or proof of labor) with the county',
    office: RECORDING_OFFICE,
    due: { kind: 'annual-after-first-maintenance', month: 11, day: 1 },
    fees: [{ kind: 'per-claim', dollars: 2, label: 'Recording fee', citation: 'NRS 247.310' }, NV_DIVISION_FEE],
    citation: 'NRS 517.230',
    notes: ['Due by 1 November every year after the annual maintenance fee or waiver.'],
    sources: ['https://nevada.public.law/statutes/nrs_517.185', 'http://storeycounty.org/358/Mining-Documents'],
    repeats: {},
    ...open,
  },
  recording('AZ', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'A.R.S. § 27-203(A)(1)', {
    label: 'Record an executed copy of the location notice with a map, plat or sketch',
    sources: [AZ_27_203],
  }),
  { ...corners('AZ', BOTH, 90, 'A.R.S. § 27-203(A)(2)', [AZ_27_203]), label: 'Monument the claim so its boundaries can be readily traced' },
  {
    id: 'az-annual-affidavit',
    jurisdiction: 'AZ',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'Record an affidavit of annual work or of the maintenance fee paid',
    office: RECORDING_OFFICE,
    due: { kind: 'annual-after-first-maintenance', month: 12, day: 30 },
    fees: [],
    citation: 'A.R.S. § 27-208',
    optional: true,
    notes: ['"Before December 31" of each year the fee or work is due; the statute says the owner MAY record it, and it is evidence the fee was paid.'],
    sources: ['http://azleg.gov/legtext/51leg/1r/bills/hb2087h.htm'],
    repeats: {},
    ...open,
  },
  recording('UT', BOTH, { kind: 'within-days', from: 'location', days: 30 }, 'Utah Code § 40-1-4', { sources: ['https://blm.gov/programs/energy-and-minerals/mining-and-minerals/about/utah'] }),
  recording('ID', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'Idaho Code title 47, ch. 6 (BLM Idaho guide) [VERIFY section]', {
    sources: ['https://fdocuments.in/reader/full/idaho-information-guide-bluebook-rev-july-2009webpdfidaho-information-guide'],
  }),
  recording('WY', LODE, { kind: 'within-days', from: 'discovery', days: 90 }, 'W.S. § 30-1-101', { sources: ['https://legalfix.com/statutes/state-codes/wyoming/title-30/chapter-1/section-30-1-101'] }),
  recording('WY', PLACER, { kind: 'within-days', from: 'discovery', days: 90 }, 'W.S. § 30-1-110 [VERIFY the placer period]', {
    notes: ['The placer period is taken as the lode one; the copy of W.S. 30-1-110 on file does not state it.'],
  }),
  recording('MT', BOTH, { kind: 'within-days', from: 'location', days: 60 }, 'MCA § 82-2-102', {
    label: 'Record the certificate of location, verified under oath',
    sources: ['https://leg.mt.gov/bills/mca/title_0820/chapter_0020/part_0010/section_0020/0820-0020-0010-0020.html'],
  }),
  corners('MT', BOTH, 30, 'MCA § 82-2-101', ['https://leg.mt.gov/bills/mca/title_0820/chapter_0020/part_0010/section_0010/0820-0020-0010-0010.html']),
  {
    id: 'mt-assessment-affidavit',
    jurisdiction: 'MT',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'With a waiver (assessment work done): file the affidavit of annual work with the county clerk',
    office: RECORDING_OFFICE,
    due: { kind: 'after-first-maintenance', days: 90 },
    fees: [],
    citation: 'MCA § 82-2-103',
    onlyWithWaiver: true,
    notes: ['Within 90 days after the federal assessment year ends (1 September).'],
    sources: ['https://leg.mt.gov/bills/mca/title_0820/chapter_0020/part_0010/section_0030/0820-0020-0010-0030.html'],
    repeats: {},
    ...open,
  },
  recording('CO', LODE, { kind: 'within-months', from: 'discovery', months: 3 }, 'C.R.S. § 34-43-106', {
    label: 'Record the location certificate (one location per certificate)',
    sources: ['https://legalfix.com/statutes/state-codes/colorado/title-34/mines-and-minerals/article-43/section-34-43-106'],
  }),
  recording('CO', PLACER, { kind: 'within-days', from: 'discovery', days: 30 }, 'C.R.S. § 34-43-112 [VERIFY whether counted from discovery]', {
    sources: ['https://colorado.public.law/statutes/crs_34-43-112'],
  }),
  recording('CA', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'Cal. Pub. Res. Code (county recording) [VERIFY section number]', {
    sources: ['http://www.laws9.com/statutes/california/prc/3900-3924'],
  }),
  corners('CA', LODE, 60, 'Cal. Pub. Res. Code § 3901', ['http://www.laws9.com/statutes/california/prc/3900-3924']),
  {
    id: 'ca-annual-affidavit',
    jurisdiction: 'CA',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'Record the affidavit of labor or of the maintenance fee paid with the county',
    office: RECORDING_OFFICE,
    due: { kind: 'after-first-maintenance', days: 30 },
    fees: [],
    citation: 'Cal. Pub. Res. Code § 3913',
    notes: ['Within 30 days after the time the maintenance fee (or the labor) is due, every year.'],
    sources: ['https://legiscan.com/CA/text/AB1734/2015'],
    repeats: {},
    ...open,
  },
  recording('NM', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'NMSA 1978, § 69-3-1', { sources: ['https://law.justia.com/codes/new-mexico/2021/chapter-69/article-3/section-69-3-1/'] }),
  recording('OR', BOTH, { kind: 'within-days', from: 'location', days: 60 }, 'ORS 517.030', { sources: ['https://oregon.public.law/statutes/ors_517.030'] }),
  corners('OR', LODE, 30, 'ORS 517.010', ['https://getpocketlaw.com/law/state_oregon/section-517-010-location-of-mining-claims-upon-veins-or-lodes_1460792703d0']),
  {
    id: 'or-annual-affidavit',
    jurisdiction: 'OR',
    land: 'federal',
    kinds: BOTH,
    category: 'annual',
    label: 'Record the affidavit that the federal fee was paid (or the labor done)',
    office: RECORDING_OFFICE,
    due: { kind: 'after-first-maintenance', days: 30 },
    fees: [],
    citation: 'ORS 517.210',
    notes: ['Within 30 days after the payment; counted here from the 1 September due date, so pay on time or count from your payment.'],
    sources: ['https://law.onecle.com/oregon/517-mining-and-mining-claims/517.210.html'],
    repeats: {},
    ...open,
  },
  recording('WA', BOTH, { kind: 'within-days', from: 'discovery', days: 90 }, 'RCW 78.08.050', { sources: ['https://app.leg.wa.gov/rcw/default.aspx?cite=78.08.050'] }),
  recording('AK', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'AS 27.10.050', {
    label: 'Record the certificate of location with the district recorder',
    notes: ['Late recording is abandonment of the claim (AS 27.10.050).'],
    sources: ['http://ak.elaws.us/as/27.10.050'],
  }),
];

const AK_STATE_SOURCES = ['https://dnr.alaska.gov/mlw/cdn/pdf/factsheets/staking-requirements-for-mineral-locations-on-state-land.pdf'];

/** State of Alaska land: DNR's regime replaces the BLM filings. */
const ALASKA_STATE_LAND: Obligation[] = [
  {
    id: 'ak-state-recording',
    jurisdiction: 'AK',
    land: 'state',
    kinds: BOTH,
    category: 'recording',
    label: 'Record the certificate of location with the district recorder (with the map)',
    office: RECORDING_OFFICE,
    due: { kind: 'within-days', from: 'location', days: 45 },
    fees: [],
    citation: 'AS 38.05.195; Alaska DNR staking requirements for state land',
    notes: ['Late recording is abandonment; the same party cannot relocate the ground for a year.'],
    sources: AK_STATE_SOURCES,
    ...open,
  },
  {
    id: 'ak-state-first-rental',
    jurisdiction: 'AK',
    land: 'state',
    kinds: BOTH,
    category: 'annual',
    label: 'Pay the first annual rental to DNR',
    office: 'Alaska DNR',
    due: { kind: 'within-days', from: 'location', days: 45 },
    fees: [{ kind: 'alaska-rental', label: 'First annual rental', citation: 'Alaska DNR rental schedule' }],
    citation: 'Alaska DNR state-land location rules (rental statute not on file [VERIFY])',
    notes: ['$40 for a traditional or quarter-quarter MTRSC location, $165 for a quarter-section MTRSC location; late rent is abandonment.'],
    sources: AK_STATE_SOURCES,
    ...open,
  },
];

/** Where a state has no recording rule on file: at most 90 days (the longest any state allows), verify. */
export function unknownRecording(state: string | null): Obligation {
  return recording(state ?? 'XX', BOTH, { kind: 'within-days', from: 'location', days: 90 }, 'State law not on file [VERIFY]', {
    id: 'unknown-recording',
    jurisdiction: state ?? 'unknown',
    notes: ["No state rule is on file: no state allows more than 90 days, so treat 90 days as the latest and check the state's statute."],
    sources: [BLM_RECORDING],
  });
}

export const OBLIGATIONS: readonly Obligation[] = [...FEDERAL, ...STATES, ...ALASKA_STATE_LAND];
