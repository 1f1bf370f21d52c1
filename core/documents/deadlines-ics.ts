/**
 * deadlines.ics: the package's deadlines as an RFC 5545 calendar, written by the `ics` library, one event per
 * deadline with the claims it concerns, what to file, where, the fees and the law. Every date comes from
 * deadlineEvents() over the package's obligations, the function the fees-and-deadlines sheet prints from.
 *
 * Events are all-day (VALUE=DATE). RFC 5545 §3.3.4 makes a DATE a floating calendar day, the same day in every
 * time zone: a statutory deadline is "on or before 1 September" where the claim lies, never a UTC instant that
 * a calendar in another zone would shift to the day before. A yearly deadline is its first date plus one event
 * for the later years with RRULE:FREQ=YEARLY, so the calendar stays right for as long as the claims are held.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addCalendarDays } from '../../shared/domain/calendar-date';
import { deadlineEvents, DUE_SOON_DAYS, type DeadlineEvent } from '../../shared/documents/obligations/claim-deadlines';
import { packageObligations } from '../../shared/documents/obligations/obligations';
import type { PackageModel } from '../../shared/documents/package-model.types';
import type { PackageProblem } from '../../shared/documents/package-files';
import type { DocumentRenderer } from './document.types';

/** The second reminder, a week before (the first is DUE_SOON_DAYS before). */
export const LAST_REMINDER_DAYS = 7;

function dateArray(iso: string): DateArray {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function description(e: DeadlineEvent, model: PackageModel): string {
  const lines = [
    `${e.label}${e.onlyWithWaiver ? ' (only with a small-miner waiver, Form 3830-2)' : ''}${e.optional ? ' (recommended, not required)' : ''}.`,
    `Where: ${e.office}.`,
    `Claims (${e.claimNames.length}): ${e.claimNames.join(', ')}.`,
    `Order ${model.order.orderNumber}, ${model.order.projectName}; claimant ${model.claimant.name}.`,
    ...e.feeLines.map((line) => `Fee: ${line}.`),
    `Law: ${e.citation}.`,
    ...e.notes,
  ];
  return lines.join('\n');
}

function toEvent(e: DeadlineEvent, model: PackageModel, stamp: number, yearly: boolean): EventAttributes {
  // At 09:00 on the day `days` before (the event starts at midnight): a reminder in office hours. The alarm text
  // has no commas because the library does not escape them there (RFC 5545 §3.3.11).
  const alarm = (days: number) => ({
    action: 'display' as const,
    description: `Mining claim deadline in ${days} days: ${model.order.orderNumber}`.replace(/[,;]/g, ' '),
    trigger: { days: days - 1, hours: 15, before: true },
  });
  const attributes: EventAttributes & { timestamp: number } = {
    uid: `${model.order.orderNumber}-${yearly ? `${e.obligationId}-yearly` : e.key}@claimdesk`.replace(/[^A-Za-z0-9@._-]/g, '-'),
    title: `${e.label} (${model.order.orderNumber}, ${e.claimNames.length} claim${e.claimNames.length === 1 ? '' : 's'})`,
    description: description(e, model),
    location: e.office,
    categories: [e.kind],
    start: dateArray(e.due),
    end: dateArray(addCalendarDays(e.due, 1)),
    transp: 'TRANSPARENT',
    alarms: [alarm(DUE_SOON_DAYS), alarm(LAST_REMINDER_DAYS)],
    // The package's own time, not the wall clock: the same package regenerated gives the same bytes.
    timestamp: stamp,
    ...(yearly ? { recurrenceRule: 'FREQ=YEARLY' } : {}),
  };
  return attributes;
}

/** The calendar text, or the reason it could not be made (a problem for the manifest, never a thrown package). */
export function buildDeadlinesIcs(model: PackageModel, generatedAt: string): { text: string | null; problems: PackageProblem[] } {
  const obligations = packageObligations(model);
  const problems: PackageProblem[] = [];
  if (!model.dateOfLocation) {
    problems.push({ document: 'deadlines-ics', claim: null, message: 'No date of location: deadlines.ics lists only what does not count from it. Regenerate after posting.' });
  }
  const events: EventAttributes[] = [];
  const stamp = Date.parse(generatedAt) || 0;
  // Up to one year after the first due date: the first occurrence of everything, and the second of yearly ones.
  const horizon = obligations.obligations.reduce((latest, o) => (o.date && o.date > latest ? o.date : latest), '0000-01-01');
  for (const e of deadlineEvents(obligations, `${Number(horizon.slice(0, 4)) + 1}${horizon.slice(4)}`)) {
    if (e.year > 1) continue;
    events.push(toEvent(e, model, stamp, e.year === 1));
  }
  const { error, value } = createEvents(events, { productId: 'ClaimDesk', calName: `Deadlines ${model.order.orderNumber}` });
  if (error || value === null) {
    problems.push({ document: 'deadlines-ics', claim: null, message: `deadlines.ics could not be written: ${error?.message ?? 'no output'}` });
    return { text: null, problems };
  }
  return { text: value, problems };
}

export const renderDeadlinesIcs: DocumentRenderer = (model) => {
  const { text, problems } = buildDeadlinesIcs(model, `${model.preparedOn}T00:00:00Z`);
  if (text === null) throw new Error(problems.map((p) => p.message).join(' '));
  return Promise.resolve({ document: { kind: 'deadlines-ics', bytes: new TextEncoder().encode(text), pages: null }, problems });
};
