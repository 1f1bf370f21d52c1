/**
 * How hard a commit insists on reaching the disk. Local work (jobs, the outbox of legal documents, deliveries) is
 * committed with synchronous=FULL: each commit syncs the write-ahead log, so a power cut never loses it.
 *
 * The sync's save is the one exception. What it writes is a copy of the server's pending orders, and the list's
 * cursor (ETag) is written in the same transaction: losing that save to a power cut can only mean the cache holds
 * the previous sync and its cursor, and the next sync fetches the list again. In WAL mode, synchronous=NORMAL keeps
 * the file consistent all the same (a commit whose frames did not reach the disk is rolled back whole at the next
 * open) and only moves the sync to the checkpoint, which runs in a worker thread after a large save
 * (wal-checkpoint.ts) and syncs the log before copying it. A later FULL commit syncs the whole log, the save's frames
 * included, so nothing local ever becomes durable before the save it came after. The sync of a 60 MB log is what
 * held the event loop in the save's COMMIT (measured ~150–250 ms of a 10,000-order save on this machine's disk).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Every commit of local work. */
export const LOCAL_WORK_SYNCHRONOUS = 'FULL';

/**
 * Runs `work` (one transaction of a server copy on `connection`) with synchronous=NORMAL, then restores FULL.
 * `connection` must be a single connection held for the whole call (Kysely's `db.connection()`), so no other
 * query of this process runs between the pragmas and the transaction; SQLite refuses the pragma inside one.
 */
export async function withServerCopyDurability<T>(connection: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`PRAGMA synchronous = NORMAL`.execute(connection);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA synchronous = ${LOCAL_WORK_SYNCHRONOUS}`).execute(connection);
  }
}
