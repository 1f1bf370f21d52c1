/**
 * Calendar dates as the deadlines and the fees sheet need them, on top of the one calendar-day module
 * (shared/domain/calendar-date.ts: a 'YYYY-MM-DD' is a local date, never an instant); date-fns does the month and
 * leap-year arithmetic.
 */
import { addMonths, differenceInCalendarDays, format } from 'date-fns';
import { deskDay, parseCalendarDate } from '../domain/calendar-date';

/** The date itself when it is a real calendar date, else null. */
export function isoDateOrNull(iso: string | null | undefined): string | null {
  return iso && parseCalendarDate(iso) ? iso.trim() : null;
}

/** Calendar months: 31 May + 3 months = 31 August; 30 November + 3 months = 28 (29) February. */
export function addCalendarMonths(iso: string, months: number): string {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  return deskDay(addMonths(date, months));
}

export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = parseCalendarDate(fromIso);
  const b = parseCalendarDate(toIso);
  return a && b ? differenceInCalendarDays(b, a) : null;
}

/** "Fri 13 November 2026": the weekday matters, offices are closed at weekends. */
export function formatLongDate(iso: string): string {
  const date = parseCalendarDate(iso);
  return date ? format(date, 'EEE d MMMM yyyy') : iso;
}

/** "22 Nov 2026": for narrow table headers. */
export function formatShortDate(iso: string): string {
  const date = parseCalendarDate(iso);
  return date ? format(date, 'd MMM yyyy') : iso;
}

/** "Saturday" when the date falls at a weekend, else null. */
export function weekendName(iso: string): string | null {
  const date = parseCalendarDate(iso);
  if (!date || (date.getDay() !== 0 && date.getDay() !== 6)) return null;
  return format(date, 'EEEE');
}

/** The assessment year (1 Sep to 1 Sep) containing `iso`; 1 September itself starts a new one (PL 110-161). */
export function assessmentYearOf(iso: string): { start: string; end: string } {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  const startYear = date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-09-01` };
}

/** "12 days left", "due today", "PASSED 9 days ago". */
export function statusText(daysRemaining: number): string {
  if (daysRemaining > 1) return `${daysRemaining} days left`;
  if (daysRemaining === 1) return '1 day left';
  if (daysRemaining === 0) return 'due today';
  return `PASSED ${-daysRemaining} day${daysRemaining === -1 ? '' : 's'} ago`;
}
