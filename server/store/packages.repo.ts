/** ClaimPackages, their one-to-one order link, and the LandHoldings linked to them by claim name. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ClaimPackagesTable, ServerDatabase } from './db.types';

export type PackageRow = Selectable<ClaimPackagesTable>;

export interface NewPackage {
  /** Only for packages that already exist on the real server (seeded demo orders, adopted ids). */
  id?: number;
  name: string;
  status: string;
  source: string;
  projectId: number | null;
  orderType: string;
  orderId: number;
  createdBy: number | null;
  createdAt: string;
}

export interface LandHoldingInput {
  name: string;
  geometry: unknown;
  acreage: number;
}

/** GeoDB style: year of creation and the id, e.g. PKG-2026-001042. */
export function packageNumber(id: number, createdAt: string): string {
  const year = /^\d{4}/.exec(createdAt)?.[0] ?? String(new Date().getUTCFullYear());
  return `PKG-${year}-${String(id).padStart(6, '0')}`;
}

export async function findPackage(db: Kysely<ServerDatabase>, id: number): Promise<PackageRow | undefined> {
  return db.selectFrom('claim_packages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPackageOfOrder(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<PackageRow | undefined> {
  return db.selectFrom('claim_packages').selectAll().where('order_type', '=', orderType).where('order_id', '=', orderId).executeTakeFirst();
}

/**
 * Creates the order's package. The number depends on the id, which AUTOINCREMENT only gives after the
 * insert, so the row is written with a unique placeholder first (all inside the caller's transaction).
 */
export async function createPackage(db: Kysely<ServerDatabase>, pkg: NewPackage): Promise<PackageRow> {
  const values = {
    package_number: pkg.id === undefined ? `PKG-PENDING-${randomUUID()}` : packageNumber(pkg.id, pkg.createdAt),
    name: pkg.name,
    status: pkg.status,
    source: pkg.source,
    project_id: pkg.projectId,
    order_type: pkg.orderType,
    order_id: pkg.orderId,
    created_by: pkg.createdBy,
    created_at: pkg.createdAt,
    updated_at: pkg.createdAt,
  };
  const row = await db
    .insertInto('claim_packages')
    .values(pkg.id === undefined ? values : { ...values, id: pkg.id })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (pkg.id !== undefined) return row;
  const number = packageNumber(row.id, pkg.createdAt);
  await db.updateTable('claim_packages').set({ package_number: number }).where('id', '=', row.id).execute();
  return { ...row, package_number: number };
}

/**
 * Records a package the order already has on the real server (its id is in the order document). Silently
 * does nothing when that id or the order is already taken: raw test data may point anywhere.
 */
export async function ensureKnownPackage(db: Kysely<ServerDatabase>, pkg: NewPackage & { id: number }): Promise<void> {
  const taken = await db
    .selectFrom('claim_packages')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', pkg.id), eb.and([eb('order_type', '=', pkg.orderType), eb('order_id', '=', pkg.orderId)])]))
    .executeTakeFirst();
  if (taken === undefined) await createPackage(db, pkg);
}

export async function setPackageStatus(db: Kysely<ServerDatabase>, id: number, status: string, now: string): Promise<void> {
  await db.updateTable('claim_packages').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** Upserts the claims as LandHoldings of the project (natural key: project and name) and links them. */
export async function linkLandHoldings(
  db: Kysely<ServerDatabase>,
  packageId: number,
  projectId: number,
  claims: readonly LandHoldingInput[],
  now: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (const claim of claims) {
    const values = { geometry: JSON.stringify(claim.geometry), acreage: claim.acreage, updated_at: now };
    const row = await db
      .insertInto('land_holdings')
      .values({ project_id: projectId, name: claim.name, ...values })
      .onConflict((oc) => oc.columns(['project_id', 'name']).doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  if (ids.length > 0) {
    await db
      .insertInto('package_land_holdings')
      .values(ids.map((id) => ({ package_id: packageId, land_holding_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return ids;
}

export async function landHoldingsOfPackage(
  db: Kysely<ServerDatabase>,
  packageId: number,
): Promise<{ id: number; name: string; project_id: number; acreage: number }[]> {
  return db
    .selectFrom('package_land_holdings')
    .innerJoin('land_holdings', 'land_holdings.id', 'package_land_holdings.land_holding_id')
    .select(['land_holdings.id', 'land_holdings.name', 'land_holdings.project_id', 'land_holdings.acreage'])
    .where('package_land_holdings.package_id', '=', packageId)
    .orderBy('land_holdings.name')
    .execute();
}

/** Removes an order's package with its documents and links (used when a test deletes the order). */
export async function deletePackagesOfOrder(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<void> {
  await db.deleteFrom('claim_packages').where('order_type', '=', orderType).where('order_id', '=', orderId).execute();
  await db.deleteFrom('documents').where('order_type', '=', orderType).where('order_id', '=', orderId).execute();
}
