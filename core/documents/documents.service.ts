/**
 * A job's staking package: generate it (in a worker, with progress), keep it in the data directory under a
 * folder named from the order, and read its files back for preview. Regenerating swaps the folder atomically
 * and then records the new manifest; recover() repairs whatever a crash interrupted.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { Kysely } from 'kysely';
import { MANIFEST_FILE, manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import type { PackageInfo, PackageFileContent, PackageProgress } from '../../shared/documents/package-info.types';
import { safeOrderFolderName } from '../../shared/documents/safe-names';
import { deskDay } from '../../shared/domain/calendar-date';
import { AppError, errorMessage } from '../../shared/errors';
import type { Database } from '../db/schema';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRow } from '../repos/jobs.repo';
import { getOrderRow } from '../repos/orders.repo';
import { getPackageRow, listPackageRows, savePackageRow, updatePackageManifest, type PackageRow } from '../repos/packages.repo';
import { packageSourceFromJob } from './package-source';
import { getAcceptedAsStaked } from '../repos/field-work.repo';
import type { Actor } from '../../shared/workflow/workflow.types';
import { assertTransition } from '../workflow/apply-transition';
import { transitionAndQueue } from '../outbox/outbox-writer';
import { recoverPackageFolders, writePackageFolder } from './package-writer';
import { packageMapOptions } from './package-maps';
import { withPlss } from '../plss/plss-package';
import type { PackageWorkerPool } from './worker-pool';

export const PACKAGES_DIR = 'packages';

export interface DocumentsServiceDeps {
  db: Kysely<Database>;
  dataDir: string;
  resourcesDir: string;
  pool: PackageWorkerPool;
  now: () => Date;
  generator: { name: string; version: string };
  /** Who generates: DOCUMENTS_GENERATED is recorded in the job's workflow with the package. */
  currentActor: () => Promise<Actor>;
  /** better-sqlite3 for Electron, for MBTiles basemaps read in the package worker. */
  nativeBinding?: string;
  /** Told when a package moved the job's workflow on (documents ready), so the views refresh. */
  onWorkflowChanged?: (jobIds: number[]) => void;
}

export interface DocumentsService {
  generateForJob(jobId: number, onProgress?: (progress: PackageProgress) => void): Promise<PackageInfo>;
  getPackage(jobId: number): Promise<PackageInfo | null>;
  readPackageFile(jobId: number, name: string): Promise<PackageFileContent>;
  recover(): Promise<void>;
}

export function createDocumentsService(deps: DocumentsServiceDeps): DocumentsService {
  const { db } = deps;
  const running = new Set<number>();
  const packagesDir = join(deps.dataDir, PACKAGES_DIR);

  const toInfo = (row: PackageRow): PackageInfo => ({
    jobId: row.job_id,
    folder: join(deps.dataDir, row.folder),
    generation: row.generation,
    generatedAt: row.generated_at,
    manifest: manifestSchema.parse(JSON.parse(row.manifest_json)),
  });

  async function generate(jobId: number, onProgress?: (progress: PackageProgress) => void): Promise<PackageInfo> {
    const jobRow = await getJobRow(db, jobId);
    if (!jobRow) throw new AppError('not-found', `Job ${jobId} does not exist.`);
    const job = rowToJob(jobRow);
    // The order as it stands now goes into the manifest's snapshot (status, and the price it carries).
    const order = await getOrderRow(db, { orderType: job.order.orderType, id: job.order.orderId });
    const source = packageSourceFromJob(job, 'job', {
      orderStatus: order?.row.status ?? null,
      asStaked: await getAcceptedAsStaked(db, jobId),
      ...(order?.payload ? { orderRawJson: order.payload.raw_json } : {}),
    });
    if (!source.ok) throw new AppError('not-ready', `The package cannot be made yet: ${source.reasons.join(' ')}`);
    // Asked before the slow part: documents are made for a validated layout (and again when regenerating).
    const actor = await deps.currentActor();
    await assertTransition(db, jobId, 'DOCUMENTS_GENERATED', actor);
    const at = deps.now();
    const maps = await packageMapOptions(db, deps.nativeBinding);
    // Dated on the staff member's calendar day, not UTC's: a package made at 6 pm in Nevada is dated that day.
    const generated = await deps.pool.run(
      { source: await withPlss(db, source.source), preparedOn: deskDay(at), generatedAt: at.toISOString(), generator: deps.generator, resourcesDir: deps.resourcesDir, maps },
      (progress) => onProgress?.({ jobId, done: progress.done, total: progress.total, document: progress.kind }),
    );
    const folderName = safeOrderFolderName(job.order.orderType, job.order.orderNumber, job.order.orderId);
    // Files first, then the row: a crash in between leaves a complete folder that recover() records.
    await writePackageFolder(join(packagesDir, folderName), generated.files, generated.manifest).catch((error: unknown) => {
      throw new AppError('io-failed', `The package could not be written to ${packagesDir}: ${errorMessage(error)}`, { cause: error });
    });
    const row = await db.transaction().execute(async (trx) => {
      const saved = await savePackageRow(trx, {
        job_id: jobId,
        folder: join(PACKAGES_DIR, folderName),
        manifest_json: JSON.stringify(generated.manifest),
        generated_at: generated.manifest.generatedAt,
      });
      await transitionAndQueue(trx, jobId, 'DOCUMENTS_GENERATED', actor, { at: generated.manifest.generatedAt });
      return saved;
    });
    deps.onWorkflowChanged?.([jobId]);
    return toInfo(row);
  }

  return {
    async generateForJob(jobId, onProgress) {
      if (running.has(jobId)) throw new AppError('busy', 'This package is already being generated.');
      running.add(jobId);
      try {
        return await generate(jobId, onProgress);
      } finally {
        running.delete(jobId);
      }
    },

    async getPackage(jobId) {
      const row = await getPackageRow(db, jobId);
      return row ? toInfo(row) : null;
    },

    async readPackageFile(jobId, name) {
      const row = await getPackageRow(db, jobId);
      if (!row) throw new AppError('not-found', 'This job has no package yet.');
      const info = toInfo(row);
      const listed = name === MANIFEST_FILE ? { name, mediaType: 'application/json' } : info.manifest.files.find((file) => file.name === name);
      // Only files the manifest lists can be read: the name never reaches the file system unchecked.
      if (!listed) throw new AppError('not-found', `The package has no file named "${name}".`);
      const path = join(info.folder, listed.name);
      const rel = relative(info.folder, path);
      if (rel.startsWith('..') || isAbsolute(rel)) throw new AppError('invalid-request', 'That file is outside the package.');
      const bytes = await readFile(path).catch((error: unknown) => {
        throw new AppError('io-failed', `${listed.name} could not be read: ${errorMessage(error)}`);
      });
      return { name: listed.name, mediaType: listed.mediaType, base64: bytes.toString('base64') };
    },

    async recover() {
      await recoverPackageFolders(packagesDir);
      for (const row of await listPackageRows(db)) {
        const onDisk = await readFile(join(deps.dataDir, row.folder, MANIFEST_FILE), 'utf8').catch(() => null);
        if (onDisk === null) continue;
        let json: unknown;
        try {
          json = JSON.parse(onDisk);
        } catch {
          continue;
        }
        const parsed = manifestSchema.safeParse(json);
        if (!parsed.success) continue;
        const manifest: PackageManifest = parsed.data;
        if (manifest.generatedAt !== row.generated_at) await updatePackageManifest(db, row.job_id, JSON.stringify(manifest), manifest.generatedAt);
      }
    },
  };
}
