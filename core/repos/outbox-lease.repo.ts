/**
 * Leases on outbox entries (0007): one process sends an entry at a time. Taking an entry, renewing the claim
 * while its request is in flight, and handing abandoned ones back are each one conditional UPDATE, so two
 * processes on one cache cannot both win the same entry (SQLite serialises the writes).
 */
import { sql } from 'kysely';
import type { Db } from '../db/schema';
import type { OutboxRow } from './outbox.repo';

export interface Lease {
  owner: string;
  expiresAt: string;
}

/**
 * queued/retry → sending under `lease`, in one UPDATE that answers the entry as it now stands (undefined when another
 * process, a discard or a retry got there first), so a caller may pick the entry from a list read earlier.
 *
 * An upload's first attempt pins the package id its request names (the job's server package as of now, null when it
 * has none yet) into its payload in the same UPDATE, so every retry repeats the request exactly; an entry pinned by
 * an earlier attempt, here or in another process, keeps that pin. A payload that is not JSON is taken unpinned: its
 * send then fails with why, instead of the claim failing and holding back every other entry.
 */
export async function claimEntry(db: Db, id: string, lease: Lease, nowIso: string): Promise<OutboxRow | undefined> {
  const unpinnedUpload = sql<boolean>`kind = 'upload' AND json_valid(payload_json) AND json_type(payload_json, '$.sentPackageId') IS NULL`;
  const serverPackage = sql`(SELECT j.claim_package_id FROM jobs AS j WHERE j.id = outbox.job_id)`;
  return db
    .updateTable('outbox')
    .set({
      state: 'sending',
      lease_owner: lease.owner,
      lease_expires_at: lease.expiresAt,
      updated_at: nowIso,
      payload_json: sql<string>`CASE WHEN ${unpinnedUpload} THEN json_set(payload_json, '$.sentPackageId', ${serverPackage}) ELSE payload_json END`,
    })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'retry'])
    // Still due: a list read earlier may name an entry another process has since tried and set to wait for later.
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', nowIso)]))
    .returningAll()
    .executeTakeFirst();
}

/**
 * sending → the state it was taken from, for an entry this owner took but did not send (the account signed out or
 * changed before its turn): no attempt is counted, its pin stays.
 */
export async function releaseUnsent(db: Db, id: string, owner: string, state: 'queued' | 'retry', nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ state, lease_owner: null, lease_expires_at: null, updated_at: nowIso })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
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
