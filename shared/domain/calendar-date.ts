/**
 * Calendar days, written 'YYYY-MM-DD' wherever they cross a boundary (IPC, SQLite, a form, a document). A day is a
 * day on the desk's calendar, never an instant: a Date would drift by a day in some time zone. Internally dates are
 * local midnights, which is safe because every value goes in and out as a calendar date and date-fns counts
 * calendar days without regard to the hour lost or gained at a daylight-saving change.
 *
 * "Today" is the desk's local day (a job due on the 20th is due on the 20th in Nevada, whatever UTC says), so an
 * instant becomes a day through deskDay(), not through toISOString().
 */
import { addDays, format } from 'date-fns';

/** 'YYYY-MM-DD'. */
export type CalendarDate = string;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as a local midnight; null for anything but a real date, including 2026-02-30 (Date would roll it over). */
export function parseCalendarDate(text: string): Date | null {
  const match = DATE_ONLY.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new Date(y, m - 1, d);
  return local.getFullYear() === y && local.getMonth() === m - 1 && local.getDate() === d ? local : null;
}

/**
 * The day's number on a count of days (days since 1970-01-01; null for anything but a real date). Two days' numbers
 * differ by the calendar days between them: counted in UTC, where every day has 24 hours, so no daylight-saving
 * change can shift it, and without building local Dates (the queue counts days for every row of a page).
 */
export function calendarDayNumber(text: string): number | null {
  const match = DATE_ONLY.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years below 100 as 19xx: those fail the check below, as they do in parseCalendarDate.
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d ? utc.getTime() / 86_400_000 : null;
}

export function isCalendarDate(text: string): boolean {
  return calendarDayNumber(text) !== null;
}

/** The local calendar day of a Date: for an instant, the desk's day at that instant. */
export function deskDay(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

export function addCalendarDays(day: CalendarDate, days: number): CalendarDate {
  const date = parseCalendarDate(day);
  if (!date) throw new RangeError(`A date must be written YYYY-MM-DD, not "${day}".`);
  return deskDay(addDays(date, days));
}

/** A local date and time fit for a folder name on every file system ('2026-11-22 173005': no colons). */
export function deskStamp(date: Date): string {
  return format(date, 'yyyy-MM-dd HHmmss');
}
