/**
 * SQLite's failures on the local cache, as one line a staff member can act on: what is wrong with which file, and
 * what to do (restore the backup the migrations keep, or choose another data folder). Raw messages such as "file
 * is not a database" say neither. Nothing here touches the file: a damaged cache is left exactly as it was, for
 * whoever recovers it.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';

const CHOOSE_ANOTHER = 'choose another data folder (--data-dir or CLAIMDESK_DATA_DIR)';

/** The newest pre-migration copy beside the cache (open-database.ts names them <file>.v<N>-<time>.backup). */
export function newestBackup(file: string): string | null {
  const prefix = `${basename(file)}.v`;
  try {
    const backups = readdirSync(dirname(file))
      .filter((name) => name.startsWith(prefix) && name.endsWith('.backup'))
      .map((name) => ({ path: join(dirname(file), name), at: statSync(join(dirname(file), name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    return backups[0]?.path ?? null;
  } catch {
    return null;
  }
}

function restoreAdvice(file: string): string {
  const backup = newestBackup(file);
  const restore = backup
    ? `restore the copy taken before the last update (copy ${backup} over it)`
    : 'restore it from your own backup (no pre-update copy is beside it)';
  return `${restore}, move it away so ClaimDesk starts a new cache and syncs again, or ${CHOOSE_ANOTHER}; nothing was changed`;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** The file or its folder cannot be written (SQLite then opens read-only, or refuses the journal). */
export function readOnlyCache(file: string): AppError {
  return new AppError('db-failed', readOnlyMessage(file));
}

function readOnlyMessage(file: string): string {
  return `ClaimDesk cannot write its cache ${file} (the file or its folder ${dirname(file)} is read-only): make them writable or ${CHOOSE_ANOTHER}.`;
}

/** The cache's own damage, as found by PRAGMA quick_check. */
export function damagedCache(file: string, finding: string): AppError {
  return new AppError('db-failed', `The cache ${file} is damaged (${finding.split('\n')[0]}): ${restoreAdvice(file)}.`);
}

/** Turns a SQLite or file-system error on the cache into guidance; anything else is reported as it is. */
export function cacheFailure(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  const raw = error instanceof Error ? error.message : String(error);
  const folder = dirname(file);
  let message: string;
  if (code === 'SQLITE_NOTADB') {
    message = `${file} is not a ClaimDesk cache (it is damaged or another kind of file): ${restoreAdvice(file)}.`;
  } else if (code.startsWith('SQLITE_CORRUPT')) {
    return damagedCache(file, raw);
  } else if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    message = readOnlyMessage(file);
  } else if (code === 'SQLITE_CANTOPEN') {
    message = `The cache ${file} cannot be opened (${raw}): check that ${folder} exists and is writable, or ${CHOOSE_ANOTHER}.`;
  } else if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    message = `The disk holding the cache ${file} is full: free some space or ${CHOOSE_ANOTHER}.`;
  } else {
    message = `The cache ${file} could not be used: ${raw}`;
  }
  return new AppError('db-failed', message, { cause: error });
}
