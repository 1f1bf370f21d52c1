/**
 * Desktop notifications under the browser host only. In the desktop app main shows every notification as an OS
 * notification itself, so the renderer must not show it a second time. The browser is never asked for
 * permission: a page that pops a permission prompt by itself is a nuisance, so only an already granted one is used.
 */
import { api } from '../api/client';
import type { AppNotification } from '../../../shared/workflow/workflow-view.types';

let runtime: Promise<string | null> | null = null;

function hostRuntime(): Promise<string | null> {
  runtime ??= api.getAppInfo({}).then((result) => (result.ok ? result.value.runtime : null));
  return runtime;
}

export async function showDesktopNotification(notification: AppNotification, onClick: () => void): Promise<void> {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if ((await hostRuntime()) !== 'browser-host') return;
  const shown = new Notification(notification.title, { body: notification.body, tag: `claimdesk-${notification.id}` });
  shown.onclick = () => {
    window.focus();
    onClick();
  };
}
