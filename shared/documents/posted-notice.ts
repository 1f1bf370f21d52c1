/**
 * The notice POSTED on the ground, where a state makes it a different document from the certificate recorded
 * later (StateRule.postedNoticeSeparate): NRS 517.010(3) (NV lode) / 517.090 (NV placer), MCA 82-2-101 (MT),
 * W.S. 30-1-101 and 30-1-110 (WY), C.R.S. 34-43-106 (CO discovery sign), AS 27.10.030 (AK). Each says only what
 * its statute lists, in words a passer-by reads at the post; blanks are lines to write on in the field.
 */
import { stateRule } from '../claims/state-rules';
import { formatAcres, formatBearing, formatFeet, generalCourse } from './bearing-format';
import { BLANK, longDate, type NoticeField } from './notice-blocks';
import { cornerTitle } from './notice-corners';
import { capitalised, kindWords } from './notice-parties';
import type { PackageClaim, PackageModel } from './package-model.types';
import { landDescriptionText } from '../plss/land-description';

export interface PostedNotice {
  claimName: string;
  title: string;
  /** "Posted under NRS 517.010". */
  authority: string;
  fields: NoticeField[];
  /** Where on the claim this notice is fixed. */
  postedAt: string;
  signers: { name: string }[];
}

function lodeDimensions(claim: PackageClaim): NoticeField[] {
  const f = claim.frame;
  if (!f) return [{ label: 'Dimensions', value: `${claim.corners.length}-sided claim, ${formatAcres(claim.areaAcres)}` }];
  const fields: NoticeField[] = [];
  if (f.fromDiscoveryFt) {
    fields.push({
      label: 'Length claimed along the vein',
      value: `${formatFeet(f.fromDiscoveryFt.end)} ${formatBearing(f.courseDeg)} and ${formatFeet(f.fromDiscoveryFt.start)} ${formatBearing(f.courseDeg + 180)} from the point of discovery`,
    });
  } else {
    fields.push({ label: 'Length', value: formatFeet(f.lengthFt) });
  }
  fields.push(
    { label: 'Width each side of the centre', value: `${formatFeet(f.sideWidthFt.left)} and ${formatFeet(f.sideWidthFt.right)}` },
    { label: 'General course of the vein', value: generalCourse(f.courseDeg) },
  );
  return fields;
}

/** AS 27.10.030(1)(D): the approximate bearings of the corners from the posted (NE) corner. */
function cornerBearings(claim: PackageClaim): NoticeField {
  const from = claim.corners.find((c) => c.postId === claim.notice.postId) ?? claim.corners[0]!;
  const lines = claim.courses.map((c) => `${c.from}–${c.to} ${formatBearing(c.bearingDeg)} ${formatFeet(c.distanceFt)}`);
  return { label: `Bearings of the lines from ${cornerTitle(from)}`, value: lines.join('; ') };
}

function dimensions(model: PackageModel, claim: PackageClaim): NoticeField[] {
  const code = model.stateCode;
  if (claim.kind === 'placer') {
    const f = claim.frame;
    return [{ label: 'Area claimed', value: `${formatAcres(claim.areaAcres)}${f ? ` (${formatFeet(f.lengthFt)} by ${formatFeet(f.widthFt)})` : ''}` }];
  }
  if (code === 'CO') return [];
  if (code === 'AK') return [...lodeDimensions(claim), cornerBearings(claim)];
  if (code === 'MT' && claim.frame) return [{ label: 'Approximate dimensions', value: `${formatFeet(claim.frame.lengthFt)} by ${formatFeet(claim.frame.widthFt)}` }];
  return lodeDimensions(claim);
}

export function postedNotice(model: PackageModel, claim: PackageClaim): PostedNotice {
  const rule = stateRule(model.stateCode);
  const code = model.stateCode;
  const locators = model.claimant.locators;
  const fields: NoticeField[] = [
    { label: 'Name of claim', value: claim.name },
    { label: 'Kind', value: `${capitalised(kindWords(claim, model))} mining claim` },
    ...locators.flatMap((l, k) => [
      { label: locators.length > 1 ? `Locator ${k + 1}` : 'Locator', value: l.name },
      { label: 'Mailing address', value: l.addressLines.join('\n') },
    ]),
    { label: 'Date of location (posting)', value: longDate(model.dateOfLocation) },
  ];
  // CO's discovery sign and WY's placer notice give the date of discovery (C.R.S. 34-43-106; W.S. 30-1-110).
  if (code === 'CO' || code === 'WY' || code === 'AK') fields.push({ label: 'Date of discovery', value: longDate(model.dateOfDiscovery) });
  fields.push(...dimensions(model, claim));
  if (model.stateCode === 'AK' && model.landStatus === 'state') {
    // The same one-line legal description the certificate prints: State-land locations are MTRSC parts.
    fields.push({ label: 'Meridian, township, range, section', value: landDescriptionText(model.plss) });
  }
  const citation = claim.notice.citation;
  return {
    claimName: claim.name,
    title: code === 'CO' && claim.kind === 'lode' ? 'Discovery notice' : 'Notice of location',
    authority: `Posted under ${citation}${rule.noticeStatute ? `; the certificate to be recorded follows ${claim.kind === 'placer' ? (rule.placerNoticeStatute ?? rule.noticeStatute) : rule.noticeStatute}` : ''}`,
    fields,
    postedAt: claim.notice.postId ? `${capitalised(claim.notice.where)} (post ${claim.notice.postId}).` : `${capitalised(claim.notice.where)}.`,
    signers: locators.map((l) => ({ name: l.name || BLANK })),
  };
}
