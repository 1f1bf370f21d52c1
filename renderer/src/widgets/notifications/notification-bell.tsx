import { usePopover } from '../../lib/use-popover.hook';
import type { AppNotification, NotificationKind } from '../../../../shared/workflow/workflow-view.types';
import { RelativeTime } from '../relative-time';
import { plural } from '../../lib/format';
import { useNotificationsStore } from '../../state/notifications.store';
import '../../styles/notifications.css';

const KIND_LABELS: Record<NotificationKind, string> = {
  new_orders: 'New orders',
  order_changed: 'Order changed',
  upload_failed: 'Upload failed',
  stale_jobs: 'Stale work',
  duplicate_orders: 'Possible duplicate',
  claim_deadline: 'Claim deadline',
  assignment: 'Who works it',
  crew: 'Field crew',
};

function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const markRead = useNotificationsStore((state) => state.markRead);
  const unread = notification.readAt === null;
  const opens = notification.jobId !== null || notification.order !== null;
  return (
    <li
      className={`notification notification--${notification.kind}${unread ? ' notification--unread' : ''}`}
      data-testid="notification-item"
      data-kind={notification.kind}
      data-read={unread ? 'false' : 'true'}
    >
      <button type="button" className="notification__main" onClick={onOpen} disabled={!opens} title={opens ? 'Open it' : undefined}>
        <span className="notification__kind">
          {unread && <span className="notification__dot" aria-label="Unread" />}
          {KIND_LABELS[notification.kind]} · <RelativeTime iso={notification.createdAt} />
        </span>
        <strong className="notification__title" data-testid="notification-title">
          {notification.title}
        </strong>
        <span className="notification__body">{notification.body}</span>
      </button>
      {unread && (
        <button type="button" className="button button--link notification__mark" onClick={() => void markRead([notification.id])} data-testid="notification-mark-read">
          Mark read
        </button>
      )}
    </li>
  );
}

/** The header's bell: how many are unread, and the list (newest first) with mark read / mark all read. */
export function NotificationBell() {
  const notifications = useNotificationsStore((state) => state.notifications);
  const unread = useNotificationsStore((state) => state.unread);
  const loaded = useNotificationsStore((state) => state.loaded);
  const error = useNotificationsStore((state) => state.error);
  const markAllRead = useNotificationsStore((state) => state.markAllRead);
  const openNotification = useNotificationsStore((state) => state.open);
  const { open, setOpen, rootRef, buttonRef, panelId, onKeyDown } = usePopover();

  const label = unread > 0 ? `Notifications, ${plural(unread, 'unread')}` : 'Notifications';

  return (
    <div
      className="notification-bell"
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <button
        ref={buttonRef}
        type="button"
        className="app-header__link notification-bell__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={label}
        title={label}
        onClick={() => setOpen((value) => !value)}
        data-testid="notifications-button"
      >
        <svg className="notification-bell__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2 11v1h12v-1l-1.5-2.4V6A4.5 4.5 0 0 0 8 1.5zM6.3 13a1.8 1.8 0 0 0 3.4 0z" fill="currentColor" />
        </svg>
        {unread > 0 && (
          <span className="nav-badge nav-badge--attention" data-testid="notifications-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notification-panel" id={panelId} role="region" aria-label="Notifications" data-testid="notifications-panel">
          <div className="notification-panel__bar">
            <strong>Notifications</strong>
            <span className="muted">{unread > 0 ? `${unread} unread` : 'All read'}</span>
            <button type="button" className="button button--link" disabled={unread === 0} onClick={() => void markAllRead()} data-testid="notifications-mark-all">
              Mark all read
            </button>
          </div>
          {error && (
            <p className="form-field__error notification-panel__error" role="alert">
              {error.message}
            </p>
          )}
          {!loaded ? (
            <p className="muted notification-panel__empty">Loading…</p>
          ) : notifications.length === 0 ? (
            <p className="muted notification-panel__empty" data-testid="notifications-empty">
              Nothing yet. New orders, orders changed on the server, failed uploads, stale jobs and possible duplicates are listed here.
            </p>
          ) : (
            <ul className="notification-panel__list" data-testid="notifications-list">
              {notifications.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onOpen={() => {
                    setOpen(false);
                    void openNotification(notification);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
