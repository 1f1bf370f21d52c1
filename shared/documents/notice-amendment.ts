/**
 * The amended certificate / notice of a claim whose corners were set elsewhere than the original notice says,
 * after that notice was delivered or recorded. What it must carry: that it amends (title), which instrument it
 * amends (the original date of location, and the recording when known: blanks to fill in otherwise), what
 * changed on the ground, and that the date of location is NOT changed. A new date of location would be a
 * relocation (a new location with its own notice, monuments and deadlines), which an amendment never is.
 *
 * Federal rule (all states): an amendment is recorded with the county first, then filed with the BLM within 90
 * days (43 CFR 3833.22(a)). Nevada provides for an amended certificate where the boundaries change
 * (NRS 517.200). For the other states our legal research names no amendment statute or form wording: the
 * amendment cites only the federal rule there, and adds no state wording of its own rather than invent it.
 */
import type { StateRule } from '../claims/state-rules';
import { formatBearing, formatFeet } from './bearing-format';
import { BLANK, longDate, type NoticeBlock } from './notice-blocks';
import type { AsStakedInfo, PackageClaim, PackageModel } from './package-model.types';

/** The state statute for an amended certificate, where our research names one. */
const AMENDMENT_STATUTES: Readonly<Record<string, string>> = {
  NV: 'NRS 517.200',
};

export const FEDERAL_AMENDMENT_RULE = '43 CFR 3833.22(a)';

type Amendment = NonNullable<AsStakedInfo['amendment']>;

/** The amendment that applies to this claim, or null: only the claims whose corners moved are amended. */
export function claimAmendment(model: Pick<PackageModel, 'asStaked'>, claim: Pick<PackageClaim, 'name'>): Amendment | null {
  const info = model.asStaked;
  if (!info?.amendment || !info.changedClaims.includes(claim.name)) return null;
  return info.amendment;
}

export function amendedTitle(rule: StateRule): string {
  return `Amended ${rule.certificateName}`;
}

export function amendmentAuthority(stateCode: string | null): string {
  const state = stateCode ? AMENDMENT_STATUTES[stateCode] : undefined;
  return state ? `${state} and ${FEDERAL_AMENDMENT_RULE}` : FEDERAL_AMENDMENT_RULE;
}

/** The amendment section, printed right after the opening of an amended notice. */
export function amendmentSection(model: PackageModel, claim: PackageClaim, rule: StateRule, amendment: Amendment): NoticeBlock[] {
  const info = model.asStaked!;
  const original = amendment.originalDateOfLocation ? longDate(amendment.originalDateOfLocation) : '';
  const recording = amendment.recording;
  const moves = info.moves.filter((m) => m.claim === claim.name);
  return [
    { kind: 'heading', text: 'Amendment' },
    {
      kind: 'paragraph',
      style: 'statement',
      text:
        `This ${amendedTitle(rule).toLowerCase()} amends the ${rule.certificateName.toLowerCase()} of the ${claim.name} claim ` +
        `located on ${original || BLANK}. It describes the claim as its monuments stand on the ground, ` +
        `as staked${info.stakedOn ? ` (positions brought in on ${longDate(info.stakedOn) || info.stakedOn})` : ''}.`,
    },
    {
      kind: 'fields',
      row: true,
      fields: [
        { label: 'Original date of location', value: original },
        { label: 'Original recorded on', value: recording?.recordedOn ? longDate(recording.recordedOn) || recording.recordedOn : '' },
        { label: 'Book / page or instrument no.', value: recording?.reference ?? '' },
      ],
    },
    {
      kind: 'table',
      caption: 'Monuments set elsewhere than the original notice describes (distance and true bearing from the original position)',
      columns: [
        { header: 'Monument', width: 2, align: 'left' },
        { header: 'Moved', width: 1, align: 'right' },
        { header: 'Bearing', width: 1.4, align: 'left' },
      ],
      rows: moves.map((m) => [m.designation, formatFeet(m.offsetFt), formatBearing(m.bearingDeg)]),
    },
    {
      kind: 'paragraph',
      style: 'statement',
      text:
        `The date of location is not changed: it remains ${original || 'the original date of location'}. ` +
        'This is an amendment of the original location, not a relocation; a new date of location would be a relocation and needs a new notice of its own.',
    },
    {
      kind: 'paragraph',
      style: 'note',
      text: `Record this amendment with the county recorder first, then file it with the BLM within 90 days (${amendmentAuthority(model.stateCode)}).`,
    },
  ];
}
