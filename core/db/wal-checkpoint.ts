/**
 * A write of thousands of orders commits a write-ahead log of tens of MB, and SQLite's automatic checkpoint then
 * copies all of it into the database file inside the COMMIT, on the calling thread: half a second in which the main
 * process answers no IPC. Around such a write the automatic checkpoint is off on the main connection; once the write
 * is committed a worker thread runs a PASSIVE checkpoint over a connection of its own (PASSIVE never blocks the main
 * connection's readers and writers, nor waits for them), then the automatic checkpoint is on again for the small
 * writes that follow. Where no worker can run, turning it back on is enough: the next commit checkpoints here, as
 * it always did. The log never grows without bound.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** SQLite's default: a commit checkpoints once the log holds this many pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** Below this many rows the log stays small enough (a few MB) to checkpoint in place within a few milliseconds. */
export const LARGE_WRITE_ROWS = 500;

/** Plain JavaScript, so it runs the same from source, bundled and in a packaged app. */
const CHECKPOINT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
try {
  parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
} finally {
  db.close();
}`;

export interface LargeWrites {
  /** Runs `write` (one that may write `rows` rows), keeping the checkpoint that follows off this thread. */
  run<T>(rows: number, write: () => Promise<T>): Promise<T>;
  /** Resolves once no checkpoint is running (tests, closing). */
  settled(): Promise<void>;
}

export function createLargeWrites(sqlite: BetterSqlite3.Database, options: { file: string; nativeBinding?: string }): LargeWrites {
  let writing = 0;
  let checkpoint: Promise<void> = Promise.resolve();

  const checkpointOffThread = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        const module = createRequire(__filename).resolve('better-sqlite3');
        worker = new Worker(CHECKPOINT_CODE, { eval: true, workerData: { module, file: options.file, nativeBinding: options.nativeBinding } });
      } catch {
        resolve();
        return;
      }
      // Whatever the worker's outcome, the automatic checkpoint comes back on: the log is never left to grow.
      worker.once('exit', () => resolve());
      worker.once('error', () => resolve());
    }).then(() => {
      if (writing === 0) sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    });

  return {
    async run(rows, write) {
      if (rows < LARGE_WRITE_ROWS) return write();
      writing += 1;
      sqlite.pragma('wal_autocheckpoint = 0');
      try {
        return await write();
      } finally {
        writing -= 1;
        if (writing === 0) checkpoint = checkpoint.then(checkpointOffThread);
      }
    },
    settled: () => checkpoint,
  };
}
