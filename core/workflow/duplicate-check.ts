/**
 * The possible-duplicate check (shared/workflow/duplicate-orders.ts) over the cache: every listed order's claims are
 * read, parsed and compared. For 10,000 orders × 8 claims that is seconds of CPU, which on the main thread froze the
 * window's IPC after every sync. The app runs it in a worker thread over its own read-only connection (WAL lets it
 * read while the main connection writes) and the main thread only stores the pairs found. Where no worker can start
 * (no built entry and no tsx), the same function runs on the calling thread.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { orderKeyOfRow, orderKeyString, type OrderKey } from '../../shared/domain/order.types';
import type { NormalizedClaim } from '../../shared/domain/normalized-order.types';
import { AppError } from '../../shared/errors';
import { ClaimBoxes } from '../../shared/workflow/claim-boxes';
import { boxClaims, overlappingBoxes, PairFinder, type DuplicatePair } from '../../shared/workflow/duplicate-orders';
import type { Kysely } from 'kysely';
import type { Database, Db } from '../db/schema';
import { withSmallPageCache } from '../db/small-page-cache';
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

/**
 * Orders read per query in the first pass: their claims are parsed, boxed and let go before the next page. Few, so a
 * page and what parsing it allocates die in the young generation: pages of 500 (some 1 MB of text and several of
 * parsed claims) outlived a minor collection, and the old generation, and so the heap, grew by them.
 */
export const PAGE_ORDERS = 64;

/**
 * KiB of page cache for the check's reads. They scan every listed order's payload once, in order: a page is not read
 * twice, so SQLite's default 16 MB cache only held a copy of the last 16 MB read (10 MB of the check's peak RSS).
 */
const CHECK_CACHE_KIB = 512;

/**
 * One of the check's reads, with a small page cache for its duration. The connection is held for that one read only:
 * the app's own queries (where the check runs on the main connection) still come between two pages.
 */
function read<T>(db: Kysely<Database>, query: (connection: Db) => Promise<T>): Promise<T> {
  return db.connection().execute((connection) => withSmallPageCache(connection, CHECK_CACHE_KIB, () => query(connection)));
}

/** Candidate claim pairs compared per slice of the second pass: their orders' geometry is read in one go. */
const SLICE_CANDIDATES = 256;

/**
 * The listed orders, in the list's order, kept as a number each (orderKeyString made again where a pair needs
 * it): 40,000 "type:id" strings and their array were some 2 MB of heap for the whole check.
 */
class ListedOrders {
  private ids: number[] = [];
  private types: OrderKey['orderType'][] = [];

  get length(): number {
    return this.ids.length;
  }

  push(key: OrderKey): number {
    this.types.push(key.orderType);
    return this.ids.push(key.id) - 1;
  }

  key(index: number): OrderKey {
    return { orderType: this.types[index]!, id: this.ids[index]! };
  }
}

/**
 * The check over the listed orders in two passes (shared/workflow/duplicate-orders.ts): first every order's claims a
 * page at a time, kept only as boxes and an area; then the geometry of just the orders whose boxes met, read as the
 * comparisons need it and let go after each order's last one. The passes are separate reads: an order the sync
 * changes in between is compared with its newer claims (or, gone, not at all), and the next sync's check sets the
 * flags right again.
 */
export async function findDuplicatesInCache(db: Kysely<Database>, minShare: number): Promise<DuplicateCheckResult> {
  const orders = new ListedOrders();
  const areas: number[] = [];
  const boxes = new ClaimBoxes();
  for (let after: ListedClaimsCursor | null = null; ; ) {
    const page = await read(db, (connection) => listedClaimsPage(connection, after, PAGE_ORDERS));
    for (const row of page) areas.push(boxClaims(orders.push(orderKeyOfRow(row)), parseClaims(row.claims_json), boxes));
    const last = page.at(-1);
    if (!last || page.length < PAGE_ORDERS) break;
    after = { createdAt: last.created_at, orderType: last.order_type, id: last.id };
  }
  const keyOf = (index: number) => orderKeyString(orders.key(index));
  const finder = new PairFinder(overlappingBoxes(boxes, keyOf), boxes, { minShare });
  const numbers = new Map<number, string>();
  for (let from = 0; from < finder.size; from += SLICE_CANDIDATES) {
    const needed = finder.needed(from, from + SLICE_CANDIDATES);
    const indexOf = new Map(needed.map((index) => [orderKeyString(orders.key(index)), index]));
    for (const row of await read(db, (connection) => getClaimsOfOrders(connection, needed.map((index) => orders.key(index))))) {
      const index = indexOf.get(orderKeyString(orderKeyOfRow(row)))!;
      finder.hold(index, parseClaims(row.claims_json));
      numbers.set(index, row.order_number);
    }
    finder.compare(from, from + SLICE_CANDIDATES);
  }
  const pairs = finder.pairs(keyOf, areas);
  const inPairs = new Set(pairs.flatMap((pair) => [pair.a, pair.b]));
  const byKey: Record<string, string> = {};
  for (const [index, number] of numbers) {
    const key = keyOf(index);
    if (inPairs.has(key)) byKey[key] = number;
  }
  return { pairs, numbers: byKey };
}

export function inThreadDuplicateCheck(db: Kysely<Database>): DuplicateCheck {
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
