/**
 * Worker-thread entry: generates packages off the main thread so the app stays responsive during a batch
 * export. Messages: {ready} once loaded (the pool knows then that workers can run here); {id, task, progress} in;
 * {id, progress} while rendering (when asked for), then {id, ok, result} or {id, ok:false, error}. File bytes are
 * transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../../shared/errors';
import { runPackageTask, type PackageTask } from './package-task';

const port = parentPort;
if (!port) throw new Error('package.worker must run in a worker thread');
port.postMessage({ ready: true });

port.on('message', (message: { id: number; task: PackageTask; progress: boolean }) => {
  const { id, task } = message;
  runPackageTask(task, message.progress ? (done, total, kind) => port.postMessage({ id, progress: { done, total, kind } }) : undefined)
    .then((result) => {
      // Only whole, distinct buffers move: a view into a shared one (Node's Buffer pool) must be copied instead.
      const transfer = [
        ...new Set(
          result.files
            .map((file) => file.bytes)
            .filter((bytes) => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer)
            .map((bytes) => bytes.buffer as ArrayBuffer),
        ),
      ];
      port.postMessage({ id, ok: true, result }, transfer);
    })
    .catch((error: unknown) => {
      port.postMessage({ id, ok: false, error: errorMessage(error) });
    });
});
