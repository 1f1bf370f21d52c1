/** The in-app notification list: newest first; a dedupe key keeps one fact from being announced twice. */
import type { Db, NotificationsTable } from '../db/schema';

export type NotificationRow = NotificationsTable & { id: number };
export type NewNotification = Omit<NotificationsTable, 'id' | 'read_at'>;

/** Inserts unless a notification with the same dedupe key exists; answers the new row or undefined. */
export async function insertNotification(db: Db, row: NewNotification): Promise<NotificationRow | undefined> {
  const result = await db
    .insertInto('notifications')
    .values({ ...row, read_at: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
  return db.selectFrom('notifications').selectAll().where('id', '=', Number(result.insertId)).executeTakeFirst() as Promise<NotificationRow | undefined>;
}

export async function listNotificationRows(db: Db, limit: number): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').selectAll().orderBy('id', 'desc').limit(limit).execute() as Promise<NotificationRow[]>;
}

export async function countUnread(db: Db): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Db, ids: readonly number[] | null, at: string): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('read_at', 'is', null);
  if (ids !== null) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}
