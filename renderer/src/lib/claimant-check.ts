/** The claimant step's rules, kept pure so Next (in the wizard) and the form show the same messages. */
import type { ClaimantInfo } from '../../../shared/api/geodb.schemas';
import type { ClaimantForm } from '../../../shared/jobs/job.types';
import { stateRule } from '../../../shared/claims/state-rules';
import { locatorIssues, locatorsOf } from '../../../shared/documents/locators';

export type ClaimantField = keyof ClaimantForm;
export type ClaimantProblem = { field: ClaimantField; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function claimantProblems(form: ClaimantForm, stateCode: string | null): ClaimantProblem[] {
  const problems: ClaimantProblem[] = [];
  if (!form.claimantName.trim()) problems.push({ field: 'claimantName', message: 'Enter the claimant name.' });
  if (!form.address1.trim()) problems.push({ field: 'address1', message: 'Enter the first line of the claimant’s mailing address.' });
  const rule = stateRule(stateCode);
  if (rule.monumentDescriptionRequired && !form.monumentType.trim()) {
    // NV and CA void a notice that does not describe the monuments (NRS 517.050, PRC 3905).
    problems.push({ field: 'monumentType', message: `${rule.name} requires the notice to describe the monuments: enter the monument type.` });
  }
  if (form.dateOfLocation && !isValidIsoDate(form.dateOfLocation)) {
    problems.push({ field: 'dateOfLocation', message: 'Date of location must be a real date (YYYY-MM-DD), or left empty to write in the field.' });
  }
  if (form.dateOfDiscovery && !isValidIsoDate(form.dateOfDiscovery)) {
    problems.push({ field: 'dateOfDiscovery', message: 'Date of discovery must be a real date (YYYY-MM-DD), or left empty.' });
  }
  // Co-locators: the same rule the package is refused on (shared/documents/locators.ts), the claimant's own
  // name and address being the fields above.
  for (const issue of locatorIssues(locatorsOf(form)).filter((i) => !i.message.startsWith('The claimant'))) {
    problems.push({ field: 'coLocators', message: `${issue.message}.` });
  }
  return problems;
}

export function orderHasClaimant(info: ClaimantInfo | null): boolean {
  if (!info) return false;
  return Boolean(info.claimant_name?.trim() || info.address_1?.trim());
}

/** Fields still empty on the job are filled from what the customer gave with the order; typed values win. */
export function prefillClaimant(form: ClaimantForm, info: ClaimantInfo | null): ClaimantForm {
  if (!info) return form;
  const pick = (current: string, fromOrder: string | null | undefined) => (current.trim() ? current : (fromOrder ?? '').trim());
  return {
    ...form,
    claimantName: pick(form.claimantName, info.claimant_name),
    address1: pick(form.address1, info.address_1),
    address2: pick(form.address2, info.address_2),
    address3: pick(form.address3, info.address_3),
    district: pick(form.district, info.district),
    monumentType: pick(form.monumentType, info.monument_type),
  };
}
