import type { AppNotification } from '../../../shared/workflow/workflow-view.types';
import { useAppViewStore } from './app-view.store';
import { useJobStore } from './job.store';
import { useOrdersStore } from './orders.store';

/** What a notification is about, opened: its job when it has one, else its order in the queue. */
export async function openNotificationTarget(notification: AppNotification): Promise<void> {
  if (notification.jobId !== null) {
    await useJobStore.getState().openJob(notification.jobId);
    return;
  }
  if (notification.order === null) return;
  const jobs = useJobStore.getState();
  if (jobs.job) await jobs.closeJob();
  const orders = useOrdersStore.getState();
  // Cleared so the order is in the list behind its details (a dashboard focus might hide it).
  orders.clearFilters();
  void orders.openOrder(notification.order);
  useAppViewStore.getState().show('queue');
}
