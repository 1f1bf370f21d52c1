/**
 * Stored documents. A file whose name and content (SHA-256) are already in the package is not stored again:
 * the existing row answers for it. A new content under a known name becomes the next version.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DocumentsTable, ServerDatabase } from './db.types';

export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentMeta = Omit<DocumentRow, 'bytes'>;

export interface NewDocument {
  packageId: number;
  /** Set for documents also linked to the order directly (claim_order). */
  order: { type: string; id: number } | null;
  filename: string;
  documentType: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
  uploadedBy: number | null;
  uploadedAt: string;
}

const META_COLUMNS = [
  'id',
  'package_id',
  'order_type',
  'order_id',
  'filename',
  'document_type',
  'content_type',
  'size',
  'sha256',
  'version',
  'uploaded_by',
  'uploaded_at',
] as const;

export async function addDocument(db: Kysely<ServerDatabase>, doc: NewDocument): Promise<DocumentMeta> {
  const same = await db
    .selectFrom('documents')
    .select(META_COLUMNS)
    .where('package_id', '=', doc.packageId)
    .where('filename', '=', doc.filename)
    .where('sha256', '=', doc.sha256)
    .executeTakeFirst();
  if (same !== undefined) return same;
  const latest = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('package_id', '=', doc.packageId)
    .where('filename', '=', doc.filename)
    .executeTakeFirst();
  return db
    .insertInto('documents')
    .values({
      package_id: doc.packageId,
      order_type: doc.order?.type ?? null,
      order_id: doc.order?.id ?? null,
      filename: doc.filename,
      document_type: doc.documentType,
      content_type: doc.contentType,
      size: doc.bytes.length,
      sha256: doc.sha256,
      bytes: doc.bytes,
      version: Number(latest?.v ?? 0) + 1,
      uploaded_by: doc.uploadedBy,
      uploaded_at: doc.uploadedAt,
    })
    .returning(META_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function documentsOfPackage(db: Kysely<ServerDatabase>, packageId: number): Promise<DocumentMeta[]> {
  return db.selectFrom('documents').select(META_COLUMNS).where('package_id', '=', packageId).orderBy('id').execute();
}
