/** The one sentence every desk shows for an order another staff member holds, in the queue, the order panel, the dashboard and refusals. */
import { format } from 'date-fns';

export interface Holder {
  username: string;
  name: string;
  since: string;
}

/** "22 Nov 2026", in the reader's local calendar; the ISO text itself when it is not a date. */
export function sinceDate(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format(new Date(ms), 'd MMM yyyy');
}

export function beingWorkedBy(holder: Pick<Holder, 'name' | 'since'>): string {
  return `Being worked by ${holder.name} since ${sinceDate(holder.since)}`;
}
