/**
 * What a claimant form needs before documents name the claimant: pure, so the form's messages, the wizard and main
 * (through checkJob) say the same. Each problem names its field so the form can show it there.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { locatorIssues, locatorsOf } from '../documents/locators';
import type { ClaimantForm } from '../jobs/job.types';
import { stateRule } from './state-rules';

export type ClaimantField = keyof ClaimantForm;
export interface ClaimantProblem {
  field: ClaimantField;
  code: string;
  message: string;
}

export function claimantProblems(form: ClaimantForm, stateCode: string | null): ClaimantProblem[] {
  const problems: ClaimantProblem[] = [];
  if (!form.claimantName.trim()) problems.push({ field: 'claimantName', code: 'claimant_name_missing', message: 'Enter the claimant name.' });
  if (!form.address1.trim()) problems.push({ field: 'address1', code: 'claimant_address_missing', message: 'Enter the first line of the claimant’s mailing address.' });
  const rule = stateRule(stateCode);
  if (rule.monumentDescriptionRequired && !form.monumentType.trim()) {
    // NV and CA void a notice that does not describe the monuments (NRS 517.050, PRC 3905).
    problems.push({ field: 'monumentType', code: 'monument_type_missing', message: `${rule.name} requires the notice to describe the monuments: enter the monument type.` });
  }
  if (form.dateOfLocation && !isCalendarDate(form.dateOfLocation)) {
    problems.push({ field: 'dateOfLocation', code: 'date_of_location_invalid', message: 'Date of location must be a real date, or left empty for the locator to write it on the notices by hand when staking.' });
  }
  if (form.dateOfDiscovery && !isCalendarDate(form.dateOfDiscovery)) {
    problems.push({ field: 'dateOfDiscovery', code: 'date_of_discovery_invalid', message: 'Date of discovery must be a real date, or left empty.' });
  }
  // Co-locators: the same rule the package is refused on (shared/documents/locators.ts), the claimant's own
  // name and address being the fields above.
  for (const issue of locatorIssues(locatorsOf(form)).filter((i) => !i.message.startsWith('The claimant'))) {
    problems.push({ field: 'coLocators', code: issue.code, message: `${issue.message}.` });
  }
  return problems;
}
