import { formatDateTime, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now.hook';

/**
 * When a waiting entry is tried again. Retries are often seconds away (Retry-After, the first backoff steps),
 * which the shared relative time would round to "just now": so this counts seconds and ticks every second.
 */
export function NextAttempt({ iso }: { iso: string }) {
  const now = useNow(1_000);
  const at = Date.parse(iso);
  const seconds = Math.ceil((at - now) / 1000);
  const text = Number.isNaN(at) ? iso : seconds <= 0 ? 'due now' : seconds < 60 ? `in ${seconds} s` : formatRelative(iso, now);
  return (
    <time dateTime={iso} title={formatDateTime(iso)} data-testid="entry-next-attempt">
      {text}
    </time>
  );
}
