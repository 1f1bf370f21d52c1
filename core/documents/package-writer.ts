/**
 * Writes a package folder so that a crash at any moment leaves either the old package or the new one, never
 * half of either: files go to a sibling temporary folder (each fsynced), the old folder is renamed aside, the
 * new one renamed into place, and only then the old one deleted. Renames within one directory are atomic on
 * every file system we run on. recoverPackageFolders() finishes or undoes an interrupted swap at start.
 *
 * The temporary names carry the writing process (PROCESS_TAG): the desktop app and the CLI share the data folder,
 * and recovery must never undo a swap another live process is in the middle of.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, type PackageManifest } from '../../shared/documents/package-files';
import { PROCESS_TAG, tagAlive } from '../platform/process-owner';
import { syncDir } from '../platform/durable-fs';
import { manifestBytes, type GeneratedFile } from './generate-package';

const TMP_MARK = '.tmp-';
const OLD_MARK = '.old-';
/**
 * "<folder>.tmp-<pid>.<nonce>-1a2b3c4d" / "<folder>.old-…": only names this module made, never an order's own
 * name. Names from versions before the writer was recorded ("<folder>.tmp-1a2b3c4d") have no live owner.
 */
const LEFTOVER = /^(.+)(\.tmp-|\.old-)(?:(\d+\.[0-9a-f]+)-)?([0-9a-f]{8})$/;

/** This process's swaps in progress (their random part): its own leftovers of a failed swap are not in here. */
const swapping = new Set<string>();

function ownedByLiveWriter(match: RegExpExecArray): boolean {
  return match[3] === PROCESS_TAG ? swapping.has(match[4]!) : tagAlive(match[3]);
}

async function writeFileTo(file: string, bytes: Uint8Array, durable: boolean): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(bytes);
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface WriteHooks {
  /** Test hook: called between steps, so a test can stop the swap at each point. */
  afterStep?: (step: 'written' | 'old-moved-aside' | 'new-in-place') => Promise<void> | void;
  /**
   * fsync every file and the folders (default). A batch export turns it off: hundreds of fsyncs cost seconds on
   * an ordinary disk, and an export interrupted by a power cut is simply run again; the swap stays atomic.
   */
  durable?: boolean;
}

export async function writePackageFolder(
  target: string,
  files: readonly GeneratedFile[],
  manifest: PackageManifest,
  hooks: WriteHooks = {},
): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const random = randomBytes(4).toString('hex');
  swapping.add(random);
  try {
    await swapInto(target, parent, `${PROCESS_TAG}-${random}`, files, manifest, hooks);
  } finally {
    swapping.delete(random);
  }
}

async function swapInto(target: string, parent: string, tag: string, files: readonly GeneratedFile[], manifest: PackageManifest, hooks: WriteHooks): Promise<void> {
  const tmp = join(parent, `${basename(target)}${TMP_MARK}${tag}`);
  const old = join(parent, `${basename(target)}${OLD_MARK}${tag}`);
  await mkdir(tmp);
  try {
    const durable = hooks.durable ?? true;
    for (const file of files) await writeFileTo(join(tmp, file.name), file.bytes, durable);
    // The manifest last: a folder with a manifest has every file the manifest lists.
    await writeFileTo(join(tmp, MANIFEST_FILE), manifestBytes(manifest), durable);
    if (durable) await syncDir(tmp);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await hooks.afterStep?.('written');
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  await hooks.afterStep?.('old-moved-aside');
  await rename(tmp, target);
  if (hooks.durable ?? true) await syncDir(parent);
  await hooks.afterStep?.('new-in-place');
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/**
 * After a crash: a target missing while its ".old-" copy exists means the swap stopped between the two renames,
 * so the old package is put back; leftover temporary folders (never complete) and old copies are removed. Only
 * leftovers of processes that no longer run: another live process's swap is its own to finish.
 */
export async function recoverPackageFolders(parent: string): Promise<{ restored: string[]; removed: string[] }> {
  const restored: string[] = [];
  const removed: string[] = [];
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (!match || match[2] !== OLD_MARK || ownedByLiveWriter(match)) continue;
    const target = join(parent, match[1]!);
    if (!existsSync(target)) {
      await rename(join(parent, name), target);
      restored.push(match[1]!);
    }
  }
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = LEFTOVER.exec(name);
    if (match && !ownedByLiveWriter(match)) {
      await rm(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return { restored, removed };
}
