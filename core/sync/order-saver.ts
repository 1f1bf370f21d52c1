/**
 * Where a sync stages the orders it will write and how it saves them: one transaction that copies the staged
 * orders into the cache, marks the orders no longer listed as gone and stores the list's cursor, so the cache
 * changes all at once or not at all. The transaction is a copy of the server's list with its cursor, so its commit
 * does not wait for the disk (relaxed-commit.ts), and it runs with a small page cache, so its changed pages reach
 * the log while the copy runs rather than all in its COMMIT (small-page-cache.ts).
 *
 * The same saver runs on the caller's connection (here) or on a connection of its own in a worker thread
 * (worker-order-saver.ts), which the app uses so that not even the COMMIT holds the main process's event loop.
 */
import type { Kysely } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import type { Database } from '../db/schema';
import { withRelaxedCommit } from '../db/relaxed-commit';
import { withSmallPageCache } from '../db/small-page-cache';
import { createOrderStaging, type StagedOrder } from '../repos/order-staging.repo';
import { markOrdersGone } from '../repos/orders.repo';
import { saveSyncState, type SyncStateRecord } from '../repos/sync-state.repo';

/**
 * KiB of main-database page cache during the save: a copy batch's pages (some 100 orders' rows and index pages)
 * fit, and what spills is written a batch at a time. Measured at 10,000 orders × 8 claims: the COMMIT wrote 14 MB of
 * log with SQLite's default 16 MB cache, 2 MB with this one, and the syncing process peaked 20 MB lower. The COMMIT
 * still re-reads the log to checksum frames the copy rewrote, which no cache size avoids: in the app the save runs
 * in a worker thread (worker-order-saver.ts).
 */
export const SAVE_CACHE_KIB = 2048;

export interface SaveRequest {
  /** The time of the save: every written order and gone mark carries it. */
  savedAt: string;
  goneKeys: OrderKey[];
  /** The cursor and times stored with the orders. */
  state: Partial<SyncStateRecord>;
}

export interface OrderSaver {
  /** Orders staged so far. */
  readonly size: number;
  add(staged: StagedOrder): Promise<void>;
  /** Forgets everything staged: a retried download starts over. */
  reset(): Promise<void>;
  /** The one transaction: the staged orders, the gone marks and the cursor. */
  save(request: SaveRequest): Promise<void>;
  /** Lets go of what is staged (after the save, or when the sync failed or stopped). */
  dispose(): Promise<void>;
}

/** Opens a saver for one sync. */
export type OpenOrderSaver = () => OrderSaver;

export function inThreadOrderSaver(db: Kysely<Database>): OrderSaver {
  const stage = createOrderStaging(db);
  return {
    get size() {
      return stage.size;
    },
    add: (staged) => stage.add(staged),
    reset: () => stage.reset(),
    save: (request) =>
      withRelaxedCommit(db, (connection) =>
        withSmallPageCache(connection, SAVE_CACHE_KIB, () =>
          connection.transaction().execute(async (trx) => {
            await stage.copyInto(trx, request.savedAt);
            await markOrdersGone(trx, request.goneKeys, request.savedAt);
            await saveSyncState(trx, request.state);
          }),
        ),
      ),
    dispose: () => stage.drop(),
  };
}
