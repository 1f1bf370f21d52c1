/** What the sync engine remembers between runs. */
import type { ErrorInfo } from '../../shared/errors';
import type { Db } from '../db/schema';
import { getValues, setValues } from './key-value.repo';

export interface SyncStateRecord {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** ETag of the last pending-orders answer stored in the cache, and the server it came from. */
  etag: string | null;
  etagServer: string | null;
  lastError: ErrorInfo | null;
}

export async function getSyncState(db: Db): Promise<SyncStateRecord> {
  const values = await getValues(db, 'sync_state');
  const error = values.get('last_error');
  return {
    lastSuccessAt: values.get('last_success_at') ?? null,
    lastAttemptAt: values.get('last_attempt_at') ?? null,
    etag: values.get('etag') ?? null,
    etagServer: values.get('etag_server') ?? null,
    lastError: error ? (JSON.parse(error) as ErrorInfo) : null,
  };
}

export async function saveSyncState(db: Db, patch: Partial<SyncStateRecord>): Promise<void> {
  const values: Record<string, string | null> = {};
  if ('lastSuccessAt' in patch) values.last_success_at = patch.lastSuccessAt ?? null;
  if ('lastAttemptAt' in patch) values.last_attempt_at = patch.lastAttemptAt ?? null;
  if ('etag' in patch) values.etag = patch.etag ?? null;
  if ('etagServer' in patch) values.etag_server = patch.etagServer ?? null;
  if ('lastError' in patch) values.last_error = patch.lastError ? JSON.stringify(patch.lastError) : null;
  await setValues(db, 'sync_state', values);
}
