/**
 * Per-order progress against what was purchased: claims purchased, delivered, remaining and the
 * completion percentage; the target delivery date from the order date and the service level; days remaining,
 * due today and overdue relative to a given "today"; and a priority for the queue and the dashboard.
 *
 * Rules:
 *   delivered   claims in documents uploaded and linked to the order (the caller counts them)
 *   remaining   purchased − delivered, never below 0; delivering more shows as `overDelivered`
 *   percent     delivered / purchased, one decimal, capped at 100 (0 purchased: 100 once anything is delivered)
 *   complete    at least one claim delivered and no fewer than purchased: the order completes by itself
 *               (the machine's UPLOAD_DELIVERED uses the same rule, isFullyDelivered)
 *   target      order date (calendarDateOf createdAt) + the service level's days (due-dates.ts); no readable
 *               order date gives no target rather than an invented one
 *   overdue     today is after the target and the order is not complete; due today: today is the target
 *   priority    overdue (most days late first), then due today, then expedited, then standard, then complete;
 *               within a tier the earlier target, then the older order, first
 */
import { isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import { addServiceDays, calendarDateOf, daysBetween } from './due-dates';
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from './workflow-settings';

export interface ProgressInput {
  claimsPurchased: number;
  claimsDelivered: number;
  /** The order's created_at (ISO 8601) or a bare YYYY-MM-DD. */
  createdAt: string;
  expedited: boolean;
}

export interface ProgressOptions {
  today: CalendarDate;
  serviceLevels?: ServiceLevels;
  /** Which calendar day a timestamp falls on: minutes east of UTC (default 0). */
  utcOffsetMinutes?: number;
}

export const PRIORITY_TIERS = ['overdue', 'due_today', 'expedited', 'standard', 'complete'] as const;
export type PriorityTier = (typeof PRIORITY_TIERS)[number];

export interface OrderProgress {
  claimsPurchased: number;
  claimsDelivered: number;
  claimsRemaining: number;
  overDelivered: number;
  completionPercent: number;
  complete: boolean;
  serviceLevel: 'standard' | 'expedited';
  serviceDays: number;
  orderDate: CalendarDate | null;
  targetDate: CalendarDate | null;
  /** Calendar days from today to the target (negative: late); null without a target or once complete. */
  daysRemaining: number | null;
  dueToday: boolean;
  overdue: boolean;
  priority: PriorityTier;
}

/** Counts from the database are trusted to be whole and ≥ 0; anything else is read as 0 rather than thrown. */
function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/** The order is complete: something was delivered and no fewer claims than purchased. */
export function isFullyDelivered(claimsPurchased: number, claimsDelivered: number): boolean {
  const delivered = count(claimsDelivered);
  return delivered > 0 && delivered >= count(claimsPurchased);
}

export function completionPercent(claimsPurchased: number, claimsDelivered: number): number {
  const purchased = count(claimsPurchased);
  const delivered = count(claimsDelivered);
  if (purchased === 0) return delivered > 0 ? 100 : 0;
  return Math.min(100, Math.round((delivered / purchased) * 1000) / 10);
}

/** The order's target delivery date (order date + the service level's days), null without a readable order date. */
export function targetDateOf(
  input: Pick<ProgressInput, 'createdAt' | 'expedited'>,
  levels: ServiceLevels = DEFAULT_SERVICE_LEVELS,
  utcOffsetMinutes = 0,
): CalendarDate | null {
  const orderDate = calendarDateOf(input.createdAt, utcOffsetMinutes);
  return orderDate === null ? null : addServiceDays(orderDate, input.expedited ? levels.expeditedDays : levels.standardDays, levels);
}

export function orderProgress(input: ProgressInput, options: ProgressOptions): OrderProgress {
  if (!isCalendarDate(options.today)) throw new RangeError(`"today" must be a date written YYYY-MM-DD, not "${options.today}".`);
  const levels = options.serviceLevels ?? DEFAULT_SERVICE_LEVELS;
  const purchased = count(input.claimsPurchased);
  const delivered = count(input.claimsDelivered);
  const complete = isFullyDelivered(purchased, delivered);
  const serviceLevel = input.expedited ? 'expedited' : 'standard';
  const serviceDays = input.expedited ? levels.expeditedDays : levels.standardDays;
  const orderDate = calendarDateOf(input.createdAt, options.utcOffsetMinutes ?? 0);
  const targetDate = orderDate === null ? null : addServiceDays(orderDate, serviceDays, levels);
  const daysRemaining = targetDate === null || complete ? null : daysBetween(options.today, targetDate);
  const overdue = daysRemaining !== null && daysRemaining < 0;
  const dueToday = daysRemaining === 0;
  const priority: PriorityTier = complete ? 'complete' : overdue ? 'overdue' : dueToday ? 'due_today' : serviceLevel;
  return {
    claimsPurchased: purchased,
    claimsDelivered: delivered,
    claimsRemaining: Math.max(0, purchased - delivered),
    overDelivered: Math.max(0, delivered - purchased),
    completionPercent: completionPercent(purchased, delivered),
    complete,
    serviceLevel,
    serviceDays,
    orderDate,
    targetDate,
    daysRemaining,
    dueToday,
    overdue,
    priority,
  };
}

function compareNullableDates(a: CalendarDate | null, b: CalendarDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Most urgent first, for Array.prototype.sort (stable, so equal orders keep the caller's order). YYYY-MM-DD
 * strings compare correctly as text.
 */
export function comparePriority(a: OrderProgress, b: OrderProgress): number {
  const tier = PRIORITY_TIERS.indexOf(a.priority) - PRIORITY_TIERS.indexOf(b.priority);
  if (tier !== 0) return tier;
  return compareNullableDates(a.targetDate, b.targetDate) || compareNullableDates(a.orderDate, b.orderDate);
}
