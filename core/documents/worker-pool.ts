/**
 * A small pool of package workers (worker_threads). Tasks queue in order and go to the first idle worker; a
 * worker that dies fails only its own task and is replaced. Cancelling rejects the queued tasks at once;
 * tasks already running finish (they take well under a second) and their results are dropped by the caller.
 *
 * The worker script is the built `package.worker.js` next to the bundled main process, or the TypeScript
 * source run through tsx (CLI, tests, benchmarks, browser host).
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { DocumentKind } from '../../shared/documents/package-files';
import type { GeneratedPackage } from './generate-package';
import { runPackageTask, type PackageTask } from './package-task';

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

/**
 * null = run in-process. Inside a packaged app the code lives in app.asar, and worker_threads cannot load
 * modules from an asar archive; there the tasks run on the main process between awaits instead.
 */
function workerScript(): { code: string } | null {
  // dirname(__filename), not __dirname: tsx loading this file from an ES module sees a data: URL __dirname.
  const here = dirname(__filename);
  if (here.includes('app.asar')) return null;
  const built = join(here, 'package.worker.js');
  if (existsSync(built)) return { code: `require(${JSON.stringify(built)});` };
  // From source: register tsx's CommonJS hooks inside the worker, then load the TypeScript entry.
  const tsx = createRequire(join(here, 'package.json')).resolve('tsx/cjs');
  return { code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(join(here, 'package.worker.ts'))});` };
}

/**
 * Old-generation heap per worker. An ordinary order needs a few tens of MB and a 20 × 20 block (400 claims,
 * 1,000 pages) fits in 256 MB; a larger job that hits the cap is made again on the main thread (see run()).
 */
const WORKER_HEAP_MB = 256;

export function defaultPoolSize(): number {
  // Leave a core for the UI / main process on bigger machines; 2 cores → 2 workers (the main thread mostly waits).
  return Math.max(1, Math.min(4, cpus().length > 2 ? cpus().length - 1 : cpus().length));
}

export function createPackageWorkerPool(size: number = defaultPoolSize(), options: { heapMb?: number } = {}): PackageWorkerPool {
  const script = workerScript();
  if (!script) return createInProcessPool();
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending>();
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let nextId = 1;
  let closed = false;

  const spawn = (): Worker => {
    // An eval'd CommonJS stub, so the same pool loads the bundled worker or the TypeScript source.
    // A package needs a few MB of heap; without a cap V8 lets each worker's heap grow to hundreds of MB before
    // collecting, which is what a batch export's peak memory was made of.
    const worker = new Worker(script.code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? WORKER_HEAP_MB } });
    all.add(worker);
    worker.on('message', (message: { id: number; progress?: Parameters<TaskProgress>[0]; ok?: boolean; result?: GeneratedPackage; error?: string }) => {
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
    worker.on('exit', (code) => {
      if (!closed) fail(worker, new Error(`the document worker stopped (exit code ${code})`));
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
    if (pending && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      // Too big for a worker's capped heap: make it here instead, slower but whole.
      runPackageTask(pending.task, (done, total, kind) => pending.onProgress?.({ done, total, kind })).then(pending.resolve, pending.reject);
    } else {
      pending?.reject(new AppError('internal', `The package for order ${pending.task.source.order.orderNumber} could not be made: ${error.message}`));
    }
    pump();
  };

  const pump = (): void => {
    while (queue.length > 0 && !closed) {
      let worker = idle.pop();
      if (!worker && all.size < size) worker = spawn();
      if (!worker) return;
      const pending = queue.shift()!;
      busy.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task });
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
    },
    warm() {
      while (!closed && all.size < size) idle.push(spawn());
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new AppError('cancelled', 'The app is closing.'));
      for (const [, pending] of busy) pending.reject(new AppError('cancelled', 'The app is closing.'));
      busy.clear();
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
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
        return runPackageTask(task, (done, total, kind) => onProgress?.({ done, total, kind }));
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
