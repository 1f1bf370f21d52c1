/**
 * Click-through filters of the dashboard, also accepted by the orders query (`focus`): each count on the
 * dashboard is exactly the number of orders the queue shows with that focus. Alone in this file so the order types
 * can import it without a cycle through the workflow views.
 */
export const DASHBOARD_FOCUSES = [
  'active_jobs',
  'due_today',
  'overdue',
  'expedited',
  'awaiting_payment',
  'claimant_needed',
  'awaiting_upload',
  'failed_uploads',
  'needs_review',
  'stale',
  'duplicates',
] as const;
export type DashboardFocus = (typeof DASHBOARD_FOCUSES)[number];

export const DASHBOARD_FOCUS_LABELS: Readonly<Record<DashboardFocus, string>> = {
  active_jobs: 'Active jobs',
  due_today: 'Due today',
  overdue: 'Overdue',
  expedited: 'Expedited',
  awaiting_payment: 'Awaiting payment',
  claimant_needed: 'Claimant info needed',
  awaiting_upload: 'Awaiting upload',
  failed_uploads: 'Failed uploads',
  needs_review: 'Needs review',
  stale: 'Stale jobs',
  duplicates: 'Possible duplicates',
};
