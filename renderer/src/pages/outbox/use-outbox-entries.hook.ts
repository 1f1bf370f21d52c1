import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ErrorInfo } from '../../../../shared/errors';
import type { OutboxEntryView } from '../../../../shared/outbox/outbox.types';
import { useOutboxStore } from '../../state/outbox.store';

type Entries = { entries: OutboxEntryView[]; loaded: boolean; error: ErrorInfo | null };

/** The entries main lists for this filter, read again after every outbox change (newest first, as main sends them). */
export function useOutboxEntries(includeClosed: boolean): Entries {
  const version = useOutboxStore((state) => state.version);
  const [state, setState] = useState<Entries>({ entries: [], loaded: false, error: null });

  useEffect(() => {
    // An answer for an older filter or version must not overwrite a newer one that came back first.
    let current = true;
    void api.listOutbox({ includeClosed }).then((result) => {
      if (!current) return;
      setState((previous) => (result.ok ? { entries: result.value.entries, loaded: true, error: null } : { ...previous, loaded: true, error: result.error }));
    });
    return () => {
      current = false;
    };
  }, [includeClosed, version]);

  return state;
}
