/**
 * Worker-thread entry of the possible-duplicate check (duplicate-check.ts): opens the cache read-only, runs the check
 * and posts the pairs back. workerData: { file, nativeBinding?, minShare }. Messages out: {ready} once loaded, then
 * {ok, result} or {ok: false, error}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../db/open-reader';
import { findDuplicatesInCache } from './duplicate-check';

const port = parentPort;
if (!port) throw new Error('duplicates.worker must run in a worker thread');
const { file, nativeBinding, minShare } = workerData as { file: string; nativeBinding?: string; minShare: number };
port.postMessage({ ready: true });

async function run(): Promise<void> {
  const reader = openReadOnlyDatabase(file, nativeBinding);
  try {
    port!.postMessage({ ok: true, result: await findDuplicatesInCache(reader.db, minShare) });
  } finally {
    await reader.close();
  }
}

run().catch((error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) }));
