/**
 * The in-app notification list (new orders, orders changed on the server, failed uploads, stale jobs, possible
 * duplicates). Main keeps the list and the read marks; new ones are pushed (notificationAdded) and put on top
 * here, so the bell's badge moves at once. Main shows them as OS notifications in the desktop app itself.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { AppNotification } from '../../../shared/workflow/workflow-view.types';
import { showDesktopNotification } from './desktop-notify';
import { openNotificationTarget } from './open-notification';

const LIST_LIMIT = 100;

type NotificationsState = {
  notifications: AppNotification[];
  unread: number;
  loaded: boolean;
  error: ErrorInfo | null;
  start: () => () => void;
  load: () => Promise<void>;
  markRead: (ids: number[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** Opens what the notification is about and marks it read. */
  open: (notification: AppNotification) => Promise<void>;
};

/** Newest first; a pushed one that a later read also returns is kept once. */
function merge(list: AppNotification[], added: AppNotification[]): AppNotification[] {
  const byId = new Map<number, AppNotification>();
  for (const item of [...list, ...added]) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).slice(0, LIST_LIMIT);
}

export const useNotificationsStore = create<NotificationsState>()((set, get) => {
  // A push that arrives while a read is on its way must survive that read's answer.
  let reads = 0;
  let pushedDuringRead: AppNotification[] = [];

  return {
    notifications: [],
    unread: 0,
    loaded: false,
    error: null,

    /** Subscribe first, then read, so one added in between is not missed. */
    start: () => {
      const unsubscribe = api.onNotificationAdded((notification) => {
        pushedDuringRead.push(notification);
        const known = get().notifications.some((item) => item.id === notification.id);
        set((state) => ({
          notifications: merge(state.notifications, [notification]),
          unread: known || notification.readAt !== null ? state.unread : state.unread + 1,
        }));
        void showDesktopNotification(notification, () => void get().open(notification));
      });
      void get().load();
      return unsubscribe;
    },

    load: async () => {
      const read = ++reads;
      pushedDuringRead = [];
      const result = await api.listNotifications({ limit: LIST_LIMIT });
      if (read !== reads) return;
      if (!result.ok) {
        set({ loaded: true, error: result.error });
        return;
      }
      const pushed = pushedDuringRead.filter((item) => !result.value.notifications.some((listed) => listed.id === item.id));
      set({
        notifications: merge(result.value.notifications, pushed),
        unread: result.value.unread + pushed.filter((item) => item.readAt === null).length,
        loaded: true,
        error: null,
      });
    },

    markRead: async (ids) => {
      const unreadIds = ids.filter((id) => get().notifications.some((item) => item.id === id && item.readAt === null));
      if (unreadIds.length === 0) return;
      const result = await api.markNotificationsRead({ ids: unreadIds });
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const now = new Date().toISOString();
      set((state) => ({
        unread: result.value.unread,
        error: null,
        notifications: state.notifications.map((item) => (unreadIds.includes(item.id) ? { ...item, readAt: item.readAt ?? now } : item)),
      }));
    },

    markAllRead: async () => {
      const result = await api.markNotificationsRead({});
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const now = new Date().toISOString();
      set((state) => ({ unread: result.value.unread, error: null, notifications: state.notifications.map((item) => ({ ...item, readAt: item.readAt ?? now })) }));
    },

    open: async (notification) => {
      void get().markRead([notification.id]);
      await openNotificationTarget(notification);
    },
  };
});
