/**
 * The app's batch export: one at a time, in the background, with progress pushed to the window and a cancel.
 * The IPC call that starts it returns at once; the UI follows the progress events and reads the final report.
 */
import { join } from 'node:path';
import type { ExportProgress, ExportReport, ExportRequest } from '../../shared/documents/package-info.types';
import { deskStamp } from '../../shared/domain/calendar-date';
import { AppError } from '../../shared/errors';
import { exportPackages, type ExportDeps } from './export.service';

export interface ExportStatus {
  running: boolean;
  progress: ExportProgress | null;
  report: ExportReport | null;
}

export interface ExportRunner {
  start(request: ExportRequest): { outDir: string };
  cancel(): boolean;
  status(): ExportStatus;
  /** Resolves when no export is running (for shutdown and tests). */
  whenIdle(): Promise<void>;
  /** Whether this runner made that output folder: only those may be shown in the file manager. */
  madeFolder(outDir: string): boolean;
}

export function createExportRunner(deps: ExportDeps & { exportsDir: string; onProgress: (progress: ExportProgress) => void; onError?: (error: unknown) => void }): ExportRunner {
  let controller: AbortController | null = null;
  let progress: ExportProgress | null = null;
  let report: ExportReport | null = null;
  let current: Promise<void> = Promise.resolve();
  const made = new Set<string>();

  return {
    start(request) {
      if (controller) throw new AppError('busy', 'An export is already running: wait for it or cancel it.');
      const outDir = join(deps.exportsDir, `Export ${deskStamp(deps.now())}`);
      made.add(outDir);
      const running = new AbortController();
      controller = running;
      report = null;
      progress = { total: request.orders.length, done: 0, running: true, last: null, outDir };
      deps.onProgress(progress);
      current = exportPackages(deps, {
        orders: request.orders,
        outDir,
        dateOfLocation: request.dateOfLocation,
        signal: running.signal,
        onProgress: (next) => {
          progress = next;
          deps.onProgress(next);
        },
      })
        .then((done) => {
          report = done;
        })
        .catch((error: unknown) => {
          deps.onError?.(error);
          report = { outDir, results: [], cancelled: running.signal.aborted };
        })
        .finally(() => {
          controller = null;
          progress = { ...(progress ?? { total: 0, done: 0, last: null, outDir }), running: false };
          deps.onProgress(progress);
        });
      return { outDir };
    },
    cancel() {
      if (!controller) return false;
      controller.abort();
      return true;
    },
    status() {
      return { running: controller !== null, progress, report };
    },
    whenIdle() {
      return current;
    },
    madeFolder: (outDir) => made.has(outDir),
  };
}
