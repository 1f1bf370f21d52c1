/**
 * A small pool of package workers (worker_threads). Tasks queue in order and go to the first idle worker; a
 * worker that dies fails only its own task and is replaced. Cancelling rejects the queued tasks at once;
 * tasks already running finish (they take well under a second) and their results are dropped by the caller.
 *
 * The worker entry is found by core/platform/worker-entry.ts (bundled, also inside app.asar, or from source through
 * tsx). Where it cannot be found, or a worker cannot even start (it fails before saying it is ready), packages are
 * made on the calling thread instead, one at a time: slower, but never lost.
 */
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { DocumentKind } from '../../shared/documents/package-files';
import { workerEntryCode } from '../platform/worker-entry';
import type { GeneratedPackage } from './generate-package';
import type { PackageTask } from './package-task';

export type TaskProgress = (progress: { done: number; total: number; kind: DocumentKind }) => void;

interface Pending {
  id: number;
  task: PackageTask;
  onProgress?: TaskProgress;
  resolve: (result: GeneratedPackage) => void;
  reject: (error: Error) => void;
}

export interface PackageWorkerPool {
  run(task: PackageTask, onProgress?: TaskProgress): Promise<GeneratedPackage>;
  /** Rejects every queued (not yet started) task with a 'cancelled' error. */
  cancelQueued(): void;
  /** Starts the workers now, so their start-up overlaps the caller's own preparation. */
  warm(): void;
  close(): Promise<void>;
}

type WorkerMessage = { ready: true } | { id: number; progress?: Parameters<TaskProgress>[0]; ok?: boolean; result?: GeneratedPackage; error?: string };

/**
 * Old-generation heap per worker. An ordinary order needs a few tens of MB and a 20 × 20 block (400 claims,
 * 1,000 pages) fits in 256 MB; a larger job that hits the cap is made again on the calling thread (see fail()).
 * The cap also sets how far V8 lets the heap grow between full collections: the smaller the cap, the smaller the
 * step (V8 scales its growing factor from 1.3 at a 256 MB cap to 4 at 2 GB). At 256 a batch export of 100 orders
 * spent about 6 s more CPU in the collector than at 512; at 512 each worker still made ~60 full collections per
 * 50 packages against ~10 at 2,048 (and ~3 s more CPU, most of it in V8's marking threads). 2,048 let the two
 * workers' heaps grow to a peak RSS ~150 MB higher; 1,024 keeps most of the saving for ~10 MB.
 */
const WORKER_HEAP_MB = 1024;

export function defaultPoolSize(): number {
  // Leave a core for the UI / main process on bigger machines; 2 cores → 2 workers (the main thread mostly waits).
  return Math.max(1, Math.min(4, cpus().length > 2 ? cpus().length - 1 : cpus().length));
}

/**
 * pdf-lib, fontkit and the renderers load only where a package is made on this thread: a main process that hands
 * every package to workers never spends the time or the memory on them.
 */
async function runHere(task: PackageTask, onProgress?: TaskProgress): Promise<GeneratedPackage> {
  const { runPackageTask } = await import('./package-task');
  return runPackageTask(task, (done, total, kind) => onProgress?.({ done, total, kind }));
}

/** `size` 0 makes every package on the calling thread. */
export function createPackageWorkerPool(size: number = defaultPoolSize(), options: { heapMb?: number } = {}): PackageWorkerPool {
  const code = size > 0 ? workerEntryCode('package.worker', dirname(__filename)) : null;
  if (!code) return createInProcessPool();
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const ready = new WeakSet<Worker>();
  let fallback: PackageWorkerPool | null = null;
  let nextId = 1;
  let closed = false;

  const spawn = (): Worker => {
    // A package needs a few MB of heap; without a cap V8 lets each worker's heap grow to hundreds of MB before
    // collecting, which is what a batch export's peak memory was made of.
    const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? WORKER_HEAP_MB } });
    all.add(worker);
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        ready.add(worker);
        return;
      }
      const pending = busy.get(worker);
      if (!pending || pending.id !== message.id) return;
      if (message.progress) {
        pending.onProgress?.(message.progress);
        return;
      }
      busy.delete(worker);
      if (message.ok && message.result) pending.resolve(message.result);
      else pending.reject(new AppError('internal', `The package for order ${pending.task.source.order.orderNumber} could not be made: ${message.error ?? 'unknown error'}`));
      idle.push(worker);
      pump();
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (exitCode) => {
      if (!closed) fail(worker, new Error(`the document worker stopped (exit code ${exitCode})`));
    });
    return worker;
  };

  const fail = (worker: Worker, error: Error & { code?: string }): void => {
    if (!all.delete(worker)) return;
    const index = idle.indexOf(worker);
    if (index >= 0) idle.splice(index, 1);
    const pending = busy.get(worker);
    busy.delete(worker);
    void worker.terminate();
    const neverStarted = !ready.has(worker);
    if (neverStarted && error.code !== 'ERR_WORKER_OUT_OF_MEMORY') fallback ??= createInProcessPool();
    if (pending && (neverStarted || error.code === 'ERR_WORKER_OUT_OF_MEMORY')) {
      // Too big for a worker's capped heap, or no worker can run here: make it on this thread, slower but whole.
      runHere(pending.task, pending.onProgress).then(pending.resolve, pending.reject);
    } else {
      pending?.reject(new AppError('internal', `The package for order ${pending.task.source.order.orderNumber} could not be made: ${error.message}`));
    }
    pump();
  };

  const pump = (): void => {
    while (queue.length > 0 && !closed) {
      if (fallback) {
        const pending = queue.shift()!;
        fallback.run(pending.task, pending.onProgress).then(pending.resolve, pending.reject);
        continue;
      }
      let worker = idle.pop();
      if (!worker && all.size < size) worker = spawn();
      if (!worker) return;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      // Progress only for a caller that follows it: a batch export does not, and a message per document costs.
      worker.postMessage({ id: pending.id, task: pending.task, progress: pending.onProgress !== undefined });
    }
  };

  return {
    run(task, onProgress) {
      if (closed) return Promise.reject(new AppError('internal', 'The document workers are closed.'));
      return new Promise<GeneratedPackage>((resolve, reject) => {
        queue.push({ id: nextId++, task, onProgress, resolve, reject });
        pump();
      });
    },
    cancelQueued() {
      for (const pending of queue.splice(0)) pending.reject(new AppError('cancelled', 'Cancelled before it started.'));
      fallback?.cancelQueued();
    },
    warm() {
      while (!closed && !fallback && all.size < size) idle.push(spawn());
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new AppError('cancelled', 'The app is closing.'));
      for (const [, pending] of busy) pending.reject(new AppError('cancelled', 'The app is closing.'));
      busy.clear();
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
      await fallback?.close();
    },
  };
}

/** The same interface without threads: one task at a time, in order. */
function createInProcessPool(): PackageWorkerPool {
  let chain: Promise<unknown> = Promise.resolve();
  let generation = 0;
  let closed = false;
  return {
    run(task, onProgress) {
      const mine = generation;
      const result = chain.then(() => {
        if (closed || mine !== generation) throw new AppError('cancelled', 'Cancelled before it started.');
        return runHere(task, onProgress);
      });
      chain = result.catch(() => undefined);
      return result;
    },
    cancelQueued() {
      generation += 1;
    },
    warm() {},
    async close() {
      closed = true;
      await chain;
    },
  };
}
