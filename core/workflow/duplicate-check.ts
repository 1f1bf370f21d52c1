/**
 * The possible-duplicate check (shared/workflow/duplicate-orders.ts) over the cache: every listed order's claims are
 * read, parsed and compared. For 10,000 orders × 8 claims that is seconds of CPU, which on the main thread froze the
 * window's IPC after every sync. The app runs it in a worker thread over its own read-only connection (WAL lets it
 * read while the main connection writes) and the main thread only stores the pairs found. Where no worker can start
 * (no built entry and no tsx), the same function runs on the calling thread.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { orderKeyOfRow, orderKeyString } from '../../shared/domain/order.types';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { AppError } from '../../shared/errors';
import { findDuplicateOrders, type DuplicateCandidate, type DuplicatePair } from '../../shared/workflow/duplicate-orders';
import type { Db } from '../db/schema';
import { workerEntryCode } from '../platform/worker-entry';
import { listClaimsOfListedOrders } from '../repos/duplicates.repo';

export interface DuplicateCheckResult {
  pairs: DuplicatePair[];
  /** Order numbers of the orders in `pairs`, by key, for the notifications. */
  numbers: Record<string, string>;
}

export type DuplicateCheck = (minShare: number) => Promise<DuplicateCheckResult>;

function parseClaims(json: string): NormalizedClaim[] {
  try {
    const claims = JSON.parse(json) as NormalizedClaim[];
    return Array.isArray(claims) ? claims.filter((c) => c && c.geometry) : [];
  } catch {
    return [];
  }
}

export async function findDuplicatesInCache(db: Db, minShare: number): Promise<DuplicateCheckResult> {
  const rows = await listClaimsOfListedOrders(db);
  const candidates: DuplicateCandidate[] = rows.map((row) => ({
    key: orderKeyString(orderKeyOfRow(row)),
    claims: parseClaims(row.claims_json).map((c) => ({ name: c.name, geometry: c.geometry })),
  }));
  const pairs = findDuplicateOrders(candidates, { minShare });
  const inPairs = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  const numbers: Record<string, string> = {};
  for (const row of rows) {
    const key = orderKeyString(orderKeyOfRow(row));
    if (inPairs.has(key)) numbers[key] = row.order_number;
  }
  return { pairs, numbers };
}

export function inThreadDuplicateCheck(db: Db): DuplicateCheck {
  return (minShare) => findDuplicatesInCache(db, minShare);
}

export interface WorkerCheckOptions {
  /** The cache file the worker opens read-only. */
  file: string;
  /** better-sqlite3 built for Electron's ABI (as the main connection uses). */
  nativeBinding?: string;
  /** Where a worker cannot start, and for caches too small to be worth one. */
  fallback: DuplicateCheck;
  /**
   * Below this many listed orders the check takes milliseconds: it runs on the calling thread, since starting a
   * worker would cost more than it saves. Default 0: always a worker.
   */
  inThreadBelow?: { orders: number; count: () => Promise<number> };
}

/** A check over this many listed orders stays within a few tens of milliseconds on one thread. */
export const SMALL_CHECK_ORDERS = 100;

type WorkerMessage = { ready: true } | { ok: true; result: DuplicateCheckResult } | { ok: false; error: string };

/** One worker per check: a check runs once per sync that changed orders, and an idle worker would only hold memory. */
export function workerDuplicateCheck(options: WorkerCheckOptions): DuplicateCheck {
  return async (minShare) => {
    const small = options.inThreadBelow && (await options.inThreadBelow.count()) < options.inThreadBelow.orders;
    const code = small ? null : workerEntryCode('duplicates.worker', dirname(__filename));
    if (!code) return options.fallback(minShare);
    return new Promise<DuplicateCheckResult>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, workerData: { file: options.file, nativeBinding: options.nativeBinding, minShare } });
      let started = false;
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        outcome();
      };
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) started = true;
        else if (message.ok) settle(() => resolve(message.result));
        else settle(() => reject(new AppError('internal', `The duplicate check failed: ${message.error}`)));
      });
      worker.on('error', (error) => {
        // A worker that never started (its code could not be loaded here) must not cost the check: do it here.
        if (!started) settle(() => options.fallback(minShare).then(resolve, reject));
        else settle(() => reject(new AppError('internal', `The duplicate check failed: ${error.message}`, { cause: error })));
      });
      worker.on('exit', (exitCode) => settle(() => reject(new AppError('internal', `The duplicate check stopped (exit code ${exitCode}).`))));
    });
  };
}
