/**
 * The desk's calendar for the workflow's counts: "today" and "this week" are the staff member's local days
 * (shared/domain/calendar-date.ts), while the stored times stay ISO UTC.
 */
import { startOfWeek } from 'date-fns';
import { deskDay } from '../../shared/domain/calendar-date';
import type { FocusContext } from '../repos/order-focus';

const DAY_MS = 86_400_000;

/** Monday 00:00 of this week, local time, as ISO UTC (for "delivered this week"). */
export function startOfDeskWeek(now: Date): string {
  return startOfWeek(now, { weekStartsOn: 1 }).toISOString();
}

export function focusContext(now: Date, staleAfterDays: number): FocusContext {
  return {
    today: deskDay(now),
    staleBefore: staleAfterDays > 0 ? new Date(now.getTime() - staleAfterDays * DAY_MS).toISOString() : null,
  };
}
