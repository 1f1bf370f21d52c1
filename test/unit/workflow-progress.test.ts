import { afterEach, describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../shared/domain/calendar-date';
import { addServiceDays, calendarDateOf, daysBetween, isBusinessDay } from '../../shared/workflow/due-dates';
import { comparePriority, completionPercent, isFullyDelivered, orderProgress, type ProgressInput } from '../../shared/workflow/order-progress';
import { DEFAULT_SERVICE_LEVELS, DEFAULT_WORKFLOW_SETTINGS, workflowSettingsSchema } from '../../shared/workflow/workflow-settings';

const business = { businessDays: true, holidays: [] as string[] };
const calendar = { businessDays: false, holidays: [] as string[] };

describe('claims purchased, delivered, remaining and completion', () => {
  const progress = (claimsPurchased: number, claimsDelivered: number) =>
    orderProgress({ claimsPurchased, claimsDelivered, createdAt: '2026-10-02T15:12:09Z', expedited: false }, { today: '2026-10-05' });

  it('counts what remains and the percentage to one decimal', () => {
    expect(progress(12, 5)).toMatchObject({ claimsPurchased: 12, claimsDelivered: 5, claimsRemaining: 7, overDelivered: 0, completionPercent: 41.7, complete: false });
    expect(progress(3, 1).completionPercent).toBe(33.3);
    expect(progress(3, 2).completionPercent).toBe(66.7);
    expect(progress(40, 0)).toMatchObject({ claimsRemaining: 40, completionPercent: 0, complete: false });
  });

  it('completes by itself when every purchased claim is delivered', () => {
    expect(progress(12, 12)).toMatchObject({ claimsRemaining: 0, completionPercent: 100, complete: true, priority: 'complete', daysRemaining: null, overdue: false });
  });

  it('caps the percentage at 100 and reports claims delivered beyond the purchase', () => {
    expect(progress(12, 14)).toMatchObject({ claimsRemaining: 0, overDelivered: 2, completionPercent: 100, complete: true });
  });

  it('treats an order with 0 purchased as complete only once something is delivered', () => {
    expect(progress(0, 0)).toMatchObject({ completionPercent: 0, complete: false });
    expect(progress(0, 2)).toMatchObject({ completionPercent: 100, complete: true, overDelivered: 2 });
    expect(isFullyDelivered(0, 0)).toBe(false);
  });

  it('reads negative, fractional or non-numeric counts as whole numbers ≥ 0', () => {
    expect(progress(-3, Number.NaN)).toMatchObject({ claimsPurchased: 0, claimsDelivered: 0, completionPercent: 0 });
    expect(progress(12.9, 6.2)).toMatchObject({ claimsPurchased: 12, claimsDelivered: 6, completionPercent: 50 });
    expect(completionPercent(Number.POSITIVE_INFINITY, 1)).toBe(100);
  });
});

describe('target delivery date, days remaining and overdue', () => {
  const order: ProgressInput = { claimsPurchased: 12, claimsDelivered: 0, createdAt: '2026-10-02T15:12:09Z', expedited: false };

  it('gives a standard order 10 business days and an expedited one 3 by default', () => {
    expect(DEFAULT_SERVICE_LEVELS).toEqual({ standardDays: 10, expeditedDays: 3, businessDays: true, holidays: [] });
    expect(orderProgress(order, { today: '2026-10-02' })).toMatchObject({ serviceLevel: 'standard', serviceDays: 10, orderDate: '2026-10-02', targetDate: '2026-10-16', daysRemaining: 14 });
    expect(orderProgress({ ...order, expedited: true }, { today: '2026-10-02' })).toMatchObject({ serviceLevel: 'expedited', serviceDays: 3, targetDate: '2026-10-07', priority: 'expedited' });
  });

  it('counts down to the target, is due on it and overdue after it', () => {
    expect(orderProgress(order, { today: '2026-10-14' })).toMatchObject({ daysRemaining: 2, dueToday: false, overdue: false, priority: 'standard' });
    expect(orderProgress(order, { today: '2026-10-16' })).toMatchObject({ daysRemaining: 0, dueToday: true, overdue: false, priority: 'due_today' });
    expect(orderProgress(order, { today: '2026-10-19' })).toMatchObject({ daysRemaining: -3, dueToday: false, overdue: true, priority: 'overdue' });
    expect(orderProgress({ ...order, claimsDelivered: 12 }, { today: '2026-10-19' })).toMatchObject({ overdue: false, dueToday: false, priority: 'complete' });
  });

  it('uses the service levels passed in, in calendar days when business days are off', () => {
    const serviceLevels = { standardDays: 5, expeditedDays: 1, businessDays: false, holidays: [] };
    expect(orderProgress(order, { today: '2026-10-02', serviceLevels }).targetDate).toBe('2026-10-07');
    expect(orderProgress({ ...order, expedited: true }, { today: '2026-10-02', serviceLevels }).targetDate).toBe('2026-10-03');
  });

  it('reads the order date at the desk\'s UTC offset when one is given', () => {
    const evening = { ...order, createdAt: '2026-10-06T02:00:00Z' };
    expect(orderProgress(evening, { today: '2026-10-06' }).orderDate).toBe('2026-10-06');
    expect(orderProgress(evening, { today: '2026-10-06', utcOffsetMinutes: -360 }).orderDate).toBe('2026-10-05');
  });

  it('gives no target (never an invented one) for an unreadable order date, and refuses an unreadable today', () => {
    expect(orderProgress({ ...order, createdAt: 'last Tuesday' }, { today: '2026-10-19' })).toMatchObject({
      orderDate: null,
      targetDate: null,
      daysRemaining: null,
      overdue: false,
      priority: 'standard',
    });
    expect(() => orderProgress(order, { today: '2026-13-01' })).toThrow(RangeError);
  });
});

describe('business days across weekends, month and year ends, and holidays', () => {
  it('starts counting after the order day, skipping the weekend', () => {
    expect(addServiceDays('2026-10-02', 1, business)).toBe('2026-10-05'); // Fri → Mon
    expect(addServiceDays('2026-10-03', 1, business)).toBe('2026-10-05'); // Sat → Mon
    expect(addServiceDays('2026-10-04', 1, business)).toBe('2026-10-05'); // Sun → Mon
    expect(addServiceDays('2026-10-02', 0, business)).toBe('2026-10-02');
    expect(addServiceDays('2026-10-02', 10, business)).toBe('2026-10-16');
  });

  it('crosses month ends, leap days and year ends', () => {
    expect(addServiceDays('2026-10-30', 3, business)).toBe('2026-11-04');
    expect(addServiceDays('2026-02-26', 3, business)).toBe('2026-03-03');
    expect(addServiceDays('2028-02-25', 2, business)).toBe('2028-02-29');
    expect(addServiceDays('2026-12-28', 10, business)).toBe('2027-01-11');
    expect(addServiceDays('2026-12-30', 5, calendar)).toBe('2027-01-04');
  });

  it('skips the holidays listed', () => {
    expect(addServiceDays('2026-12-28', 10, { businessDays: true, holidays: ['2027-01-01'] })).toBe('2027-01-12');
    expect(addServiceDays('2026-11-25', 3, { businessDays: true, holidays: ['2026-11-26'] })).toBe('2026-12-01');
    expect(isBusinessDay('2026-11-26', ['2026-11-26'])).toBe(false);
    expect(isBusinessDay('2026-10-03')).toBe(false);
    expect(isBusinessDay('2026-10-05')).toBe(true);
  });

  it('refuses negative or fractional service days and impossible dates', () => {
    expect(() => addServiceDays('2026-10-02', -1, business)).toThrow(RangeError);
    expect(() => addServiceDays('2026-10-02', 1.5, business)).toThrow(RangeError);
    expect(() => addServiceDays('2026-02-30', 1, business)).toThrow('real date');
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});

describe('calendar dates without time-zone drift', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('gives the same days in every time zone, across daylight-saving changes', () => {
    const offsets = new Set<number>();
    for (const tz of ['UTC', 'America/Denver', 'America/Anchorage', 'Pacific/Auckland', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      offsets.add(new Date(2026, 6, 1).getTimezoneOffset());
      expect(calendarDateOf('2026-10-02T23:59:00Z'), tz).toBe('2026-10-02');
      expect(calendarDateOf('2026-10-02T23:59:00'), tz).toBe('2026-10-02');
      expect(calendarDateOf('2026-10-02'), tz).toBe('2026-10-02');
      expect(addServiceDays('2026-10-30', 3, calendar), tz).toBe('2026-11-02'); // US DST ends 1 Nov 2026
      expect(addServiceDays('2026-03-06', 2, business), tz).toBe('2026-03-10'); // US DST starts 8 Mar 2026
      expect(daysBetween('2026-10-31', '2026-11-02'), tz).toBe(2);
      expect(daysBetween('2026-03-07', '2026-03-09'), tz).toBe(2);
      expect(daysBetween('2026-04-04', '2026-04-06'), tz).toBe(2); // NZ DST ends 5 Apr 2026
      expect(orderProgress({ claimsPurchased: 1, claimsDelivered: 0, createdAt: '2026-10-02T15:12:09Z', expedited: false }, { today: '2026-10-16' }).dueToday, tz).toBe(true);
    }
    // The zones really changed under the code (Node re-reads TZ when it is assigned).
    expect(offsets.size).toBe(5);
  });

  it('reads offsets in timestamps and rejects what is not a date', () => {
    expect(calendarDateOf('2026-10-02T23:30:00-07:00')).toBe('2026-10-03');
    expect(calendarDateOf('2026-10-02T23:30:00-07:00', -420)).toBe('2026-10-02');
    expect(calendarDateOf('2026-10-02T01:00:00+0530', 330)).toBe('2026-10-02');
    expect(calendarDateOf('2026-02-30')).toBeNull();
    expect(calendarDateOf('soon')).toBeNull();
  });
});

describe('priority', () => {
  it('puts overdue first (most late first), then due today, then expedited, then standard, then complete', () => {
    const today = '2026-10-20';
    const orders: (ProgressInput & { key: string })[] = [
      { key: 'complete', claimsPurchased: 2, claimsDelivered: 2, createdAt: '2026-09-01T12:00:00Z', expedited: true },
      { key: 'standard-new', claimsPurchased: 2, claimsDelivered: 0, createdAt: '2026-10-19T12:00:00Z', expedited: false },
      { key: 'standard-older', claimsPurchased: 2, claimsDelivered: 1, createdAt: '2026-10-12T12:00:00Z', expedited: false },
      { key: 'expedited', claimsPurchased: 2, claimsDelivered: 0, createdAt: '2026-10-19T12:00:00Z', expedited: true },
      { key: 'due-today', claimsPurchased: 2, claimsDelivered: 0, createdAt: '2026-10-06T12:00:00Z', expedited: false },
      { key: 'overdue-1', claimsPurchased: 2, claimsDelivered: 0, createdAt: '2026-10-05T12:00:00Z', expedited: false },
      { key: 'overdue-5', claimsPurchased: 2, claimsDelivered: 0, createdAt: '2026-09-29T12:00:00Z', expedited: false },
      { key: 'no-date', claimsPurchased: 2, claimsDelivered: 0, createdAt: '', expedited: false },
    ];
    const ranked = orders
      .map((o) => ({ key: o.key, progress: orderProgress(o, { today }) }))
      .sort((a, b) => comparePriority(a.progress, b.progress))
      .map((o) => `${o.key}:${o.progress.daysRemaining}`);
    expect(ranked).toEqual(['overdue-5:-7', 'overdue-1:-1', 'due-today:0', 'expedited:2', 'standard-older:6', 'standard-new:13', 'no-date:null', 'complete:null']);
  });
});

describe('settings', () => {
  it('validates the defaults and refuses nonsense', () => {
    expect(workflowSettingsSchema.parse(DEFAULT_WORKFLOW_SETTINGS)).toEqual(DEFAULT_WORKFLOW_SETTINGS);
    expect(DEFAULT_WORKFLOW_SETTINGS).toMatchObject({ staleAfterDays: 7, duplicateMinShare: 0.5 });
    expect(workflowSettingsSchema.safeParse({ ...DEFAULT_WORKFLOW_SETTINGS, standardDays: -1 }).success).toBe(false);
    expect(workflowSettingsSchema.safeParse({ ...DEFAULT_WORKFLOW_SETTINGS, duplicateMinShare: 0 }).success).toBe(false);
    expect(workflowSettingsSchema.safeParse({ ...DEFAULT_WORKFLOW_SETTINGS, holidays: ['26/11/2026'] }).success).toBe(false);
  });
});
