/**
 * Taking the next entry to send. The entries due are listed a few at a time: the listing reads every waiting entry
 * of the account to order them and to hold back those behind an open entry of their job, which once per send cost
 * more than all the rest of taking one. A list read earlier stays safe to take from: the claim is one conditional
 * UPDATE that answers the entry as it now stands (outbox-lease.repo.ts), so one sent, discarded or set to wait by
 * another process meanwhile is skipped; an entry held back when the list was read is not on it, and nothing can
 * hold back one that was not (an entry that is no longer open never opens again, and new entries queue behind).
 *
 * The runner takes the next entry in the transaction that records the previous outcome, so a send costs one
 * transaction and one flush; the lease needs no flush of its own (outbox-lease.ts).
 */
import type { Db } from '../db/schema';
import { listDueEntries, listOutboxDocuments, type OutboxDocumentRow, type OutboxRow, type SendingAccount } from '../repos/outbox.repo';
import { claimEntry, releaseUnsent, type Lease } from '../repos/outbox-lease.repo';

/** How many due entries one listing reads ahead. */
const TAKE_AHEAD = 32;

/** Entries due for one account, as last listed (the runner keeps one per run and drops it when the account changes). */
export interface DueList {
  account: SendingAccount;
  rows: OutboxRow[];
}

/** An entry taken under this runner's lease, with what its request needs. */
export interface Taken {
  /** As it stands after the claim: state 'sending', an upload's package id pinned. */
  entry: OutboxRow;
  /** The state it was taken from, to hand it back unsent. */
  from: 'queued' | 'retry';
  documents: OutboxDocumentRow[];
}

export function sameAccount(a: SendingAccount, b: SendingAccount): boolean {
  return a.serverUrl === b.serverUrl && a.username === b.username;
}

/** The oldest entry due for the list's account that this lease can take, or null when none is left. */
export async function takeNext(db: Db, due: DueList, lease: Lease, nowIso: string): Promise<Taken | null> {
  for (;;) {
    if (due.rows.length === 0) {
      due.rows = await listDueEntries(db, nowIso, due.account, TAKE_AHEAD);
      if (due.rows.length === 0) return null;
    }
    const listed = due.rows.shift()!;
    const entry = await claimEntry(db, listed.id, lease, nowIso);
    // Taken by another process, discarded, or set to wait since it was listed.
    if (!entry) continue;
    // Never sent under another account than the one that queued it (the list is the account's; this says it again).
    if (entry.server_url !== due.account.serverUrl || entry.queued_by !== due.account.username) {
      await releaseUnsent(db, entry.id, lease.owner, listed.state === 'retry' ? 'retry' : 'queued', nowIso);
      continue;
    }
    const documents = entry.kind === 'upload' ? await listOutboxDocuments(db, entry.id) : [];
    return { entry, from: listed.state === 'retry' ? 'retry' : 'queued', documents };
  }
}

/** Hands an entry taken but not sent back to the queue (the run stopped before its turn). */
export async function handBack(db: Db, taken: Taken, owner: string, nowIso: string): Promise<void> {
  await releaseUnsent(db, taken.entry.id, owner, taken.from, nowIso);
}
