/**
 * The sync's staging and save in a worker thread, over a writing connection of its own (order-save.worker.ts). In the
 * main process a save of 10,000 orders held the event loop, and so every IPC answer the window waited for, for
 * 100–350 ms, most of it in the COMMIT writing the last changed pages into the log and re-reading the log to checksum
 * the frames it had rewritten: statements that cannot be cut into slices. In the worker they hold only the worker.
 *
 * The orders are sent as they arrive, a staging batch per message, and staged in the worker connection's TEMP tables;
 * the save is the same transaction as on the main thread (order-saver.ts), so the cache still changes all at once or
 * not at all for this process and any other. While the worker saves, the main connection is held: this thread's
 * queries wait for the save as they waited for the in-thread transaction, rather than block the thread in SQLite's
 * busy wait for a write lock the worker holds.
 *
 * The worker starts with the first order to stage (a sync the server answers "not modified" starts none). Where it
 * cannot start or open the cache (no built entry and no tsx), the sync stages and saves on this thread.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { AppError, type ErrorInfo } from '../../shared/errors';
import type { Database } from '../db/schema';
import { workerEntryCode } from '../platform/worker-entry';
import { STAGE_BATCH, type StagedOrder } from '../repos/order-staging.repo';
import { inThreadOrderSaver, type OpenOrderSaver, type OrderSaver, type SaveRequest } from './order-saver';

export type SaverMessage = { id: number } & ({ op: 'add'; orders: StagedOrder[] } | { op: 'reset' } | { op: 'save'; request: SaveRequest } | { op: 'close' });
type SaverOp = SaverMessage extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;
type SaverReply = { ready: true } | { ready: false; error: ErrorInfo } | { id: number; ok: true } | { id: number; ok: false; error: ErrorInfo };

/**
 * Staging batches sent and not yet written: the download never waits on the worker unless it falls this far behind,
 * and memory never holds more than these few batches in flight.
 */
const IN_FLIGHT_BATCHES = 8;

/**
 * The worker's young generation: what it is sent (some 60 MB of rows over a 10,000-order sync) is written and let go
 * a batch at a time, so a small one holds it; V8's default grows to tens of MB under that much allocation, all of it
 * resident beside the main thread's heap.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

export interface WorkerSaverOptions {
  /** The main connection, held while the worker saves. */
  db: Kysely<Database>;
  /** The cache file the worker opens. */
  file: string;
  /** better-sqlite3 built for Electron's ABI (as the main connection uses). */
  nativeBinding?: string;
}

export function workerOrderSaver(options: WorkerSaverOptions): OpenOrderSaver {
  return () => {
    let size = 0;
    let batch: StagedOrder[] = [];
    let client: SaveWorker | null = null;
    let here: OrderSaver | null = null;
    let started = false;
    const inThread = (): OrderSaver => (here ??= inThreadOrderSaver(options.db));

    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const orders = batch;
      batch = [];
      await client!.post({ op: 'add', orders });
    };

    return {
      get size() {
        return size;
      },
      async add(staged) {
        if (!started) {
          started = true;
          const code = workerEntryCode('order-save.worker', dirname(__filename));
          client = code ? await startSaveWorker(code, options) : null;
        }
        size += 1;
        if (!client) return inThread().add(staged);
        batch.push(staged);
        if (batch.length >= STAGE_BATCH) await flush();
      },
      async reset() {
        size = 0;
        batch = [];
        if (client) await client.request({ op: 'reset' });
        else await here?.reset();
      },
      async save(request) {
        if (!client) return inThread().save(request);
        await flush();
        const worker = client;
        await options.db.connection().execute(() => worker.request({ op: 'save', request }));
      },
      async dispose() {
        batch = [];
        const worker = client;
        client = null;
        await worker?.close();
        await here?.dispose();
      },
    };
  };
}

interface SaveWorker {
  /** Sends one message and waits for its answer. */
  request(message: SaverOp): Promise<void>;
  /** Sends one message, waiting only when too many are unanswered; a failure is thrown by the next call. */
  post(message: SaverOp): Promise<void>;
  /** Lets the worker close its connection (its TEMP tables go with it) and end. */
  close(): Promise<void>;
}

/** Resolves once the worker has the cache open, or null when it could not start or open it. */
function startSaveWorker(code: string, options: WorkerSaverOptions): Promise<SaveWorker | null> {
  let worker: Worker;
  try {
    worker = new Worker(code, { eval: true, workerData: { file: options.file, nativeBinding: options.nativeBinding }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  } catch {
    return Promise.resolve(null);
  }
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const inFlight: Promise<void>[] = [];
  let nextId = 1;
  let failure: Error | null = null;
  let ready = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const fail = (error: Error): void => {
    failure ??= error;
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  };
  const send = (message: SaverOp): Promise<void> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const answered = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ ...message, id });
    return answered;
  };
  const client: SaveWorker = {
    request: send,
    async post(message) {
      const answered = send(message);
      // Handled here so an unanswered failure is never "unhandled"; it is thrown when awaited below or, having
      // recorded `failure`, by the next send.
      answered.catch(() => undefined);
      inFlight.push(answered);
      while (inFlight.length > IN_FLIGHT_BATCHES) await inFlight.shift();
    },
    async close() {
      if (!failure) {
        await send({ op: 'close' }).catch(() => undefined);
      }
      await worker.terminate().catch(() => undefined);
      await exited;
    },
  };

  return new Promise<SaveWorker | null>((resolve) => {
    worker.on('message', (reply: SaverReply) => {
      if ('ready' in reply) {
        ready = reply.ready;
        resolve(reply.ready ? client : null);
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) {
        if (failure) waiting?.reject(failure);
        else waiting?.resolve();
      } else {
        // The worker refuses everything after a failed step until a reset; so does this side.
        const error = new AppError(reply.error.code, reply.error.message);
        waiting?.reject(error);
        failure ??= error;
      }
    });
    worker.on('error', (error) => {
      if (!ready) resolve(null);
      fail(new AppError('internal', `The sync's save stopped: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (exitCode) => {
      if (!ready) resolve(null);
      fail(new AppError('internal', `The sync's save stopped (exit code ${exitCode}).`));
    });
  });
}
