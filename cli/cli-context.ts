/** What every CLI command gets: parsed options, output streams, and a way to start the back-end. */
import { existsSync } from 'node:fs';
import { AppError, errorMessage } from '../shared/errors';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { cacheFailure } from '../core/db/cache-errors';
import type { Database } from '../core/db/schema';
import type { ClaimDeskApp } from '../core/app/create-app.types';
import { DATABASE_FILE, defaultDataDir } from '../core/app/data-dir';
import { createMemoryTokenStore } from '../core/session/token-store';
import { preparePrivateDataDir } from '../core/app/private-data-dir';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** All of standard input (--password-stdin). */
  readStdin?: () => Promise<string>;
  /** Asks at the terminal without echoing; absent when no person is at one. */
  promptSecret?: (question: string) => Promise<string>;
}

/** Bad usage: exit code 2 with the usage text. */
export class UsageError extends Error {}

/** A failure with its own exit code and reason code (e.g. validate's unreadable file: 2), reported like any other. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** A SQLite error that surfaces in the middle of a command (a write to a read-only file, damage found late) is explained too. */
function explained(error: unknown, file: string): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_') ? cacheFailure(error, file) : error;
}

export async function withApp<T>(dataDir: string | undefined, io: CliIo, work: (app: ClaimDeskApp) => Promise<T>): Promise<T> {
  const folder = dataDir ?? defaultDataDir(io.env);
  // Loaded here, not at the top: commands that read the cache alone never load the whole back-end.
  const { createClaimDeskApp } = await import('../core/app/create-app');
  // The CLI keeps the token in memory only: it signs in with the flags it is given on every run.
  const app = await createClaimDeskApp({
    dataDir: folder,
    runtime: 'browser-host',
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
    // No window waits on this thread: a worker for the sync's save would only add its memory (some 20 MB).
    syncSave: 'thread',
  });
  try {
    return await work(app);
  } catch (error) {
    throw explained(error, join(folder, DATABASE_FILE));
  } finally {
    await app.close();
  }
}

/**
 * Read-only commands need only the cache, not a session or a sync engine: opened read-only, so they work beside a
 * running app and never write. A cache that does not exist yet reads as an empty one (nothing is created).
 */
export async function withDatabase<T>(dataDir: string | undefined, io: CliIo, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const dir = dataDir ?? defaultDataDir(io.env);
  const file = join(dir, DATABASE_FILE);
  // An existing cache's folder and files are tightened as everywhere; a missing one is not created.
  if (existsSync(file)) preparePrivateDataDir(dir, DATABASE_FILE);
  const { openDatabase } = await import('../core/db/open-database');
  const opened = await openDatabase(existsSync(file) ? { file, readOnly: true } : { file: ':memory:' });
  try {
    return await work(opened.db);
  } catch (error) {
    throw explained(error, file);
  } finally {
    await opened.close();
  }
}

/**
 * Commands that change the cache without a session (PLSS import and removal): the cache is created if it does
 * not exist yet, with the same private folder as every other writer.
 */
export async function withWritableDatabase<T>(dataDir: string | undefined, io: CliIo, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const dir = dataDir ?? defaultDataDir(io.env);
  const file = join(dir, DATABASE_FILE);
  preparePrivateDataDir(dir, DATABASE_FILE);
  const { openDatabase } = await import('../core/db/open-database');
  const opened = await openDatabase({ file });
  try {
    return await work(opened.db);
  } catch (error) {
    throw explained(error, file);
  } finally {
    await opened.close();
  }
}

/** IPC handlers answer with values or throw AppError; the CLI turns the latter into one line and exit 1. */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.message} [${error.code}]`;
  return errorMessage(error);
}
