/**
 * The desk's calendar: "today" and "this week" are the staff member's local days (a job due on the 20th is due
 * on the 20th in Nevada, whatever UTC says), while the stored times stay ISO UTC.
 */
import { format, startOfWeek } from 'date-fns';
import type { FocusContext } from '../repos/order-focus';

const DAY_MS = 86_400_000;

export function deskToday(now: Date): string {
  return format(now, 'yyyy-MM-dd');
}

/** Monday 00:00 of this week, local time, as ISO UTC (for "delivered this week"). */
export function startOfDeskWeek(now: Date): string {
  return startOfWeek(now, { weekStartsOn: 1 }).toISOString();
}

export function focusContext(now: Date, staleAfterDays: number): FocusContext {
  return {
    today: deskToday(now),
    staleBefore: staleAfterDays > 0 ? new Date(now.getTime() - staleAfterDays * DAY_MS).toISOString() : null,
  };
}
