/**
 * Reminders before the claims' deadlines: when an open deadline comes within one of the configured day counts
 * (Settings, 30 and 7 by default) a notification names the order, the filing, the date and how many claims it
 * concerns; an overdue county recording or BLM filing is announced once more. Each threshold is announced once per
 * deadline (dedupe key), so the check can run on every tick of the stale-work timer.
 */
import { daysBetween, formatLongDate } from '../../shared/documents/calendar';
import type { ManagedDeadline } from '../../shared/deadlines/managed-deadlines';
import type { Db } from '../db/schema';
import type { NotificationsService } from '../workflow/notifications.service';
import { listManagedDeadlines } from './deadlines.service';

export interface ReminderDeps {
  db: Db;
  notifications: NotificationsService;
  /** The desk's local date, ISO. */
  today: () => string;
  reminderDays: () => Promise<readonly number[]>;
}

/** Returns how many reminders were raised (already announced ones are not counted). */
export async function checkDeadlineReminders(deps: ReminderDeps): Promise<number> {
  const thresholds = [...(await deps.reminderDays())].sort((a, b) => a - b);
  if (thresholds.length === 0) return 0;
  const today = deps.today();
  const { deadlines } = await listManagedDeadlines(deps.db, today, { withinDays: thresholds[thresholds.length - 1]! });
  // One reminder per filing of an order, however many claims it concerns.
  const groups = new Map<string, ManagedDeadline[]>();
  for (const d of deadlines) {
    const key = `${d.jobId}:${d.obligationId}:${d.due}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  let raised = 0;
  for (const [key, group] of groups) {
    const d = group[0]!;
    if (d.status === 'done') continue;
    const days = daysBetween(today, d.due) ?? 0;
    const threshold = days < 0 ? 'overdue' : String(thresholds.find((t) => days <= t));
    const claims = `${group.length} claim${group.length === 1 ? '' : 's'}`;
    const when = days < 0 ? `was due ${formatLongDate(d.due)}` : days === 0 ? 'is due today' : `is due ${formatLongDate(d.due)}, in ${days} day${days === 1 ? '' : 's'}`;
    const added = await deps.notifications.notify({
      kind: 'claim_deadline',
      title: `${d.order}: ${d.label} ${when}`,
      body: `${claims} (${group.map((g) => g.claim).join(', ')}). ${d.office}. ${d.citation}.`,
      order: { orderType: d.orderType, id: d.orderId },
      jobId: d.jobId,
      dedupeKey: `deadline:${key}:${threshold}`,
    });
    if (added) raised += 1;
  }
  return raised;
}
