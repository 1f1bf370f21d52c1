/**
 * Queueing a package upload: the job's current package is first frozen in outbox/<entry id>/ (outbox-snapshot.ts),
 * then the entry and its document rows are written in ONE transaction with the workflow's UPLOAD_QUEUED: a crash
 * before the transaction leaves only a folder that recover() removes, a crash after it leaves a complete entry.
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
import type { Kysely } from 'kysely';
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
import { manifestSchema } from '../../shared/documents/package-files';
import { ownerAlive } from '../platform/process-owner';
import { WRITER_MARKER, writeSnapshot } from './outbox-snapshot';

export const OUTBOX_DIR = 'outbox';
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

/**
 * Queues the job's current package for upload by `actor`: UPLOAD_QUEUED in the workflow (documents ready, or "upload
 * anyway" from review) commits with the entry, and a refusal removes the snapshot again.
 */
export async function enqueueUpload(deps: OutboxQueueDeps, jobId: number, actor: Actor): Promise<{ entryId: string }> {
  const jobRow = await getJobRow(deps.db, jobId);
  if (!jobRow) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  const job = rowToJob(jobRow);
  const pkg = await getPackageRow(deps.db, jobId);
  if (!pkg) throw new AppError('not-ready', 'Generate the package before queueing it for upload.');
  const manifest = manifestSchema.parse(JSON.parse(pkg.manifest_json));
  const entryId = randomUUID();
  const snapshot = join(deps.dataDir, OUTBOX_DIR, entryId);
  copying.add(entryId);
  try {
    await writeSnapshot(snapshot, join(deps.dataDir, pkg.folder), manifest.files);
    const payload: UploadPayload = {
      orderType: job.order.orderType,
      orderId: job.order.orderId,
      orderNumber: job.order.orderNumber,
      projectId: job.order.projectId,
      packageGeneration: pkg.generation,
      claims: uploadClaims(job, new Map(manifest.claims.map((c) => [c.name, c.areaAcres]))),
    };
    const at = deps.now().toISOString();
    try {
      await deps.db.transaction().execute(async (trx) => {
        await transitionAndQueue(trx, jobId, 'UPLOAD_QUEUED', actor, { at });
        await insertOutboxEntry(
          trx,
          { id: entryId, job_id: jobId, kind: 'upload', payload_json: JSON.stringify(payload), state: 'queued', created_at: at, updated_at: at, queued_by: actor.username },
          manifest.files.map((file) => ({ file_name: file.name, kind: file.kind, media_type: file.mediaType, bytes: file.bytes, sha256: file.sha256 })),
        );
      });
    } catch (error) {
      await rm(snapshot, { recursive: true, force: true });
      throw error;
    }
  } finally {
    copying.delete(entryId);
  }
  // The entry is committed: its row now says whose folder this is, the marker has done its job.
  await rm(join(snapshot, WRITER_MARKER), { force: true });
  return { entryId };
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
