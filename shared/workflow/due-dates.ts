/**
 * Calendar-date arithmetic for due dates. Dates are 'YYYY-MM-DD' strings, never Date objects in the API: a
 * due date is a day on the desk's calendar, and a Date would drift by a day in some time zone. Internally
 * date-fns works on local midnights, which is safe because every value goes in and out as a calendar date
 * and differenceInCalendarDays ignores the hour lost or gained at daylight-saving changes.
 */
import { addDays, differenceInCalendarDays, format, isWeekend } from 'date-fns';

/** 'YYYY-MM-DD'. */
export type CalendarDate = string;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function toLocal(date: CalendarDate): Date | null {
  const match = DATE_ONLY.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = new Date(y, m - 1, d);
  // Rejects 2026-02-30 and friends, which Date would roll over silently.
  return local.getFullYear() === y && local.getMonth() === m - 1 && local.getDate() === d ? local : null;
}

function fromLocal(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

export function isCalendarDate(value: string): boolean {
  return toLocal(value) !== null;
}

function mustParse(date: CalendarDate, what: string): Date {
  const local = toLocal(date);
  if (!local) throw new RangeError(`${what} must be a real date written YYYY-MM-DD, not "${date}".`);
  return local;
}

/**
 * The calendar day an order was placed on. A bare date is taken as is; a timestamp is read at the given UTC
 * offset (minutes east of UTC; default 0, the server's day, the same on every machine). A timestamp without a
 * zone is read as UTC rather than as this machine's local time, which would make the day depend on the desk.
 */
export function calendarDateOf(timestamp: string, utcOffsetMinutes = 0): CalendarDate | null {
  const text = timestamp.trim();
  if (DATE_ONLY.test(text)) return isCalendarDate(text) ? text : null;
  const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  const shifted = new Date(ms + utcOffsetMinutes * 60_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

export interface DayCounting {
  businessDays: boolean;
  holidays: readonly CalendarDate[];
}

export function isBusinessDay(date: CalendarDate, holidays: readonly CalendarDate[] = []): boolean {
  return !isWeekend(mustParse(date, 'The date')) && !holidays.includes(date);
}

/**
 * `start` plus `days` service days. With business days, the day of the order is day 0 and each following
 * weekday that is not a holiday counts one, so 1 business day after a Friday (or a Saturday) is the Monday.
 * 0 days is the order date itself.
 */
export function addServiceDays(start: CalendarDate, days: number, counting: DayCounting): CalendarDate {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`A service level is a whole number of days ≥ 0, not ${days}.`);
  let date = mustParse(start, 'The start date');
  if (!counting.businessDays) return fromLocal(addDays(date, days));
  const holidays = new Set(counting.holidays);
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (!isWeekend(date) && !holidays.has(fromLocal(date))) left -= 1;
  }
  return fromLocal(date);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(mustParse(to, 'The date'), mustParse(from, 'The date'));
}
