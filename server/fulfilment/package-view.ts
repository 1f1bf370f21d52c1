/** Read-only views of the fulfilment data: a package as the API shows it, and counts for the test hooks. */
import type { Kysely } from 'kysely';
import { orderTypeSchema, type ClaimPackage, type UploadDocumentType } from '../../shared/api/geodb.schemas';
import type { ServerDatabase } from '../store/db.types';
import { documentsOfPackage } from '../store/documents.repo';
import { orderEventsOf } from '../store/order-events.repo';
import { findOrder } from '../store/orders.repo';
import { findPackage, findPackageOfOrder, landHoldingsOfPackage } from '../store/packages.repo';

export async function packageView(db: Kysely<ServerDatabase>, id: number): Promise<ClaimPackage | undefined> {
  const pkg = await findPackage(db, id);
  if (pkg === undefined) return undefined;
  const orderType = orderTypeSchema.safeParse(pkg.order_type);
  const documents = await documentsOfPackage(db, id);
  return {
    id: pkg.id,
    package_number: pkg.package_number,
    name: pkg.name,
    status: pkg.status,
    source: pkg.source,
    project_id: pkg.project_id,
    order_type: orderType.success ? orderType.data : null,
    order_id: pkg.order_id,
    created_at: pkg.created_at,
    updated_at: pkg.updated_at,
    documents: documents.map((d) => ({
      filename: d.filename,
      document_type: d.document_type as UploadDocumentType,
      document_id: d.id,
      size: d.size,
      sha256: d.sha256,
      version: d.version,
      content_type: d.content_type,
      uploaded_at: d.uploaded_at,
      linked_to_order: d.order_type !== null,
    })),
    land_holdings: await landHoldingsOfPackage(db, id),
  };
}

async function countRows(db: Kysely<ServerDatabase>, table: keyof ServerDatabase): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What tests assert after uploads and retries: nothing may exist twice. */
export async function orderFulfilmentCounts(db: Kysely<ServerDatabase>, orderType: string, orderId: number) {
  const order = await findOrder(db, orderType, orderId);
  const pkg = await findPackageOfOrder(db, orderType, orderId);
  const packages = await db
    .selectFrom('claim_packages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_type', '=', orderType)
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  const documents = pkg === undefined ? [] : await documentsOfPackage(db, pkg.id);
  const holdings = pkg === undefined ? [] : await landHoldingsOfPackage(db, pkg.id);
  const changes = await db
    .selectFrom('order_status_changes')
    .select(['from_status', 'to_status', 'reason', 'source'])
    .where('order_type', '=', orderType)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return {
    found: order !== undefined,
    status: order?.status ?? null,
    package_status: order?.package_status ?? null,
    package_id: pkg?.id ?? null,
    packages: Number(packages.n),
    documents: documents.length,
    order_documents: documents.filter((d) => d.order_type === orderType && d.order_id === orderId).length,
    land_holdings: holdings.length,
    status_changes: changes,
    order_events: (await orderEventsOf(db, orderType, orderId)).length,
  };
}

export async function fulfilmentTotals(db: Kysely<ServerDatabase>): Promise<Record<string, number>> {
  return {
    packages: await countRows(db, 'claim_packages'),
    documents: await countRows(db, 'documents'),
    land_holdings: await countRows(db, 'land_holdings'),
    idempotency_keys: await countRows(db, 'idempotency_keys'),
    status_changes: await countRows(db, 'order_status_changes'),
    order_events: await countRows(db, 'order_events'),
  };
}
