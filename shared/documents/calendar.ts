/**
 * Calendar dates for deadlines: 'YYYY-MM-DD' is read as a LOCAL date (never through `new Date(iso)`, which is
 * UTC and drifts a day west of Greenwich) and written back the same way; date-fns does the month and leap-year
 * arithmetic.
 */
import { addDays, addMonths, differenceInCalendarDays, format } from 'date-fns';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' as a local calendar date; null for anything else, including 2026-02-30. */
export function parseCalendarDate(iso: string): Date | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** The date itself when it is a real calendar date, else null. */
export function isoDateOrNull(iso: string | null | undefined): string | null {
  return iso && parseCalendarDate(iso) ? iso.trim() : null;
}

export function toIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function addCalendarDays(iso: string, days: number): string {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  return toIsoDate(addDays(date, days));
}

/** Calendar months: 31 May + 3 months = 31 August; 30 November + 3 months = 28 (29) February. */
export function addCalendarMonths(iso: string, months: number): string {
  const date = parseCalendarDate(iso);
  if (!date) throw new Error(`Not a calendar date: ${iso}`);
  return toIsoDate(addMonths(date, months));
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
