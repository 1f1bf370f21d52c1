/** Turns an order document (well-formed or not) into the row we store: the text as-is plus index columns. */
import { ORDER_TYPES, PENDING_ORDER_FIELDS, type PendingOrder } from '../../shared/api/geodb.schemas';
import type { NewOrderRow } from './orders.repo';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Serialises with the contract's field order and nothing else, so the list shows exactly those fields. */
export function serializePendingOrder(order: PendingOrder): string {
  const ordered: Record<string, unknown> = {};
  for (const field of PENDING_ORDER_FIELDS) ordered[field] = order[field];
  return JSON.stringify(ordered);
}

/**
 * Index columns are read leniently: a value of the wrong type becomes NULL (which the filter treats as
 * "list it"), never an error, because raw test orders are meant to carry wrong types.
 */
export function orderRowFromDoc(doc: unknown, docText: string, packageStatus: string | null): NewOrderRow {
  const record = isRecord(doc) ? doc : {};
  const type = record['order_type'];
  const id = record['id'];
  const status = record['status'];
  const createdAt = record['created_at'];
  return {
    order_type: typeof type === 'string' && (ORDER_TYPES as readonly string[]).includes(type) ? type : null,
    order_id: typeof id === 'number' && Number.isSafeInteger(id) ? id : null,
    status: typeof status === 'string' ? status : null,
    created_at: typeof createdAt === 'string' ? createdAt : '',
    package_status: packageStatus,
    doc: docText,
  };
}

export function rowFromPendingOrder(order: PendingOrder, packageStatus: string | null = null): NewOrderRow {
  return orderRowFromDoc(order, serializePendingOrder(order), packageStatus);
}

export function rowFromRawDoc(doc: unknown, packageStatus: string | null = null): NewOrderRow {
  return orderRowFromDoc(doc, JSON.stringify(doc) ?? 'null', packageStatus);
}

/** Rewrites fields inside a stored document; non-object documents keep their text (nothing to edit). */
export function withDocFields(docText: string, changes: Record<string, unknown>): string {
  const parsed: unknown = JSON.parse(docText);
  if (!isRecord(parsed)) return docText;
  return JSON.stringify({ ...parsed, ...changes });
}

export function withStatus(docText: string, status: string): string {
  return withDocFields(docText, { status });
}

export interface OrderFacts {
  orderNumber: string | null;
  projectId: number | null;
  projectName: string | null;
  claimPackageId: number | null;
}

/** What the upload and status routes need from a stored document, read as leniently as the index columns. */
export function readOrderFacts(docText: string): OrderFacts {
  const parsed: unknown = JSON.parse(docText);
  const record = isRecord(parsed) ? parsed : {};
  const int = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    orderNumber: text(record['order_number']),
    projectId: int(record['project_id']),
    projectName: text(record['project_name']),
    claimPackageId: int(record['claim_package_id']),
  };
}
