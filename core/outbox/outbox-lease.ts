/**
 * When a 'sending' entry may be taken over. The desktop app and the CLI share one cache, so "sending" no longer
 * means "left behind by a crash of this program": it may be another live process's request in flight. An entry
 * is abandoned only when its lease has expired (its owner stopped renewing it: crashed, hung or asleep) or its
 * owner is certainly gone (a process on this machine that no longer runs, so a restart after a crash resends at
 * once instead of waiting out the lease).
 *
 * A lease is committed without a flush of its own (core/db/relaxed-commit.ts): it only keeps a second process away
 * while the first is alive, and a power cut ends every process. Whether the cut leaves the lease on disk (then
 * abandoned, its owner gone) or undoes it (the entry queued again), the entry is sent again with the same
 * Idempotency-Key; a lease on disk would save no resend. The outcome that follows is flushed, and the lease with it.
 */
import { ownerAlive } from '../platform/process-owner';
import type { SendingRow } from '../repos/outbox-lease.repo';

/** How long a claim holds without a heartbeat. Longer than any pause of a healthy sender's event loop. */
export const LEASE_TTL_MS = 60_000;
/** Renewal interval while a request is in flight: three chances before the lease runs out. */
export const LEASE_HEARTBEAT_MS = 15_000;

export function leaseExpiry(now: Date, ttlMs = LEASE_TTL_MS): string {
  return new Date(now.getTime() + ttlMs).toISOString();
}

export function isAbandoned(row: SendingRow, now: Date): boolean {
  // Rows left 'sending' by a version without leases have neither field: nobody can be sending them.
  if (row.lease_owner === null || row.lease_expires_at === null) return true;
  if (row.lease_expires_at <= now.toISOString()) return true;
  return ownerAlive(row.lease_owner) === false;
}

/** "pid 4242" for messages: which process holds an entry (never the host name or nonce, which say nothing to staff). */
export function describeOwner(owner: string | null): string {
  const pid = owner ? /\/(\d+)\/[0-9a-f]+(?:#[0-9a-f]+)?$/.exec(owner)?.[1] : undefined;
  return pid ? `ClaimDesk process ${pid}` : 'another ClaimDesk process';
}
