/**
 * Commits that need no flush to disk of their own. The cache runs with synchronous=FULL: a commit is on disk when it
 * returns, one fsync of the write-ahead log each. A few writes protect nothing a power cut could hurt (an outbox
 * lease: losing it only means the entry is sent again, see outbox-lease.ts), and their fsync is most of their cost.
 *
 * Under WAL, a synchronous=NORMAL commit is as atomic and consistent as a FULL one and survives a crash of the
 * process (its frames are in the operating system's cache); the next FULL commit, or a checkpoint, flushes it with
 * its own frames, since the log is one file written in order. Only a power cut or an OS crash before then can undo
 * it, and then it is undone whole. PRAGMA synchronous belongs to the connection and may not change inside a
 * transaction, so the work runs holding the connection (no other query can slip in and commit relaxed), between two
 * pragmas that put the connection's own setting back.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

const NORMAL = 1;

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
