/** What every CLI command gets: parsed options, output streams, and a way to start the back-end. */
import { AppError } from '../shared/errors';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createClaimDeskApp, DATABASE_FILE } from '../core/app/create-app';
import { openDatabase } from '../core/db/open-database';
import type { Database } from '../core/db/schema';
import type { ClaimDeskApp } from '../core/app/create-app.types';
import { defaultDataDir } from '../core/app/data-dir';
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

export async function withApp<T>(dataDir: string | undefined, io: CliIo, work: (app: ClaimDeskApp) => Promise<T>): Promise<T> {
  // The CLI keeps the token in memory only: it signs in with the flags it is given on every run.
  const app = await createClaimDeskApp({
    dataDir: dataDir ?? defaultDataDir(io.env),
    runtime: 'browser-host',
    tokenStore: createMemoryTokenStore(),
    syncIntervalMs: 0,
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Read-only commands need only the cache, not a session or a sync engine. */
export async function withDatabase<T>(dataDir: string | undefined, io: CliIo, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const dir = dataDir ?? defaultDataDir(io.env);
  preparePrivateDataDir(dir, DATABASE_FILE);
  const opened = await openDatabase({ file: join(dir, DATABASE_FILE) });
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

/** IPC handlers answer with values or throw AppError; the CLI turns the latter into one line and exit 1. */
export function describeFailure(error: unknown): string {
  if (error instanceof AppError) return `${error.message} [${error.code}]`;
  return error instanceof Error ? error.message : String(error);
}
