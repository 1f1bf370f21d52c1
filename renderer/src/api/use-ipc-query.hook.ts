/**
 * One read from main for a view (queries.ts names them): fetched when the view asks for an entry, fetched again
 * when a push event or a change made here marks it stale, and an answer that arrives after a newer question (a
 * different entry, or a fresher read of the same one) is ignored. While an entry is being read again the previous
 * answer stays on screen.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorInfo } from '../../../shared/errors';
import { argKey, entryVersion, invalidate, QUERIES, watchVersions, type FollowedName, type QueryArg, type QueryData, type QueryName, type Stale } from './queries';

export interface QueryState<T> {
  data: T | null;
  error: ErrorInfo | null;
  /** An answer (or a refusal) has arrived for this entry. */
  loaded: boolean;
  /** A read of this entry is under way (the first, or one after it went stale). */
  fetching: boolean;
  /** Reads this entry again now. */
  refetch: () => void;
}

type Held<T> = { key: string | null; version: string; data: T | null; error: ErrorInfo | null; loaded: boolean };

/** `arg` null asks for nothing (no job open yet); a query without an argument takes undefined. */
export function useIpcQuery<N extends QueryName>(query: N, arg: QueryArg<N> | null): QueryState<QueryData<N>> {
  const key = arg === null ? null : argKey(arg);
  const version = useSyncExternalStore(watchVersions, () => (key === null ? '' : entryVersion(query, key)));
  const [held, setHeld] = useState<Held<QueryData<N>>>({ key: null, version: '', data: null, error: null, loaded: false });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    // The argument is read back from its key, so the effect depends on values, not on the caller's object identity.
    const parsed = (key === '' ? undefined : JSON.parse(key)) as never;
    void QUERIES[query](parsed).then((result) => {
      if (!current) return;
      setHeld((previous) =>
        result.ok
          ? { key, version, data: result.value as QueryData<N>, error: null, loaded: true }
          : { key, version, data: previous.key === key ? previous.data : null, error: result.error, loaded: true },
      );
    });
    return () => {
      current = false;
    };
  }, [query, key, version]);

  const refetch = useCallback(() => {
    if (key !== null) invalidate([{ query, arg: (key === '' ? undefined : JSON.parse(key)) as never } as Stale]);
  }, [query, key]);

  if (held.key !== key || key === null) return { data: null, error: null, loaded: false, fetching: key !== null, refetch };
  return { data: held.data, error: held.error, loaded: held.loaded, fetching: held.version !== version, refetch };
}

/**
 * For a list a store reads itself (queries.ts: FollowedName): calls `reread` each time something marks it stale
 * while the view is mounted. Not on mount: the view reads when it opens.
 */
export function useOnStale(name: FollowedName, reread: () => void): void {
  const version = useSyncExternalStore(watchVersions, () => entryVersion(name, ''));
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reread();
  }, [version, reread]);
}
