/**
 * Where a streamed sync keeps the orders it will write until the whole list has arrived: two TEMP tables of this
 * connection (invisible to every other connection and process, gone with it), filled a few rows at a time while
 * the list downloads. Only when the list is complete are they copied into orders and order_payloads, inside the
 * sync's one transaction, so the cache still changes all at once or not at all, no network is awaited inside that
 * transaction, and memory holds a batch rather than every order of the list.
 *
 * The staging tables take their columns from the cache's own tables (CREATE … AS SELECT … WHERE 0), so a migration
 * that adds a column needs nothing here.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { ServiceLevels } from '../../shared/workflow/workflow-settings';
import type { Database, Db, OrderPayloadsTable, OrdersTable } from '../db/schema';
import { createTurn } from '../platform/event-loop';
import { toOrderRow, toPayloadRow, type OrderWrite } from './orders.mapper';
import { UPDATABLE_COLUMNS } from './orders.repo';

/**
 * Rows per staging INSERT. Few, so the rows held in JavaScript are written before the garbage collector's young
 * generation fills again: parsing and checking one order allocates some 150 kB, so a batch of 100 outlived one
 * minor collection and was promoted, and the whole list passed through the old generation, whose heap V8 then kept
 * growing with the number of orders (measured: 10,000 × 8 peaked at ~200 MB, 40,000 × 8 at ~260 MB). A batch of
 * 16 dies young; each INSERT still carries enough rows that the statement, not the row, is the unit of work.
 */
export const STAGE_BATCH = 16;
/** Rows per copy (and clean-up) statement; the event loop gets a turn between them. */
const COPY_BATCH = 100;

/** KiB of page cache for the TEMP database: enough for a batch; the rest spills to SQLite's temporary file. */
const TEMP_CACHE_KIB = 2048;
const ORDERS = 'temp.claimdesk_staged_orders';
const PAYLOADS = 'temp.claimdesk_staged_payloads';
/** Set when the rows are copied, in the saving transaction: the time of the save, as every other write of it. */
const SAVE_TIME_COLUMNS = new Set(['first_seen_at', 'updated_at']);

type Row = Record<string, unknown>;

/** One order's rows as they will be written (plain values: a worker thread can be sent them). */
export interface StagedOrder {
  order: OrdersTable;
  payload: OrderPayloadsTable;
}

/** `levels` date the order's target; the save time is not known yet: the copy sets it. */
export function stagedOrderOf(write: OrderWrite, levels: ServiceLevels): StagedOrder {
  return { order: toOrderRow(write, '', levels), payload: toPayloadRow(write) };
}

export interface OrderStaging {
  /** Orders staged so far. */
  readonly size: number;
  /** Stages one order (written out in batches). */
  add(staged: StagedOrder): Promise<void>;
  /** Forgets everything staged: a retried download starts over. */
  reset(): Promise<void>;
  /** Copies every staged order into the cache, inside the caller's transaction, stamped with `now`. */
  copyInto(trx: Db, now: string): Promise<void>;
  /** Drops the staging tables (after the save, or when the sync failed). */
  drop(): Promise<void>;
}

const run = (db: Db, text: string, parameters: unknown[] = []) => db.executeQuery(CompiledQuery.raw(text, parameters));

export function createOrderStaging(db: Kysely<Database>): OrderStaging {
  let orders: Row[] = [];
  let payloads: Row[] = [];
  let staged = 0;
  let ready = false;

  // `on` is the root handle, or the saving transaction (which holds the one connection: the root would wait on it).
  async function create(on: Db): Promise<void> {
    await run(on, `DROP TABLE IF EXISTS ${ORDERS}`);
    await run(on, `DROP TABLE IF EXISTS ${PAYLOADS}`);
    // The staged rows are written once and read once, in order: a small page cache does (SQLite's default is 16 MB).
    await run(on, `PRAGMA temp.cache_size = -${TEMP_CACHE_KIB}`);
    await run(on, `CREATE TEMP TABLE ${ORDERS.slice(5)} AS SELECT * FROM main.orders WHERE 0`);
    await run(on, `CREATE TEMP TABLE ${PAYLOADS.slice(5)} AS SELECT * FROM main.order_payloads WHERE 0`);
    ready = true;
  }

  async function flush(on: Db): Promise<void> {
    if (orders.length === 0) return;
    if (!ready) await create(on);
    const batchOrders = orders;
    const batchPayloads = payloads;
    orders = [];
    payloads = [];
    await insertRows(on, ORDERS, batchOrders);
    await insertRows(on, PAYLOADS, batchPayloads);
  }

  return {
    get size() {
      return staged;
    },
    async add(order) {
      orders.push(order.order as unknown as Row);
      payloads.push(order.payload as unknown as Row);
      staged += 1;
      if (orders.length >= STAGE_BATCH) await flush(db);
    },
    async reset() {
      orders = [];
      payloads = [];
      staged = 0;
      if (ready) await create(db);
    },
    async copyInto(trx, now) {
      await flush(trx);
      if (staged === 0) return;
      const orderColumns = await columnsOf(trx, ORDERS);
      const payloadColumns = await columnsOf(trx, PAYLOADS);
      const select = orderColumns.map((column) => (SAVE_TIME_COLUMNS.has(column) ? '?' : quote(column))).join(', ');
      const stamps = orderColumns.filter((column) => SAVE_TIME_COLUMNS.has(column)).map(() => now);
      const ordersUpsert =
        `INSERT INTO main.orders (${orderColumns.map(quote).join(', ')}) SELECT ${select} FROM ${ORDERS} WHERE rowid > ? AND rowid <= ? ORDER BY rowid ` +
        `ON CONFLICT (order_type, id) DO UPDATE SET ${UPDATABLE_COLUMNS.map((column) => `${quote(column)} = excluded.${quote(column)}`).join(', ')}`;
      const payloadsUpsert =
        `INSERT INTO main.order_payloads (${payloadColumns.map(quote).join(', ')}) SELECT ${payloadColumns.map(quote).join(', ')} FROM ${PAYLOADS} ` +
        `WHERE rowid > ? AND rowid <= ? ORDER BY rowid ON CONFLICT (order_type, id) DO UPDATE SET raw_json = excluded.raw_json, claims_json = excluded.claims_json`;
      const turn = createTurn();
      for (let from = 0; from < staged; from += COPY_BATCH) {
        await turn();
        await run(trx, ordersUpsert, [...stamps, from, from + COPY_BATCH]);
        await turn();
        await run(trx, payloadsUpsert, [from, from + COPY_BATCH]);
      }
    },
    async drop() {
      const rows = staged;
      orders = [];
      payloads = [];
      staged = 0;
      if (!ready) return;
      ready = false;
      // Freeing thousands of staged rows at once would hold the event loop; a slice at a time, then the empty tables.
      const turn = createTurn();
      for (let from = 0; from < rows; from += COPY_BATCH) {
        await turn();
        await run(db, `DELETE FROM ${ORDERS} WHERE rowid > ? AND rowid <= ?`, [from, from + COPY_BATCH]);
        await run(db, `DELETE FROM ${PAYLOADS} WHERE rowid > ? AND rowid <= ?`, [from, from + COPY_BATCH]);
      }
      await run(db, `DROP TABLE IF EXISTS ${ORDERS}`);
      await run(db, `DROP TABLE IF EXISTS ${PAYLOADS}`);
    },
  };
}

/** One multi-row INSERT; full batches share one statement text, so the statement cache prepares it once. */
async function insertRows(db: Db, table: string, rows: Row[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of columns) parameters.push(row[column]);
  await run(db, `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, parameters);
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const result = await run(db, `SELECT name FROM pragma_table_info(?, ?)`, [name, schema]);
  return (result.rows as { name: string }[]).map((row) => row.name);
}

function quote(column: string): string {
  return `"${column.replaceAll('"', '""')}"`;
}
