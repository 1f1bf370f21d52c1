/**
 * The snapshot of a package that an outbox entry sends: the package's files and manifest, frozen under
 * outbox/<entry id>/ so a package made again later (a new generation, an amended one) never changes what an
 * entry already queued will upload.
 *
 * A package folder is never written in place: package-writer.ts builds a new folder and swaps it in, and removing
 * the old one only unlinks names. So a hard link is already a frozen copy and costs no data written: the files are
 * as durable as the package writer made them (each fsynced), and an fsync of the snapshot folder makes the new
 * names survive a power cut. The queue (outbox-queue.ts) does that for every snapshot of a batch at once, before the
 * entries that point at them commit. Where a link is refused (a file system without hard links, such as FAT or exFAT on a
 * removable drive, or a link-count limit), the file is cloned where the file system can (reflink, copy-on-write)
 * and copied otherwise, and that copy is fsynced.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, errorMessage } from '../../shared/errors';
import { MANIFEST_FILE } from '../../shared/documents/package-files';
import { syncFile } from '../platform/durable-fs';
import { PROCESS_OWNER } from '../platform/process-owner';

/** Names the process copying a snapshot; removed once the entry is committed. Never part of an upload. */
export const WRITER_MARKER = '.claimdesk-writer';

/** How each file reached the snapshot: counted so a test can tell the fast path from the fallback. */
export interface SnapshotReport {
  linked: number;
  copied: number;
}

/** Link refusals that mean "this file system cannot", not "this file is missing": those fall back to a copy. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS', 'EACCES']);

export type LinkFile = (from: string, to: string) => Promise<void>;

async function cloneOrCopy(from: string, to: string): Promise<void> {
  // COPYFILE_FICLONE: a reflink where the file system supports it (btrfs, XFS, APFS), an ordinary copy elsewhere.
  await copyFile(from, to, constants.COPYFILE_FICLONE);
  await syncFile(to);
}

/**
 * The package's files and manifest into `snapshot`, a folder marked as this process's copy in progress. Its names
 * are not flushed here: the caller flushes the folders of a batch together. `linkFile` is the hard-link call (a test
 * passes one that refuses, to cover the fallback).
 */
export async function writeSnapshot(
  snapshot: string,
  packageFolder: string,
  files: readonly { name: string }[],
  linkFile: LinkFile = link,
): Promise<SnapshotReport> {
  const report: SnapshotReport = { linked: 0, copied: 0 };
  await mkdir(snapshot, { recursive: true });
  try {
    await writeFile(join(snapshot, WRITER_MARKER), PROCESS_OWNER);
    // The manifest travels too: the server keeps it with the documents it lists. The files are linked side by side
    // (each link is a round trip to the file-system threads); every one is settled before a failure is answered.
    const results = await Promise.allSettled(
      [...files.map((f) => f.name), MANIFEST_FILE].map(async (name) => {
        const from = join(packageFolder, name);
        const to = join(snapshot, name);
        try {
          await linkFile(from, to);
          report.linked += 1;
        } catch (error) {
          if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
          await cloneOrCopy(from, to);
          report.copied += 1;
        }
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return report;
  } catch (error) {
    await rm(snapshot, { recursive: true, force: true });
    throw new AppError('io-failed', `The package files could not be copied to the outbox: ${errorMessage(error)}`, { cause: error });
  }
}
