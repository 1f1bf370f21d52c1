/**
 * The possible-duplicate check (shared/workflow/duplicate-orders.ts) over the cache: every listed order's claims are
 * read, parsed and compared. For 10,000 orders × 8 claims that is seconds of CPU, which on the main thread froze the
 * window's IPC after every sync. The app runs it in a worker thread over its own read-only connection (WAL lets it
 * read while the main connection writes) and the main thread only stores the pairs found. Where no worker can start
 * (no built entry and no tsx), the same function runs on the calling thread.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { orderKeyFromString, orderKeyOfRow, orderKeyString } from '../../shared/domain/order.types';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { AppError } from '../../shared/errors';
import { boxClaims, overlappingBoxes, sharePairs, type ClaimBox, type DuplicatePair } from '../../shared/workflow/duplicate-orders';
import type { Db } from '../db/schema';
import { workerEntryCode } from '../platform/worker-entry';
import { getClaimsOfOrders, listedClaimsPage, type ListedClaimsCursor } from '../repos/duplicates.repo';

export interface DuplicateCheckResult {
  pairs: DuplicatePair[];
  /** Order numbers of the orders in `pairs`, by key, for the notifications. */
  numbers: Record<string, string>;
}

export type DuplicateCheck = (minShare: number) => Promise<DuplicateCheckResult>;

/** The claims with a geometry, each reduced to what the check reads (the same list on both passes). */
function parseClaims(json: string): { name: string; geometry: NormalizedClaim['geometry'] }[] {
  try {
    const claims = JSON.parse(json) as NormalizedClaim[];
    return Array.isArray(claims) ? claims.filter((c) => c && c.geometry).map((c) => ({ name: c.name, geometry: c.geometry })) : [];
  } catch {
    return [];
  }
}

/** Orders read per query in the first pass: their claims are parsed, boxed and let go before the next page. */
const PAGE_ORDERS = 500;

/**
 * The check over the listed orders in two passes (shared/workflow/duplicate-orders.ts): first every order's claims a
 * page at a time, kept only as boxes and an area; then the geometry of just the orders whose boxes met. Memory
 * holds boxes, not the claims of every order. The passes are separate reads: an order the sync changes in between
 * is compared with its newer claims (or, gone, not at all), and the next sync's check sets the flags right again.
 */
export async function findDuplicatesInCache(db: Db, minShare: number): Promise<DuplicateCheckResult> {
  const keys: string[] = [];
  const areas: number[] = [];
  const boxes: ClaimBox[] = [];
  for (let after: ListedClaimsCursor | null = null; ; ) {
    const page = await listedClaimsPage(db, after, PAGE_ORDERS);
    for (const row of page) {
      const index = keys.length;
      keys.push(orderKeyString(orderKeyOfRow(row)));
      const boxed = boxClaims(index, parseClaims(row.claims_json));
      areas.push(boxed.areaM2);
      for (const box of boxed.boxes) boxes.push(box);
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE_ORDERS) break;
    after = { createdAt: last.created_at, orderType: last.order_type, id: last.id };
  }
  const overlaps = overlappingBoxes(boxes, keys);
  const involved = [...new Set(overlaps.flatMap(([a, b]) => [a.order, b.order]))];
  const rows = await getClaimsOfOrders(db, involved.map((index) => orderKeyFromString(keys[index]!)));
  // Kept as text and parsed when sharePairs first needs an order (it keeps only the rings it compares).
  const claimsJson = new Map(rows.map((row) => [orderKeyString(orderKeyOfRow(row)), row.claims_json]));
  const claimsOf = (index: number) => {
    const json = claimsJson.get(keys[index]!);
    return json === undefined ? [] : parseClaims(json);
  };
  const pairs = sharePairs(overlaps, claimsOf, keys, areas, { minShare });
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
