/**
 * Commits that need no flush to disk of their own, or whose flush need not block the thread. The cache runs with
 * synchronous=FULL: a commit is on disk when it returns, one fsync of the write-ahead log each, run on the calling
 * (main) thread. Two kinds of writes do better:
 *
 * - Writes that protect nothing a power cut could hurt commit relaxed and are flushed with whatever FULL commit
 *   comes next: an outbox lease (losing it only means the entry is sent again, see outbox-lease.ts), and the
 *   sync's save, a copy of the server's pending orders written with the list's cursor in the same transaction
 *   (losing it leaves the previous sync and its cursor, and the next sync fetches the list again). The save's
 *   log is tens of MB; its fsync was what held the event loop in the save's COMMIT (~150–250 ms for 10,000
 *   orders on this machine's disk). The checkpoint after a large save runs in a worker thread and syncs the log
 *   before it copies it (wal-checkpoint.ts). So do the possible-duplicate pairs found after a sync, with their
 *   notices (losing them, the next sync's check finds and announces them again): a flush per notice held the
 *   event loop after every sync.
 * - Writes that must reach the disk before something else happens (an outbox outcome, before the next request is
 *   sent) commit relaxed and are then flushed off the thread (flushRelaxedCommits): the caller awaits that flush
 *   before the thing it protects, and does other work meanwhile.
 *
 * Under WAL, a synchronous=NORMAL commit is as atomic and consistent as a FULL one and survives a crash of the
 * process (its frames are in the operating system's cache); only a power cut or an OS crash before a flush can
 * undo it, and then it is undone whole. FULL differs only in an fsync of the log after the commit, which is what
 * flushRelaxedCommits does from the file-system threads (one file written in order: the flush carries every
 * commit before it). SQLite itself syncs the log before every checkpoint and its header when it is reused.
 *
 * PRAGMA synchronous belongs to the connection and may not change inside a transaction, so the work runs holding
 * the connection (no other query can slip in and commit relaxed), between two pragmas that put its setting back.
 */
import { open } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

const NORMAL = 1;

/** Every other commit: local work (jobs, the outbox of legal documents, deliveries) is on disk when it returns. */
export const LOCAL_WORK_SYNCHRONOUS = 'FULL';

export async function withRelaxedCommit<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(connection);
    const setting = Number(rows[0]?.synchronous ?? NORMAL);
    if (setting <= NORMAL) return work(connection);
    await sql.raw(`pragma synchronous = ${NORMAL}`).execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql.raw(`pragma synchronous = ${setting}`).execute(connection);
    }
  });
}

/** The write-ahead log of each database, found once ('' for an in-memory one, which has nothing to flush). */
const logFiles = new WeakMap<Kysely<Database>, Promise<string>>();

function logFileOf(db: Kysely<Database>): Promise<string> {
  let file = logFiles.get(db);
  if (!file) {
    file = sql<{ name: string; file: string }>`pragma database_list`.execute(db).then(({ rows }) => {
      const main = rows.find((row) => row.name === 'main')?.file ?? '';
      return main === '' ? '' : `${main}-wal`;
    });
    logFiles.set(db, file);
  }
  return file;
}

/**
 * Puts every commit made so far on disk, as a FULL commit would have, without blocking this thread: an fdatasync of
 * the log from the file-system threads. A log that is gone was checkpointed into the database file, which SQLite
 * synced when it did so.
 */
export async function flushRelaxedCommits(db: Kysely<Database>): Promise<void> {
  const file = await logFileOf(db);
  if (file === '') return;
  const handle = await open(file, 'r+').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return;
  try {
    await handle.datasync();
  } finally {
    // The flush is done when datasync returns: whoever waits for it does not wait for the close as well.
    handle.close().catch(() => undefined);
  }
}
