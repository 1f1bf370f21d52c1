/**
 * Queueing package uploads: each job's current package is first frozen in outbox/<entry id>/ (outbox-snapshot.ts),
 * then the entries and their document rows are written in ONE transaction with the workflow's UPLOAD_QUEUED: a
 * crash before the transaction leaves only folders that recover() removes, a crash after it complete entries.
 * Every entry records the account that queued it (and, through the repository, the cache's server): it is sent
 * under those only. (Status changes and override records are written by the workflow's callers through
 * outbox-writer.ts.)
 *
 * While a snapshot is being copied its folder holds a marker naming the writing process, so the start-up
 * recovery of another process sharing the data folder (the app while the CLI queues) leaves it alone.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { utmConverter } from '../../shared/geo/utm';
import { openRing } from '../../shared/claims/claim-frame';
import { AppError } from '../../shared/errors';
import type { Job } from '../../shared/jobs/job.types';
import type { UploadClaim, UploadPayload } from '../../shared/outbox/outbox.types';
import type { Database } from '../db/schema';
import type { Actor } from '../../shared/workflow/workflow.types';
import { transitionAndQueue } from './outbox-writer';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRow } from '../repos/jobs.repo';
import { insertOutboxEntry, listOutboxIds } from '../repos/outbox.repo';
import { getPackageRow } from '../repos/packages.repo';
import { manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { syncDir } from '../platform/durable-fs';
import { ownerAlive } from '../platform/process-owner';
import { WRITER_MARKER, writeSnapshot } from './outbox-snapshot';

export const OUTBOX_DIR = 'outbox';
/** How many jobs of a batch have their snapshots made at the same time (libuv runs four file-system calls at once). */
const PREPARE_AT_ONCE = 8;
/** Snapshots this process is copying right now (entry ids). */
const copying = new Set<string>();

export interface OutboxQueueDeps {
  db: Kysely<Database>;
  dataDir: string;
  now: () => Date;
}

/** Claims as the server links them to LandHoldings: lon/lat rings, closed, with the package's acreage. */
export function uploadClaims(job: Pick<Job, 'layout' | 'crs'>, acreage: ReadonlyMap<string, number>): UploadClaim[] {
  const { toLonLat } = utmConverter(job.crs.epsg);
  return job.layout.claims.map((claim) => {
    const ring = openRing(claim.corners).map((utm) => toLonLat(utm) as [number, number]);
    return { name: claim.name, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, acreage: acreage.get(claim.name) ?? 0 };
  });
}

/** A job of a batch that was not queued, and why (the others were). */
export interface QueueRefusal {
  jobId: number;
  orderNumber: string | null;
  error: unknown;
}

export interface QueuedUploads {
  entries: { jobId: number; entryId: string }[];
  refused: QueueRefusal[];
}

interface Prepared {
  jobId: number;
  entryId: string;
  snapshot: string;
  payload: UploadPayload;
  files: PackageManifest['files'];
}

/** Reads the job and its package and links the snapshot (not yet flushed); throws why the job cannot be queued. */
async function prepare(deps: OutboxQueueDeps, jobId: number, entryId: string): Promise<Prepared> {
  const jobRow = await getJobRow(deps.db, jobId);
  if (!jobRow) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  const job = rowToJob(jobRow);
  const pkg = await getPackageRow(deps.db, jobId);
  if (!pkg) throw new AppError('not-ready', `Generate the package of ${job.order.orderNumber} before queueing it for upload.`);
  const manifest = manifestSchema.parse(JSON.parse(pkg.manifest_json));
  const payload: UploadPayload = {
    orderType: job.order.orderType,
    orderId: job.order.orderId,
    orderNumber: job.order.orderNumber,
    projectId: job.order.projectId,
    packageGeneration: pkg.generation,
    claims: uploadClaims(job, new Map(manifest.claims.map((c) => [c.name, c.areaAcres]))),
  };
  const snapshot = join(deps.dataDir, OUTBOX_DIR, entryId);
  await writeSnapshot(snapshot, join(deps.dataDir, pkg.folder), manifest.files);
  return { jobId, entryId, snapshot, payload, files: manifest.files };
}

/**
 * Queues the current packages of `jobIds` for upload by `actor` (the Upload step queues one; `claimdesk upload`
 * many): every snapshot is linked first, their folders are flushed together, and the entries commit with each
 * job's UPLOAD_QUEUED (documents ready, or "upload anyway" from review) in ONE transaction, so a batch costs one
 * commit on disk rather than one per package. A job that cannot be queued (no package, a refused transition) is
 * rolled back alone to its savepoint and answered in `refused`, its snapshot removed; it never holds back the others.
 */
export async function enqueueUploads(deps: OutboxQueueDeps, jobIds: readonly number[], actor: Actor): Promise<QueuedUploads> {
  const prepared: Prepared[] = [];
  const refused: QueueRefusal[] = [];
  const ids = jobIds.map(() => randomUUID());
  for (const id of ids) copying.add(id);
  try {
    // A few jobs at a time: their snapshots' file-system calls overlap (the reads share the one connection anyway).
    for (let from = 0; from < jobIds.length; from += PREPARE_AT_ONCE) {
      const slice = jobIds.slice(from, from + PREPARE_AT_ONCE);
      const results = await Promise.allSettled(slice.map((jobId, i) => prepare(deps, jobId, ids[from + i]!)));
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') prepared.push(result.value);
        else refused.push({ jobId: slice[i]!, orderNumber: null, error: result.reason });
      });
    }
    if (prepared.length === 0) return { entries: [], refused };
    // The names must be on disk before the entries that point at them: every snapshot folder and the outbox folder
    // that holds them, flushed side by side while the transaction is prepared (on a journaling file system the
    // first flush carries the rest), and awaited before it commits.
    const durable = Promise.all([...prepared.map((p) => syncDir(p.snapshot)), syncDir(join(deps.dataDir, OUTBOX_DIR))]);
    durable.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
    const at = deps.now().toISOString();
    let queued: Prepared[];
    try {
      queued = await deps.db.transaction().execute(async (trx) => {
        const kept: Prepared[] = [];
        for (const entry of prepared) {
          await sql`savepoint queue_upload`.execute(trx);
          try {
            await transitionAndQueue(trx, entry.jobId, 'UPLOAD_QUEUED', actor, { at });
            await insertOutboxEntry(
              trx,
              { id: entry.entryId, job_id: entry.jobId, kind: 'upload', payload_json: JSON.stringify(entry.payload), state: 'queued', created_at: at, updated_at: at, queued_by: actor.username },
              entry.files.map((file) => ({ file_name: file.name, kind: file.kind, media_type: file.mediaType, bytes: file.bytes, sha256: file.sha256 })),
            );
            kept.push(entry);
          } catch (error) {
            await sql`rollback to queue_upload`.execute(trx);
            refused.push({ jobId: entry.jobId, orderNumber: entry.payload.orderNumber, error });
          }
          await sql`release queue_upload`.execute(trx);
        }
        await durable;
        return kept;
      });
    } catch (error) {
      await Promise.all(prepared.map((p) => rm(p.snapshot, { recursive: true, force: true })));
      throw error;
    }
    const kept = new Set(queued);
    await Promise.all(prepared.filter((p) => !kept.has(p)).map((p) => rm(p.snapshot, { recursive: true, force: true })));
    // The entries are committed: their rows now say whose folders these are, the markers have done their job.
    await Promise.all(queued.map((p) => rm(join(p.snapshot, WRITER_MARKER), { force: true })));
    return { entries: queued.map((p) => ({ jobId: p.jobId, entryId: p.entryId })), refused };
  } finally {
    for (const id of ids) copying.delete(id);
  }
}

/** Queues one job's current package (the Upload step); throws why it cannot be queued. */
export async function enqueueUpload(deps: OutboxQueueDeps, jobId: number, actor: Actor): Promise<{ entryId: string }> {
  const { entries, refused } = await enqueueUploads(deps, [jobId], actor);
  if (refused[0]) throw refused[0].error;
  return { entryId: entries[0]!.entryId };
}

/**
 * Snapshot folders whose entry was never committed (a crash between copy and transaction). A folder still marked
 * by a live process is that process's copy in progress and stays.
 */
export async function removeOrphanSnapshots(deps: OutboxQueueDeps): Promise<string[]> {
  const dir = join(deps.dataDir, OUTBOX_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.length === 0) return [];
  const known = new Set(await listOutboxIds(deps.db));
  const orphans: string[] = [];
  for (const name of names.filter((n) => !known.has(n) && !copying.has(n))) {
    const writer = await readFile(join(dir, name, WRITER_MARKER), 'utf8').catch(() => null);
    // Alive, or on another host (cannot tell): not ours to delete.
    if (writer !== null && ownerAlive(writer.trim()) !== false) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    orphans.push(name);
  }
  return orphans;
}
