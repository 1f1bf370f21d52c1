import { formatDateTime, formatRelative } from '../lib/format';
import { useNow } from '../lib/use-now.hook';

/** "5 minutes ago" that keeps itself current; the exact time is in the tooltip and the datetime attribute. */
export function RelativeTime({ iso, testId }: { iso: string | null; testId?: string }) {
  const now = useNow();
  if (!iso) return <span data-testid={testId}>never</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} data-testid={testId}>
      {formatRelative(iso, now)}
    </time>
  );
}
