/**
 * WHAT a claim's location notice / certificate of location says, from the package model and the state's rules
 * (shared/claims/state-rules.ts). Pure: the PDF renderer lays these blocks out and adds nothing of substance, so
 * every legal item is checked by unit tests here. A state's item the model cannot supply (discovery date, PLSS,
 * county) becomes a blank line to fill in, never a silently missing item: an NV certificate or WY location
 * certificate lacking an item is void.
 *
 * The sections live beside this file: who and where (notice-parties.ts), the ground (notice-description.ts) and
 * the monuments (notice-monuments.ts). A placer notice cites the state's placer statute and describes no vein.
 */
import type { StateRule } from '../claims/state-rules';
import { stateRule } from '../claims/state-rules';
import { BLANK, type NoticeBlock, type NoticeDocument } from './notice-blocks';
import { locationMonumentCorner } from './notice-corners';
import { boundarySection, dimensionSection, landSection, tieSection } from './notice-description';
import { monumentSection } from './notice-monuments';
import { amendedTitle, amendmentAuthority, amendmentSection, claimAmendment } from './notice-amendment';
import { capitalised, claimSection, kindWords, locatorSection } from './notice-parties';
import { noticeSignatures } from './notice-signatures';
import type { PackageClaim, PackageCorner, PackageModel } from './package-model.types';

export interface NoticeContext {
  model: PackageModel;
  claim: PackageClaim;
  rule: StateRule;
  /** The corner the notice is posted on when the LM is a corner (ID, NM), else null. */
  lmCorner: PackageCorner | null;
}

/** The statute a claim's notice follows: the state's placer section for a placer (NRS 517.110, PRC 3902 …). */
export function noticeStatute(rule: StateRule, claim: Pick<PackageClaim, 'kind'>): string | null {
  return claim.kind === 'placer' ? rule.placerNoticeStatute : rule.noticeStatute;
}

/** The General Mining Law's section for the kind: lodes 30 U.S.C. § 23, placers § 35 (both under § 22 et seq.). */
export function federalAuthority(claim: Pick<PackageClaim, 'kind'>): string {
  return claim.kind === 'placer' ? 'the General Mining Law (30 U.S.C. §§ 22, 35)' : 'the General Mining Law (30 U.S.C. §§ 22, 23)';
}

function stateStatements({ rule, claim }: NoticeContext): NoticeBlock[] {
  if (!rule.mapStatementRequired) return [];
  if (claim.kind === 'placer') {
    return [
      { kind: 'heading', text: 'Maps' },
      { kind: 'paragraph', style: 'statement', text: 'Two copies of a map of this placer claim, on a scale of not less than 500 feet to the inch, are filed with this certificate (NRS 517.100).' },
    ];
  }
  return [
    { kind: 'heading', text: 'Location work' },
    { kind: 'paragraph', style: 'statement', text: 'The location work for this claim consisted of making the maps of the claim required by NRS 517.040, filed with this certificate.' },
    { kind: 'paragraph', style: 'statement', text: `This certificate is recorded in duplicate, with two copies of the map of the claim (${rule.noticeStatute ?? 'NRS 517.050'}).` },
  ];
}

function opening({ model, claim, rule }: NoticeContext): NoticeBlock {
  const several = model.claimant.locators.length > 1;
  const act = /certificate/i.test(rule.certificateName) ? (several ? 'certify' : 'certifies') : several ? 'give notice of' : 'gives notice of';
  const state = model.stateName !== '' ? model.stateName : BLANK;
  return {
    kind: 'paragraph',
    style: 'body',
    text: `The undersigned ${several ? 'locators' : 'locator'} hereby ${act} the location of the ${claim.name} ${kindWords(claim, model)} mining claim described below, and ${several ? 'claim' : 'claims'} the land within its boundaries, under ${federalAuthority(claim)} and the laws of the State of ${state}.`,
  };
}

/** The notice for one claim. Throws when the claim cannot be described (fewer than 3 corners). */
export function noticeContent(model: PackageModel, claim: PackageClaim): NoticeDocument {
  if (claim.corners.length < 3 || claim.courses.length < 3) {
    throw new Error(`The claim has ${claim.corners.length} corners: its boundary cannot be described.`);
  }
  const rule = stateRule(model.stateCode);
  const ctx: NoticeContext = { model, claim, rule, lmCorner: rule.lm === 'corner' ? locationMonumentCorner(claim) : null };
  const amendment = claimAmendment(model, claim);
  const sections = [
    [opening(ctx)],
    amendment ? amendmentSection(model, claim, rule, amendment) : [],
    claimSection(ctx),
    locatorSection(ctx),
    landSection(ctx),
    dimensionSection(ctx),
    monumentSection(ctx),
    boundarySection(ctx),
    tieSection(ctx),
    stateStatements(ctx),
    noticeSignatures(model, rule),
  ];
  let n = 0;
  const blocks = sections.flat().map((b): NoticeBlock => (b.kind === 'heading' ? { ...b, text: `${(n += 1)}. ${b.text}` } : b));
  const statute = noticeStatute(rule, claim);
  return {
    claimName: claim.name,
    title: amendment ? amendedTitle(rule) : rule.certificateName,
    subtitle: `${capitalised(kindWords(claim, model))} mining claim · ${claim.name}${amendment ? ' · as staked' : ''}`,
    authority: `Under ${statute ? `${statute} and ` : ''}${federalAuthority(claim)}${amendment ? `; amended under ${amendmentAuthority(model.stateCode)}` : ''}`,
    returnTo: [model.claimant.name, ...model.claimant.addressLines].filter((line) => line !== ''),
    blocks,
  };
}
