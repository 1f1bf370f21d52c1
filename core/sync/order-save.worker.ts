/**
 * Worker-thread entry of the sync's save (worker-order-saver.ts): opens a writing connection of its own to the cache,
 * stages the orders it is sent in that connection's TEMP tables and saves them in one transaction, exactly as the
 * in-thread saver does (order-saver.ts). workerData: { file, nativeBinding? }. Messages in: { id, op: 'add', orders }
 * | { id, op: 'reset' } | { id, op: 'save', request } | { id, op: 'close' }, handled one at a time in order. Messages
 * out: { ready: true } once the connection is open (or { ready: false, error }), then { id, ok: true } or
 * { id, ok: false, error: ErrorInfo } per message (after a failure, every later step but 'close' fails too). After 'close' the connection is closed (its TEMP tables with it)
 * and the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorInfo } from '../../shared/errors';
import { openWriterDatabase, type WriterDatabase } from '../db/open-writer';
import { inThreadOrderSaver } from './order-saver';
import type { SaverMessage } from './worker-order-saver';

const port = parentPort;
if (!port) throw new Error('order-save.worker must run in a worker thread');
const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };

let writer: WriterDatabase;
try {
  writer = openWriterDatabase(file, nativeBinding);
} catch (error) {
  port.postMessage({ ready: false, error: toErrorInfo(error) });
  throw error;
}
const saver = inThreadOrderSaver(writer.db);
port.postMessage({ ready: true });

async function handle(message: SaverMessage): Promise<void> {
  switch (message.op) {
    case 'add':
      for (const staged of message.orders) await saver.add(staged);
      return;
    case 'reset':
      return saver.reset();
    case 'save':
      return saver.save(message.request);
    case 'close':
      // Closing the connection drops its TEMP tables at once: nothing to delete row by row off the main thread.
      return writer.close();
  }
}

/**
 * The first failure refuses every later step but closing: a save after a batch that was not staged would store the
 * list's cursor with orders missing.
 */
let failed: unknown = null;

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: SaverMessage) => {
  queue = queue.then(() =>
    (failed !== null && message.op !== 'close' ? Promise.reject(failed) : handle(message)).then(
      () => port.postMessage({ id: message.id, ok: true }),
      (error: unknown) => {
        failed ??= error;
        port.postMessage({ id: message.id, ok: false, error: toErrorInfo(error) });
      },
    ).then(() => {
      if (message.op === 'close') port.close();
    }),
  );
});
