/**
 * The app's PLSS: imports run one at a time in the background with their progress pushed to the window (Settings),
 * lookups, areas for the map and checks, and filling a job's land description. The CLI calls the same import and
 * queries directly.
 */
import type { Kysely } from 'kysely';
import { AppError, toErrorInfo } from '../../shared/errors';
import type { Job, JobPatch } from '../../shared/jobs/job.types';
import type { PlssStatus } from '../../shared/plss/plss-ipc.types';
import type { Bbox, PlssArea } from '../../shared/plss/plss.types';
import type { Database } from '../db/schema';
import { listPlssLayers, removePlssState } from '../repos/plss.repo';
import { fillFromPlss, type FillMode } from './plss-fill';
import { importPlssFiles, type PlssImportProgress, type PlssImportReport } from './plss-import';
import { plssAtPoint, plssInArea } from './plss-query';
import type { PointInPlss } from '../../shared/plss/plss-lookup';

export interface PlssServiceDeps {
  db: Kysely<Database>;
  now: () => Date;
  jobs: { getJob(jobId: number): Promise<Job>; saveJob(jobId: number, patch: JobPatch): Promise<Job> };
  onStatus?: (status: PlssStatus) => void;
  onError?: (error: unknown) => void;
}

export interface PlssService {
  /** Starts an import in the background; progress and the outcome arrive through onStatus. */
  startImport(paths: readonly string[]): void;
  status(): Promise<PlssStatus>;
  removeState(state: string): Promise<PlssStatus>;
  lookup(lon: number, lat: number): Promise<PointInPlss | null>;
  area(bbox: Bbox): Promise<PlssArea>;
  fillJob(jobId: number, mode: FillMode): Promise<{ job: Job; filled: boolean; message: string }>;
  whenIdle(): Promise<void>;
}

export function createPlssService(deps: PlssServiceDeps): PlssService {
  let running: Promise<void> | null = null;
  let progress: PlssImportProgress | null = null;
  let report: PlssImportReport | null = null;
  let error: PlssStatus['error'] = null;
  let lastPush = 0;
  let version = 0;

  const status = async (): Promise<PlssStatus> => {
    // Read the import's state after the layers: the snapshot is then never older than its version says.
    const layers = await listPlssLayers(deps.db);
    return { version, running: running !== null, progress, report, error, layers };
  };
  const push = (): void => {
    if (!deps.onStatus) return;
    status().then(deps.onStatus, deps.onError);
  };

  return {
    startImport(paths) {
      if (running) throw new AppError('busy', 'A PLSS import is already running: wait for it to finish.');
      progress = null;
      report = null;
      error = null;
      version += 1;
      running = importPlssFiles(deps.db, paths, {
        now: deps.now,
        onProgress: (next) => {
          progress = next;
          version += 1;
          // A state has a million features: a push per batch is plenty, and at most a few a second.
          const at = Date.now();
          if (at - lastPush >= 250) {
            lastPush = at;
            push();
          }
        },
      })
        .then((done) => {
          report = done;
        })
        .catch((failure: unknown) => {
          error = toErrorInfo(failure);
        })
        .finally(() => {
          running = null;
          version += 1;
          push();
        });
      push();
    },
    status,
    async removeState(state) {
      if (running) throw new AppError('busy', 'A PLSS import is running: remove the state when it has finished.');
      await deps.db.transaction().execute((trx) => removePlssState(trx, state));
      version += 1;
      return status();
    },
    lookup: (lon, lat) => plssAtPoint(deps.db, [lon, lat]),
    area: (bbox) => plssInArea(deps.db, bbox),
    async fillJob(jobId, mode) {
      const job = await deps.jobs.getJob(jobId);
      const outcome = await fillFromPlss(deps.db, job, mode, deps.now());
      if (!outcome.filled) return { job, filled: false, message: outcome.message };
      const saved = await deps.jobs.saveJob(jobId, { documents: outcome.documents });
      return { job: saved, filled: true, message: outcome.message };
    },
    whenIdle: () => running ?? Promise.resolve(),
  };
}
