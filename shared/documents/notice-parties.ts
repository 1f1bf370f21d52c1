/**
 * The notice's "who and where": the claim (name, kind, dates), the place it records in (county, or Alaska's
 * recording district and never a county: AS 27.10.050), and EVERY locator with a mailing address (an association
 * placer names all its locators, not just the first: 43 CFR 3832.22(b); NRS 517.010; PRC 3900(b)).
 */
import { BLANK, longDate, type NoticeBlock, type NoticeField } from './notice-blocks';
import type { NoticeContext } from './notice-content';
import type { PackageClaim, PackageModel } from './package-model.types';
import { recordingDistrictLabel } from './place-text';

/** "lode", "placer" or "association placer" (a placer located by several persons together). */
export function kindWords(claim: PackageClaim, model: PackageModel): string {
  if (claim.kind === 'placer') return model.claimant.locators.length > 1 ? 'association placer' : 'placer';
  return 'lode';
}

export const capitalised = (text: string): string => `${text[0]!.toUpperCase()}${text.slice(1)}`;

export function claimSection({ model, claim, rule }: NoticeContext): NoticeBlock[] {
  const fields: NoticeField[] = [
    { label: 'Name of claim', value: claim.name },
    { label: 'Kind of claim', value: `${capitalised(kindWords(claim, model))} mining claim` },
    { label: 'Date of location', value: longDate(model.dateOfLocation) },
  ];
  if (rule.discoveryDateRequired || model.dateOfDiscovery !== null) fields.push({ label: 'Date of discovery', value: longDate(model.dateOfDiscovery) });
  const place: NoticeField[] = [];
  if (rule.districtRequired || model.district !== '') place.push({ label: 'Mining district', value: model.district });
  if (rule.recordingDistrictRequired) {
    place.push({ label: 'Recording district', value: recordingDistrictLabel(model.recordingDistrict) });
  } else {
    place.push({ label: 'County', value: model.county });
  }
  place.push({ label: 'State', value: model.stateName });
  if (model.stateCode === 'AK') place.push({ label: 'Land', value: model.landStatus === 'state' ? 'State of Alaska land' : 'Federal land' });
  return [{ kind: 'heading', text: 'The claim' }, { kind: 'fields', fields }, { kind: 'fields', fields: place, row: true }];
}

export function locatorSection({ model, claim }: NoticeContext): NoticeBlock[] {
  const locators = model.claimant.locators;
  const several = locators.length > 1;
  const fields: NoticeField[] = locators.flatMap((locator, k) => [
    { label: several ? `Locator ${k + 1}` : 'Locator', value: locator.name },
    { label: 'Mailing address', value: locator.addressLines.join('\n') },
  ]);
  if (claim.kind === 'placer' && several) {
    fields.push({ label: 'Number of locators', value: `${locators.length} (at most 20 acres per locator, 43 CFR 3832.22)` });
  }
  const c = model.claimant;
  if (c.agentName !== '') {
    fields.push({ label: 'Agent', value: c.agentName }, { label: "Agent's address", value: c.agentAddress });
  }
  return [{ kind: 'heading', text: several ? 'Locators' : 'Locator' }, { kind: 'fields', fields }];
}

/** Every locator's name in a sentence: "A, B and C", or a blank to write in. */
export function locatorNames(model: PackageModel): string {
  const names = model.claimant.locators.map((l) => l.name).filter((n) => n !== '');
  if (names.length === 0) return BLANK;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
