/**
 * Notifications: new orders from a sync, an order changed on the server under a job, an upload
 * that failed for good, stale jobs and possible duplicates. Each is stored for the in-app list and pushed to the
 * shell, which shows it as a desktop notification. A dedupe key keeps a fact that stays true (an order that stays
 * cancelled) from being announced on every sync.
 */
import { orderKeyOfJobRow, type OrderKey } from '../../shared/domain/order.types';
import type { AppNotification, NotificationKind } from '../../shared/workflow/workflow-view.types';
import type { Db } from '../db/schema';
import { createTurn } from '../platform/event-loop';
import { countUnread, insertNotification, listNotificationRows, markRead, type NotificationRow } from '../repos/notifications.repo';

export interface NotifyInput {
  kind: NotificationKind;
  title: string;
  body: string;
  order?: OrderKey | null;
  jobId?: number | null;
  /** The same key again is ignored. */
  dedupeKey?: string;
}

export interface NotificationsService {
  notify(input: NotifyInput): Promise<AppNotification | null>;
  /**
   * Stores several in the caller's transaction (one commit for many, not one each) and answers those that were
   * new; `announce` pushes them to the shell once that transaction has committed.
   */
  record(trx: Db, inputs: readonly NotifyInput[]): Promise<AppNotification[]>;
  announce(added: readonly AppNotification[]): void;
  list(limit?: number): Promise<{ notifications: AppNotification[]; unread: number }>;
  markRead(ids?: number[]): Promise<{ unread: number }>;
}

function toView(row: NotificationRow): AppNotification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    order: row.order_type !== null && row.order_id !== null ? orderKeyOfJobRow({ order_type: row.order_type, order_id: row.order_id }) : null,
    jobId: row.job_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export function createNotificationsService(deps: { db: Db; now: () => Date; onAdded: (notification: AppNotification) => void }): NotificationsService {
  const insert = async (db: Db, input: NotifyInput): Promise<AppNotification | null> => {
    const row = await insertNotification(db, {
      kind: input.kind,
      title: input.title,
      body: input.body,
      order_type: input.order?.orderType ?? null,
      order_id: input.order?.id ?? null,
      job_id: input.jobId ?? null,
      dedupe_key: input.dedupeKey ?? null,
      created_at: deps.now().toISOString(),
    });
    return row ? toView(row) : null;
  };
  return {
    async notify(input) {
      const view = await insert(deps.db, input);
      if (view) deps.onAdded(view);
      return view;
    },
    async record(trx, inputs) {
      const added: AppNotification[] = [];
      const turn = createTurn();
      for (const input of inputs) {
        await turn();
        const view = await insert(trx, input);
        if (view) added.push(view);
      }
      return added;
    },
    announce(added) {
      for (const view of added) deps.onAdded(view);
    },
    async list(limit = 100) {
      const [rows, unread] = await Promise.all([listNotificationRows(deps.db, limit), countUnread(deps.db)]);
      return { notifications: rows.map(toView), unread };
    },
    async markRead(ids) {
      await markRead(deps.db, ids ?? null, deps.now().toISOString());
      return { unread: await countUnread(deps.db) };
    },
  };
}
