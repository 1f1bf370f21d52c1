/**
 * The locators a package names: the claimant first, then each co-locator of an association placer, every one with
 * a mailing address. Notices name them all in the body and each signs (NRS 517.010(3)(b), PRC 3900(b), NMSA
 * 69-3-1 and AS 27.10.050 ask for the locators' names and addresses; 43 CFR 3832.22(b) allows up to eight
 * locators, 20 acres each, on an association placer, with no dummy locators). The list is derived from the
 * claimant form once, here, so the layout check (acres allowed), the notices and the signatures count the same.
 */
import type { ClaimantForm } from '../jobs/job.types';

export interface Locator {
  name: string;
  /** Mailing address lines, blanks removed. */
  addressLines: string[];
}

const lines = (...parts: string[]): string[] => parts.map((p) => p.trim()).filter((p) => p !== '');

export function locatorsOf(form: Pick<ClaimantForm, 'claimantName' | 'address1' | 'address2' | 'address3' | 'coLocators'>): Locator[] {
  return [
    { name: form.claimantName.trim(), addressLines: lines(form.address1, form.address2, form.address3) },
    ...form.coLocators.map((c) => ({ name: c.name.trim(), addressLines: lines(c.address1, c.address2, c.address3) })),
  ];
}

export interface LocatorIssue {
  code: 'locator_name_missing' | 'locator_address_missing' | 'locator_duplicate';
  message: string;
}

/** Every locator must be named and have a mailing address: the notice prints both for each. */
export function locatorIssues(locators: readonly Locator[]): LocatorIssue[] {
  const issues: LocatorIssue[] = [];
  const seen = new Set<string>();
  locators.forEach((locator, k) => {
    const who = k === 0 ? 'The claimant (locator 1)' : `Co-locator ${k + 1}`;
    if (locator.name === '') {
      issues.push({ code: 'locator_name_missing', message: `${who} has no name: every locator is named on the notices and signs them` });
      return;
    }
    if (locator.addressLines.length === 0) {
      issues.push({ code: 'locator_address_missing', message: `${who}, ${locator.name}, has no mailing address: the notices give each locator's mailing address (e.g. NRS 517.010, PRC 3900(b))` });
    }
    const key = locator.name.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) issues.push({ code: 'locator_duplicate', message: `${locator.name} is listed twice as a locator: each locator of an association placer is a different person or company` });
    seen.add(key);
  });
  return issues;
}

/**
 * A company, trust or partnership signs through a person, so its signature line gets "By" and "Its" lines. Read
 * from the name's usual endings ("Gold Ridge LLC", "Acme Mining, Inc."), which is how a notice's reader tells too.
 */
export function isOrganisationName(name: string): boolean {
  return (
    /\b(llc|l\.l\.c|inc|incorporated|corp|corporation|company|ltd|limited|lp|llp|plc|trust|partnership|association|holdings|ventures|mining|minerals|resources)\b/i.test(name) ||
    // "& Co." / "Smith Co." but not a name that merely starts with "Co-".
    /\bco\.(\s|$)/i.test(name)
  );
}

/** "Acme Mining, Inc." + "." never reads "Inc..": a sentence ending on a name keeps one full stop. */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
