/**
 * The execution part of a notice: a signature line for EVERY locator (each co-locator of an association placer
 * signs, 43 CFR 3832.22(b)), with "By" and "Its" lines under a company's name (a company signs through a named
 * officer), the agent's line, and, where the state wants the certificate verified under oath
 * (StateRule.notaryRequired: MT, MCA 82-2-102), the affiant's oath and a notary's jurat with a seal area.
 */
import type { StateRule } from '../claims/state-rules';
import { BLANK, type NoticeBlock, type NoticeSigner } from './notice-blocks';
import { isOrganisationName } from './locators';
import type { PackageModel } from './package-model.types';

function signers(model: PackageModel): NoticeSigner[] {
  const c = model.claimant;
  const several = c.locators.length > 1;
  const list: NoticeSigner[] = c.locators.map((locator, k) => ({
    role: several ? `Signature of locator ${k + 1}` : 'Signature of locator',
    name: locator.name,
    organisation: isOrganisationName(locator.name),
  }));
  if (c.agentName !== '') list.push({ role: 'Signature of agent for the locator(s)', name: c.agentName, organisation: false });
  return list;
}

export function noticeSignatures(model: PackageModel, rule: StateRule): NoticeBlock[] {
  const blocks: NoticeBlock[] = [
    { kind: 'heading', text: 'Signatures' },
    { kind: 'signatures', dateLabel: 'Dated', signers: signers(model) },
  ];
  if (!rule.notaryRequired) return blocks;
  const stateName = model.stateName || rule.name;
  blocks.push(
    { kind: 'heading', text: `Verification under oath${rule.noticeStatute ? ` (${rule.noticeStatute})` : ''}` },
    {
      kind: 'notary',
      notary: {
        venueState: `STATE OF ${stateName.toUpperCase()}`,
        venueCounty: '',
        oath:
          `${model.claimant.name || BLANK}, being first duly sworn, says: that the affiant is the locator of the claim ` +
          'described in this certificate, or the agent of the locator; that the affiant has read this certificate and ' +
          'knows its contents; and that the facts stated in it are true.',
        affiant: 'Signature of affiant',
        officer: 'Signature of notary public',
        jurat: `Subscribed and sworn to (or affirmed) before me on ${BLANK} by ${BLANK}.`,
        officerLines: [`Printed name: ${BLANK}`, `Notary Public for the State of ${stateName}`, `Residing at: ${BLANK}`, `My commission expires: ${BLANK}`],
        sealCaption: 'Notarial seal',
      },
    },
  );
  return blocks;
}
