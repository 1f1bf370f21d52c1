/**
 * The execution part of a notice: signature lines for the locator(s) and the agent, and, where the state wants the
 * certificate verified under oath (StateRule.notaryRequired: MT, MCA 82-2-102), the affiant's oath and a notary's
 * jurat with a seal area. Names the model does not know (co-locators of an association placer, the county where it
 * is sworn) are blank lines to fill in.
 */
import type { StateRule } from '../claims/state-rules';
import { BLANK, type NoticeBlock, type NoticeSigner } from './notice-blocks';
import type { PackageModel } from './package-model.types';

function signers(model: PackageModel): NoticeSigner[] {
  const c = model.claimant;
  const list: NoticeSigner[] = [{ role: c.locatorCount > 1 ? 'Signature of locator 1' : 'Signature of locator', name: c.name }];
  // An association placer needs every co-locator's signature; only the first name is on the order.
  for (let k = 2; k <= c.locatorCount; k += 1) list.push({ role: `Signature of locator ${k}`, name: '' });
  if (c.agentName !== '') list.push({ role: 'Signature of agent for the locator(s)', name: c.agentName });
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
