/** Display formatting shared by the queue, the details panel and the sync bar. Always in the user's locale. */

// Numeric dates: they are the narrowest locale-correct form and line up in a column.
const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat();
const acresFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The server sends ISO timestamps; a malformed one is shown as-is rather than as "Invalid Date". */
export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : (iso ?? '—');
}

export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : (iso ?? '—');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday" … relative to `now` (passed in so callers can tick). */
export function formatRelative(iso: string | null | undefined, now: number): string {
  const date = parse(iso);
  if (!date) return 'never';
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(Math.round(seconds / 60) || -1, 'minute');
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

export function formatAcres(value: number): string {
  return `${acresFormat.format(value)} ac`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * A calendar date without a time (YYYY-MM-DD, e.g. a target date) in the user's locale. Read as a local date:
 * `new Date('2026-11-22')` is UTC midnight, which west of Greenwich would print as the day before.
 */
export function formatCalendarDate(day: string | null | undefined): string {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return formatDate(day);
  return dateFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** "3 days left", "due today", "2 days late": the days to a target date as staff say it. */
export function formatDaysRemaining(days: number): string {
  if (days === 0) return 'due today';
  return days > 0 ? `${plural(days, 'day')} left` : `${plural(-days, 'day')} late`;
}
