/**
 * The reference server's data access in one object. Routes, seeders and tests use these methods; every
 * mutation bumps the data version in the same transaction so the pending-orders ETag stays truthful.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { ApiUser, OrderType, PendingOrder } from '../../shared/api/geodb.schemas';
import { digestToken, generateToken, hashPassword, verifyPassword } from '../auth/credentials';
import type { DemoUser } from '../demo-users';
import type { ServerDatabase } from './db.types';
import { bumpDataVersion, ensureMeta, readDataVersion, readSeedMarker, writeSeedMarker, type DataVersion } from './meta.repo';
import { rowFromPendingOrder, rowFromRawDoc, withDocFields, withStatus } from './order-doc';
import { replaceCoverage } from './crews.repo';
import { deleteOrderEvents } from './order-events.repo';
import * as orders from './orders.repo';
import { deletePackagesOfOrder, ensureKnownPackage } from './packages.repo';
import { applyPragmas, createSchema, FULFILMENT_TABLES, wipeAll } from './schema.repo';
import * as users from './users.repo';

export interface OrderKey {
  orderType: string | null;
  id: number | null;
}

export function toApiUser(row: users.UserRow): ApiUser {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    is_staff: row.is_staff === 1,
    role: row.role as ApiUser['role'],
  };
}

export class ReferenceStore {
  private constructor(
    readonly sqlite: Database.Database,
    readonly db: Kysely<ServerDatabase>,
  ) {}

  static async open(dbFile: string, options: { reset?: boolean } = {}): Promise<ReferenceStore> {
    if (dbFile !== ':memory:') mkdirSync(dirname(dbFile), { recursive: true });
    const sqlite = new Database(dbFile);
    applyPragmas(sqlite);
    createSchema(sqlite);
    if (options.reset === true) wipeAll(sqlite);
    const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    await ensureMeta(db);
    return new ReferenceStore(sqlite, db);
  }

  async close(): Promise<void> {
    await this.db.destroy(); // also closes the better-sqlite3 handle
  }

  // --- versioning -------------------------------------------------------------------------------

  dataVersion(): Promise<DataVersion> {
    return readDataVersion(this.db);
  }

  /** Marks the data as changed without changing it (tests use this to force a new ETag). */
  bumpVersion(): Promise<number> {
    return this.db.transaction().execute((trx) => bumpDataVersion(trx));
  }

  seedMarker(): Promise<string | undefined> {
    return readSeedMarker(this.db);
  }

  setSeedMarker(seed: string): Promise<void> {
    return writeSeedMarker(this.db, seed);
  }

  // --- users and tokens ---------------------------------------------------------------------------

  async createUser(user: DemoUser): Promise<ApiUser> {
    const { password, is_staff, coverage, ...rest } = user;
    const row = await users.upsertUser(this.db, {
      ...rest,
      is_staff: is_staff ? 1 : 0,
      password_hash: await hashPassword(password),
    });
    if (coverage) await replaceCoverage(this.db, row.id, coverage.map((area) => ({ state: area.state, county: area.county ?? '' })));
    return toApiUser(row);
  }

  async hasUser(username: string): Promise<boolean> {
    return (await users.findUserByUsername(this.db, username)) !== undefined;
  }

  countUsers(): Promise<number> {
    return users.countUsers(this.db);
  }

  /** The user when the password matches, otherwise undefined (callers must not tell which part was wrong). */
  async checkCredentials(username: string, password: string): Promise<ApiUser | undefined> {
    const row = await users.findUserByUsername(this.db, username);
    if (row === undefined || !(await verifyPassword(password, row.password_hash))) return undefined;
    return toApiUser(row);
  }

  async issueToken(userId: number): Promise<string> {
    const issued = generateToken();
    await users.insertToken(this.db, {
      digest: issued.digest,
      token_key: issued.tokenKey,
      user_id: userId,
      created_at: new Date().toISOString(),
    });
    return issued.token;
  }

  /** Test convenience: a fresh token for an existing user, without the password round trip. */
  async tokenFor(username: string): Promise<string> {
    const row = await users.findUserByUsername(this.db, username);
    if (row === undefined) throw new Error(`No such user: ${username}`);
    return this.issueToken(row.id);
  }

  async userForToken(token: string): Promise<ApiUser | undefined> {
    const row = await users.findUserByTokenDigest(this.db, digestToken(token));
    return row === undefined ? undefined : toApiUser(row);
  }

  /** Revokes every token of a user (tests use it to simulate an expired session). */
  async revokeTokens(username: string): Promise<number> {
    const row = await users.findUserByUsername(this.db, username);
    return row === undefined ? 0 : users.deleteTokensOfUser(this.db, row.id);
  }

  // --- orders -------------------------------------------------------------------------------------

  /**
   * Inserts (or replaces) a well-formed order; `packageStatus` is the status of its claim package, if any.
   * A claim_purchase's claim_package_id becomes a package row, so uploads and GET package find it.
   */
  async insertOrder(order: PendingOrder, options: { packageStatus?: string | null } = {}): Promise<void> {
    await this.mutate(async (trx) => {
      await orders.upsertOrder(trx, rowFromPendingOrder(order, options.packageStatus ?? null));
      if (order.order_type !== 'claim_purchase' || order.claim_package_id === null) return;
      await ensureKnownPackage(trx, {
        id: order.claim_package_id,
        name: `Documents for ${order.order_number}`,
        status: options.packageStatus ?? 'draft',
        source: 'geodb',
        projectId: order.project_id,
        orderType: order.order_type,
        orderId: order.id,
        createdBy: null,
        createdAt: order.created_at,
      });
    });
  }

  /**
   * Stores any JSON value as an order document, exactly as given. Index columns are read from it where
   * possible; a document without a readable order_type or status is always listed.
   */
  async insertRawOrder(doc: unknown, options: { packageStatus?: string | null } = {}): Promise<OrderKey> {
    const row = rowFromRawDoc(doc, options.packageStatus ?? null);
    await this.mutate((trx) => orders.upsertOrder(trx, row));
    return { orderType: row.order_type, id: row.order_id };
  }

  /** Changes the status column and the status inside the document. False when the order does not exist. */
  setOrderStatus(orderType: OrderType, id: number, status: string): Promise<boolean> {
    return this.mutate(async (trx) => {
      const row = await orders.findOrder(trx, orderType, id);
      if (row === undefined) return false;
      await orders.updateOrderRow(trx, row.row_id, { status, doc: withStatus(row.doc, status) });
      return true;
    });
  }

  /**
   * Sets payment_status inside the stored document (ClaimDesk reads it when a server sends one). The
   * demo data has none; tests set it here. null is stored as null, as a server without a payment record may send.
   */
  setOrderPaymentStatus(orderType: OrderType, id: number, paymentStatus: string | null): Promise<boolean> {
    return this.mutate(async (trx) => {
      const row = await orders.findOrder(trx, orderType, id);
      if (row === undefined) return false;
      await orders.updateOrderRow(trx, row.row_id, { doc: withDocFields(row.doc, { payment_status: paymentStatus }) });
      return true;
    });
  }

  /** Sets the status of a claim_purchase order's package ('complete' takes it off the list). */
  setPackageStatus(id: number, packageStatus: string | null): Promise<boolean> {
    return this.mutate(async (trx) => {
      const row = await orders.findOrder(trx, 'claim_purchase', id);
      if (row === undefined) return false;
      await orders.updateOrderRow(trx, row.row_id, { package_status: packageStatus });
      return true;
    });
  }

  /** Also removes the order's package, documents, status history, events and claim: a re-inserted order starts clean. */
  deleteOrder(orderType: OrderType, id: number): Promise<boolean> {
    return this.mutate(async (trx) => {
      await deletePackagesOfOrder(trx, orderType, id);
      await trx.deleteFrom('order_status_changes').where('order_type', '=', orderType).where('order_id', '=', id).execute();
      await deleteOrderEvents(trx, orderType, id);
      await trx.deleteFrom('order_assignments').where('order_type', '=', orderType).where('order_id', '=', id).execute();
      await trx.deleteFrom('crew_interests').where('order_type', '=', orderType).where('order_id', '=', id).execute();
      return orders.deleteOrder(trx, orderType, id);
    });
  }

  /** Every order and all fulfilment data (packages, documents, land holdings, idempotency keys, history, events). */
  clearOrders(): Promise<void> {
    return this.mutate(async (trx) => {
      for (const table of FULFILMENT_TABLES) await trx.deleteFrom(table).execute();
      await orders.deleteAllOrders(trx);
    });
  }

  countOrders(): Promise<number> {
    return orders.countOrders(this.db);
  }

  async nextOrderId(orderType: OrderType): Promise<number> {
    return (await orders.maxOrderId(this.db, orderType)) + 1;
  }

  /** Fast path for seeding many orders; returns how many rows were new. */
  async bulkInsertOrders(list: Iterable<PendingOrder>, packageStatus: string | null = null): Promise<number> {
    const rows = (function* () {
      for (const order of list) yield rowFromPendingOrder(order, packageStatus);
    })();
    const inserted = orders.bulkInsertOrders(this.sqlite, rows);
    await this.bumpVersion();
    return inserted;
  }

  /** Documents of the listed orders, FIFO, as stored text (never parsed on the hot path). */
  pendingOrderDocs(): Promise<string[]> {
    return orders.selectPendingDocs(this.db);
  }

  /**
   * The listed documents and the version they belong to, read in one transaction: a mutation landing
   * between the two reads could otherwise label old data with a new ETag, which clients would cache forever.
   */
  pendingSnapshot(): Promise<{ version: DataVersion; docs: string[] }> {
    return this.db.transaction().execute(async (trx) => ({
      version: await readDataVersion(trx),
      docs: await orders.selectPendingDocs(trx),
    }));
  }

  /**
   * One transaction for work that decides itself whether it changed data (it then calls bumpDataVersion).
   * Kysely runs transactions on the single connection one at a time, which the idempotency check relies on.
   */
  transaction<T>(work: (trx: Kysely<ServerDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  private mutate<T>(work: (trx: Kysely<ServerDatabase>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(trx);
      await bumpDataVersion(trx);
      return result;
    });
  }
}
