/**
 * Leases on outbox entries (0007): one process sends an entry at a time. Taking an entry, renewing the claim
 * while its request is in flight, and handing abandoned ones back are each one conditional UPDATE, so two
 * processes on one cache cannot both win the same entry (SQLite serialises the writes).
 */
import type { Db } from '../db/schema';

export interface Lease {
  owner: string;
  expiresAt: string;
}

/**
 * queued/retry → sending under `lease`; false when another process (or a discard) got there first. `payload`
 * rewrites the payload in the same UPDATE (an upload's first attempt pins its package id), only if it is still the
 * payload the caller read: a sender that took and pinned the entry meanwhile makes this claim fail instead.
 */
export async function claimEntry(db: Db, id: string, lease: Lease, nowIso: string, payload?: { read: string; next: string }): Promise<boolean> {
  let query = db
    .updateTable('outbox')
    .set({ state: 'sending', lease_owner: lease.owner, lease_expires_at: lease.expiresAt, updated_at: nowIso, ...(payload ? { payload_json: payload.next } : {}) })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'retry']);
  if (payload) query = query.where('payload_json', '=', payload.read);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The heartbeat: pushes the expiry out while this owner still holds the entry; false when the lease was lost. */
export async function renewLease(db: Db, id: string, lease: Lease): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ lease_expires_at: lease.expiresAt })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('lease_owner', '=', lease.owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface SendingRow {
  id: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
}

export async function listSending(db: Db): Promise<SendingRow[]> {
  return db.selectFrom('outbox').select(['id', 'lease_owner', 'lease_expires_at']).where('state', '=', 'sending').execute();
}

/**
 * sending → retry for an abandoned entry, only if its lease is still the one judged abandoned (its owner may have
 * renewed it or recorded an outcome meanwhile). The entry id is the Idempotency-Key, so the resend is answered
 * with the first answer if the lost attempt reached the server.
 */
export async function releaseAbandoned(db: Db, row: SendingRow, nowIso: string): Promise<boolean> {
  let query = db
    .updateTable('outbox')
    .set({ state: 'retry', next_attempt_at: null, lease_owner: null, lease_expires_at: null, updated_at: nowIso })
    .where('id', '=', row.id)
    .where('state', '=', 'sending');
  query = row.lease_owner === null ? query.where('lease_owner', 'is', null) : query.where('lease_owner', '=', row.lease_owner);
  query = row.lease_expires_at === null ? query.where('lease_expires_at', 'is', null) : query.where('lease_expires_at', '=', row.lease_expires_at);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
