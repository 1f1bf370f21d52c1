/**
 * Document upload inside one transaction: reuse the order's ClaimPackage or create one linked to the order,
 * store and link every document (claim_order documents are linked to the order as well), link LandHoldings
 * by claim name, and complete the order. A failure anywhere rolls all of it back.
 */
import type { Kysely } from 'kysely';
import type { ClaimDocumentsUploadResponse, OrderType } from '../../shared/api/geodb.schemas';
import { HttpError } from '../http/http-errors';
import type { ServerDatabase } from '../store/db.types';
import { addDocument } from '../store/documents.repo';
import { bumpDataVersion } from '../store/meta.repo';
import { readOrderFacts, withDocFields } from '../store/order-doc';
import { findOrder, insertStatusChange, updateOrderRow } from '../store/orders.repo';
import { createPackage, ensureKnownPackage, findPackageOfOrder, linkLandHoldings, setPackageStatus } from '../store/packages.repo';
import { checkUpload, COMPLETE_PACKAGE, COMPLETED_STATUS, orderState } from './order-rules';
import type { UploadForm } from './upload-form';

export interface UploadInput {
  form: UploadForm;
  userId: number;
  now: string;
  /** A completed order takes another upload without its claim_package_id (the seed000 profile). */
  reuseOrderPackage?: boolean;
}

export async function applyUpload(trx: Kysely<ServerDatabase>, input: UploadInput): Promise<ClaimDocumentsUploadResponse> {
  const { fields, files } = input.form;
  const orderType: OrderType = fields.order_type;
  const row = await findOrder(trx, orderType, fields.order_id);
  if (row === undefined) throw new HttpError(404, { detail: `No ${orderType} order with id ${fields.order_id}.` });
  const facts = readOrderFacts(row.doc);
  const orderNumber = facts.orderNumber ?? `${orderType} ${fields.order_id}`;
  if (facts.projectId !== null && facts.projectId !== fields.project_id) {
    throw new HttpError(400, { project_id: [`Order ${orderNumber} belongs to project ${facts.projectId}, not ${fields.project_id}.`] });
  }

  const packageFields = {
    name: `Documents for ${orderNumber}`,
    source: 'claimdesk',
    projectId: fields.project_id,
    orderType,
    orderId: fields.order_id,
    createdBy: input.userId,
    createdAt: input.now,
  };
  // A package the real server already had (its id in the order document) but this database has not seen yet.
  if (orderType === 'claim_purchase' && facts.claimPackageId !== null) {
    await ensureKnownPackage(trx, { ...packageFields, id: facts.claimPackageId, status: row.package_status ?? 'draft' });
  }
  const existing = await findPackageOfOrder(trx, orderType, fields.order_id);
  checkUpload({ orderType, orderNumber, status: row.status }, existing, fields.claim_package_id, { reuseOrderPackage: input.reuseOrderPackage ?? false });
  const pkg = existing ?? (await createPackage(trx, { ...packageFields, status: 'draft' }));

  const documents: ClaimDocumentsUploadResponse['documents'] = [];
  for (const file of files) {
    const stored = await addDocument(trx, {
      packageId: pkg.id,
      order: orderType === 'claim_order' ? { type: orderType, id: fields.order_id } : null,
      filename: file.filename,
      documentType: file.documentType,
      contentType: file.mimetype,
      sha256: file.sha256,
      bytes: file.data,
      uploadedBy: input.userId,
      uploadedAt: input.now,
    });
    documents.push({
      filename: stored.filename,
      document_type: file.documentType,
      document_id: stored.id,
      size: stored.size,
      sha256: stored.sha256,
      version: stored.version,
    });
  }
  await linkLandHoldings(trx, pkg.id, fields.project_id, fields.claims, input.now);

  let status = row.status ?? COMPLETED_STATUS[orderType];
  if (orderState(orderType, row.status) !== 'completed') {
    status = COMPLETED_STATUS[orderType];
    // As the real server: a claim_order never shows a claim_package_id; a purchase shows its package.
    const docChanges = orderType === 'claim_purchase' ? { status, claim_package_id: pkg.id } : { status };
    await updateOrderRow(trx, row.row_id, {
      status,
      package_status: orderType === 'claim_purchase' ? COMPLETE_PACKAGE : row.package_status,
      doc: withDocFields(row.doc, docChanges),
    });
    await insertStatusChange(trx, {
      order_type: orderType,
      order_id: fields.order_id,
      from_status: row.status,
      to_status: status,
      reason: `Documents uploaded to ${pkg.package_number}`,
      source: 'upload',
      changed_by: input.userId,
      changed_at: input.now,
    });
  }
  await setPackageStatus(trx, pkg.id, COMPLETE_PACKAGE, input.now);
  await bumpDataVersion(trx);
  return {
    documents,
    package: { id: pkg.id, package_number: pkg.package_number, status: COMPLETE_PACKAGE },
    order: { order_type: orderType, id: fields.order_id, status },
  };
}
