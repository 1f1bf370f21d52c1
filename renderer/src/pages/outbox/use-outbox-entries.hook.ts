import type { ErrorInfo } from '../../../../shared/errors';
import type { OutboxEntryView } from '../../../../shared/outbox/outbox.types';
import { useIpcQuery } from '../../api/use-ipc-query.hook';

type Entries = { entries: OutboxEntryView[]; loaded: boolean; error: ErrorInfo | null };

/** The entries main lists for this filter, read again after every outbox change (newest first, as main sends them). */
export function useOutboxEntries(includeClosed: boolean): Entries {
  const { data, loaded, error } = useIpcQuery('outbox', includeClosed);
  return { entries: data?.entries ?? [], loaded, error };
}
