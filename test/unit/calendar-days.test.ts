/**
 * Days between two calendar dates are counted from day numbers (calendarDayNumber), not from local Dates. date-fns'
 * differenceInCalendarDays over local midnights is the reference: the two must agree on every pair, in a time zone
 * with daylight-saving changes, and both must refuse what is not a real date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differenceInCalendarDays } from 'date-fns';
import { calendarDayNumber, isCalendarDate, parseCalendarDate } from '../../shared/domain/calendar-date';
import { daysBetween } from '../../shared/workflow/due-dates';

describe('calendar day numbers', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Denver';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('counts the days the desk sees across daylight-saving changes, leap days and year ends', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // spring forward on 2026-03-08 in Denver
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2); // fall back on 2026-11-01
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-12-05', '2026-11-30')).toBe(-5);
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(calendarDayNumber('1970-01-02')).toBe(1);
  });

  it('agrees with date-fns over local midnights for a thousand pairs of dates', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const day = () => {
      const date = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 4000) * 86_400_000);
      return date.toISOString().slice(0, 10);
    };
    for (let i = 0; i < 1000; i += 1) {
      const [from, to] = [day(), day()];
      expect(daysBetween(from, to), `${from} → ${to}`).toBe(differenceInCalendarDays(parseCalendarDate(to)!, parseCalendarDate(from)!));
    }
  });

  it('refuses what is not a real date, as parseCalendarDate does', () => {
    for (const text of ['2026-02-30', '2026-13-01', '2026-2-03', '20260203', '', 'soon', '0099-01-01', '2026-02-03T00:00']) {
      expect(calendarDayNumber(text), text).toBeNull();
      expect(isCalendarDate(text), text).toBe(parseCalendarDate(text) !== null);
    }
    expect(() => daysBetween('2026-12-05', '2026-02-30')).toThrow(/real date written YYYY-MM-DD, not "2026-02-30"/);
    expect(calendarDayNumber(' 2026-12-05 ')).toBe(calendarDayNumber('2026-12-05'));
  });
});
