/**
 * Claims under management: every claim of every package ClaimDesk made (for a job not cancelled), each with its
 * open deadlines (claim-deadlines.ts over the obligations table). The shape the Deadlines page, the dashboard tile,
 * the reminders and `claimdesk deadlines` share, and the filters staff use on it.
 */
import { z } from 'zod';
import { addCalendarDays } from '../domain/calendar-date';

export const DEADLINE_KINDS = ['recording', 'monumenting', 'blm-filing', 'annual'] as const;
export const deadlineKindSchema = z.enum(DEADLINE_KINDS);
export const deadlineStatusSchema = z.enum(['overdue', 'due-soon', 'upcoming', 'done']);

export const managedDeadlineSchema = z.object({
  jobId: z.number().int(),
  orderType: z.enum(['claim_purchase', 'claim_order']),
  orderId: z.number().int(),
  /** The order number, as printed on the package. */
  order: z.string(),
  customer: z.string(),
  state: z.string().nullable(),
  claim: z.string(),
  kind: deadlineKindSchema,
  /** Which obligation (obligation-table.ts id), and what to file. */
  obligationId: z.string(),
  label: z.string(),
  office: z.string(),
  citation: z.string(),
  due: z.string(),
  status: deadlineStatusSchema,
});
export type ManagedDeadline = z.infer<typeof managedDeadlineSchema>;

export const deadlineFilterSchema = z.object({
  /** Only deadlines due on or before today + this many days (overdue ones included). */
  withinDays: z.number().int().min(0).max(3660).nullable().default(null),
  customer: z.string().max(200).nullable().default(null),
  state: z.string().length(2).nullable().default(null),
  kind: deadlineKindSchema.nullable().default(null),
  /** One row per claim: its next deadline only (the dashboard and the page's default view). */
  nextOnly: z.boolean().default(false),
});
export type DeadlineFilter = z.infer<typeof deadlineFilterSchema>;

/** Applies the filters to rows sorted by due date; `today` is the desk's local date (ISO). */
export function filterDeadlines(rows: readonly ManagedDeadline[], filter: Partial<DeadlineFilter>, today: string): ManagedDeadline[] {
  const until = filter.withinDays === null || filter.withinDays === undefined ? null : addCalendarDays(today, filter.withinDays);
  const customer = filter.customer?.trim().toLowerCase() ?? '';
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (until !== null && row.due > until) return false;
    if (customer !== '' && !row.customer.toLowerCase().includes(customer)) return false;
    if (filter.state && row.state !== filter.state.toUpperCase()) return false;
    if (filter.kind && row.kind !== filter.kind) return false;
    if (filter.nextOnly) {
      const key = `${row.jobId}\u0000${row.claim}`;
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  });
}
