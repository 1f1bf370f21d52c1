/**
 * Due-date arithmetic over calendar days (shared/domain/calendar-date.ts says why days are strings): the order's
 * day, service days counted with or without weekends and holidays, days between two dates.
 */
import { addDays, isWeekend } from 'date-fns';
import { calendarDayNumber, deskDay, isCalendarDate, parseCalendarDate, type CalendarDate } from '../domain/calendar-date';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function mustParse(date: CalendarDate, what: string): Date {
  const local = parseCalendarDate(date);
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
  if (!counting.businessDays) return deskDay(addDays(date, days));
  const holidays = new Set(counting.holidays);
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (!isWeekend(date) && !holidays.has(deskDay(date))) left -= 1;
  }
  return deskDay(date);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

function dayNumber(date: CalendarDate): number {
  const number = calendarDayNumber(date);
  if (number === null) throw new RangeError(`The date must be a real date written YYYY-MM-DD, not "${date}".`);
  return number;
}
