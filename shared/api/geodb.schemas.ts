/**
 * The GeoDB REST contract ClaimDesk speaks (pending orders, document upload into ClaimPackages, staff status
 * changes and workflow override events), as zod schemas.
 * The reference server answers with exactly these shapes and the OpenAPI document in docs/ is generated from
 * them. The client never holds a server's answer to them: a real GeoDB server promises less, so the client
 * reads only what it needs (answer-readers.ts).
 */
import { z } from 'zod';
import { assignedToSchema, assignmentExpiredSchema } from './assignment.schemas';

export const ORDER_TYPES = ['claim_purchase', 'claim_order'] as const;
export const orderTypeSchema = z.enum(ORDER_TYPES);
export type OrderType = z.infer<typeof orderTypeSchema>;

// crew: a field crew member who stakes staking-service orders (shared/api/crews.schemas.ts).
export const USER_ROLES = ['customer', 'staff', 'manager', 'admin', 'crew'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

export const tokenAuthRequestSchema = z
  .object({ username: z.string().min(1), password: z.string().min(1) })
  .meta({ id: 'TokenAuthRequest' });

export const apiUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    is_staff: z.boolean(),
    role: userRoleSchema,
  })
  .meta({ id: 'User' });
export type ApiUser = z.infer<typeof apiUserSchema>;

export const tokenAuthResponseSchema = z
  .object({ token: z.string().min(1), user: apiUserSchema })
  .meta({ id: 'TokenAuthResponse' });

export const apiErrorBodySchema = z
  .object({ error: z.string().optional(), detail: z.string().optional() })
  .meta({ id: 'ErrorBody' });

export const claimantInfoSchema = z
  .object({
    claimant_name: z.string().nullable().optional(),
    address_1: z.string().nullable().optional(),
    address_2: z.string().nullable().optional(),
    address_3: z.string().nullable().optional(),
    district: z.string().nullable().optional(),
    monument_type: z.string().nullable().optional(),
  })
  .meta({ id: 'ClaimantInfo' });
export type ClaimantInfo = z.infer<typeof claimantInfoSchema>;

/** GeoJSON as the server stores it: coordinates are left loose on purpose, the client validates them. */
const looseGeometrySchema = z
  .object({ type: z.string(), coordinates: z.unknown() })
  .meta({ id: 'Geometry', description: 'GeoJSON geometry in WGS84 longitude/latitude (Polygon or MultiPolygon expected).' });
const looseFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    properties: z.record(z.string(), z.unknown()).nullable().optional(),
    geometry: looseGeometrySchema.nullable(),
  })
  .meta({ id: 'Feature' });

export const claimPolygonsSchema = z
  .union([
    z.object({ type: z.literal('FeatureCollection'), features: z.array(looseFeatureSchema) }),
    looseFeatureSchema,
    z.array(looseFeatureSchema),
    z.object({ claims: z.array(z.object({ name: z.string().optional(), geometry: looseGeometrySchema.nullable() })) }),
    z.string().describe('Legacy rows hold the GeoJSON serialised as a string.'),
    z.null(),
  ])
  .meta({
    id: 'ClaimPolygons',
    description:
      'The claims of an order in one of the shapes the server stores: a FeatureCollection, a single Feature, a bare list of Features, {claims: [{name, geometry}]}, a JSON string of one of those, or null.',
  });

/** One pending order exactly as the pending-orders contract lists its fields. */
export const pendingOrderSchema = z
  .object({
    id: z.number().int().positive(),
    order_type: orderTypeSchema,
    order_number: z.string(),
    status: z.string(),
    created_at: z.string().describe('ISO 8601 timestamp'),
    customer_email: z.string(),
    company_name: z.string(),
    project_id: z.number().int().nullable(),
    project_name: z.string(),
    claim_count: z.number().int(),
    claim_polygons: claimPolygonsSchema,
    claimant_info: claimantInfoSchema.nullable().describe('Always null for claim_purchase orders.'),
    claim_package_id: z.number().int().nullable(),
    staking_service: z.boolean(),
    expedited_delivery: z.boolean(),
    // Not in the pending-orders contract's list. Declared (optional) so a server that sends it passes the strict schema
    // and ClaimDesk's normaliser counts it as known; without it the payment state falls back to the status.
    payment_status: z.string().nullable().optional().describe('The order\'s payment state when the server tracks one (e.g. "paid", "awaiting_payment", "refunded"); absent otherwise.'),    // Our desk-assignment extension (shared/api/assignment.schemas.ts): only a server with the assignment endpoints sends them.
    assigned_to: assignedToSchema.nullable().optional().describe('Who works the order now; absent or null when nobody does.'),
    assignment_expired: assignmentExpiredSchema.nullable().optional().describe('The last claim, when the server ended it for inactivity.'),
  })
  .strict()
  .meta({ id: 'PendingOrder' });
export type PendingOrder = z.infer<typeof pendingOrderSchema>;

export const PENDING_ORDER_FIELDS = Object.keys(pendingOrderSchema.shape) as (keyof PendingOrder)[];

export const pendingOrdersResponseSchema = z
  .object({ orders: z.array(pendingOrderSchema), count: z.number().int() })
  .meta({ id: 'PendingOrdersResponse' });
export type PendingOrdersResponse = z.infer<typeof pendingOrdersResponseSchema>;

// --- Document upload, packages and order status ---------------------------------------------------------

/**
 * Document types an upload may carry: each file part's field name is its type. The client's document kinds
 * with `_` for `-`, plus the manifest and `other`.
 */
export const UPLOAD_DOCUMENT_TYPES = [
  'location_notices',
  'corner_cards',
  'claim_map',
  'field_map',
  'fees_sheet',
  'gpx',
  'kml',
  'csv',
  'manifest',
  'other',
] as const;
export const uploadDocumentTypeSchema = z.enum(UPLOAD_DOCUMENT_TYPES).meta({ id: 'UploadDocumentType' });
export type UploadDocumentType = z.infer<typeof uploadDocumentTypeSchema>;

/** Stripe / IETF draft semantics: the same key replays the stored answer, never the work. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Sent on a replayed answer. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

export const uploadClaimSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()).min(1) }),
    acreage: z.number().positive().finite(),
  })
  .meta({ id: 'UploadClaim', description: 'One claim as staked: its name (LandHoldings are matched by it), WGS84 geometry and acreage.' });
export type UploadClaim = z.infer<typeof uploadClaimSchema>;

/** The text fields of the upload, after the server has read multipart strings as numbers, booleans and JSON. */
export const claimDocumentsUploadFieldsSchema = z
  .object({
    order_id: z.number().int().positive(),
    order_type: orderTypeSchema,
    project_id: z.number().int().positive(),
    save_to_project: z.literal(true),
    claim_package_id: z.number().int().positive().optional().describe('The package an earlier upload returned; send it with every later upload.'),
    claims: z.array(uploadClaimSchema).min(1).max(5000).describe('JSON: a part of type application/json, or a text part holding the JSON.'),
  })
  .strict();
export type ClaimDocumentsUploadFields = z.infer<typeof claimDocumentsUploadFieldsSchema>;

/** The whole multipart form as documented: the fields plus one or more file parts named by document type. */
export const claimDocumentsUploadFormSchema = claimDocumentsUploadFieldsSchema
  .extend(Object.fromEntries(UPLOAD_DOCUMENT_TYPES.map((t) => [t, z.array(z.file()).optional()])) as Record<UploadDocumentType, z.ZodOptional<z.ZodArray<z.ZodFile>>>)
  .meta({
    id: 'ClaimDocumentsUploadForm',
    description: 'multipart/form-data. Every file part is named by its document type (at least one file; a type may repeat).',
  });

export const uploadedDocumentSchema = z
  .object({
    filename: z.string(),
    document_type: uploadDocumentTypeSchema,
    document_id: z.number().int(),
    size: z.number().int().nonnegative(),
    sha256: z.string(),
    version: z.number().int().positive().describe('1 for the first file of this name in the package, then 2, 3, … when the content changes.'),
  })
  .meta({ id: 'UploadedDocument' });

export const claimPackageRefSchema = z
  .object({ id: z.number().int(), package_number: z.string(), status: z.string() })
  .meta({ id: 'ClaimPackageRef' });

export const orderStatusRefSchema = z
  .object({ order_type: orderTypeSchema, id: z.number().int(), status: z.string() })
  .meta({ id: 'OrderStatusRef' });

export const claimDocumentsUploadResponseSchema = z
  .object({ documents: z.array(uploadedDocumentSchema), package: claimPackageRefSchema, order: orderStatusRefSchema })
  .meta({ id: 'ClaimDocumentsUploadResponse' });
export type ClaimDocumentsUploadResponse = z.infer<typeof claimDocumentsUploadResponseSchema>;

export const ORDER_STATUS_TARGETS = ['in_progress', 'on_hold', 'cancelled'] as const;
export const orderStatusTargetSchema = z.enum(ORDER_STATUS_TARGETS);
export type OrderStatusTarget = z.infer<typeof orderStatusTargetSchema>;

export const orderStatusChangeRequestSchema = z
  .object({ status: orderStatusTargetSchema, reason: z.string().trim().max(1000).optional() })
  .strict()
  .meta({ id: 'OrderStatusChangeRequest' });
export type OrderStatusChangeRequest = z.infer<typeof orderStatusChangeRequestSchema>;

export const orderStatusChangeResponseSchema = z
  .object({
    order_type: orderTypeSchema,
    id: z.number().int(),
    order_number: z.string(),
    status: z.string(),
    previous_status: z.string(),
    changed: z.boolean().describe('false when the order already had this status (nothing was written).'),
    reason: z.string().nullable(),
    changed_at: z.string().describe('ISO 8601 timestamp'),
    changed_by: z.string(),
  })
  .meta({ id: 'OrderStatusChangeResponse' });
export type OrderStatusChangeResponse = z.infer<typeof orderStatusChangeResponseSchema>;

export const claimPackageSchema = z
  .object({
    id: z.number().int(),
    package_number: z.string(),
    name: z.string(),
    status: z.string(),
    source: z.string(),
    project_id: z.number().int().nullable(),
    order_type: orderTypeSchema.nullable(),
    order_id: z.number().int().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    documents: z.array(
      uploadedDocumentSchema.extend({
        content_type: z.string(),
        uploaded_at: z.string(),
        linked_to_order: z.boolean().describe('claim_order documents are also linked to the order itself.'),
      }),
    ),
    land_holdings: z.array(z.object({ id: z.number().int(), name: z.string(), project_id: z.number().int(), acreage: z.number() })),
  })
  .meta({ id: 'ClaimPackage' });
export type ClaimPackage = z.infer<typeof claimPackageSchema>;

/** Machine-readable reasons a request was refused; the client decides per code whether a retry can help. */
export const API_ERROR_CODES = [
  'order_cancelled',
  'order_completed',
  'order_on_hold',
  'order_not_open',
  'package_mismatch',
  'idempotency_key_missing',
  'idempotency_key_invalid',
  'idempotency_key_reused',
] as const;
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const codedErrorBodySchema = z
  .object({
    detail: z.string(),
    code: apiErrorCodeSchema,
    order_status: z.string().nullable().optional(),
    claim_package_id: z.number().int().nullable().optional().describe('With order_completed and package_mismatch: the order\'s own package (null: none yet).'),
  })
  .meta({ id: 'CodedError', description: 'A refusal with a human message (detail) and a stable code; 409s carry the order\'s status.' });
export type CodedErrorBody = z.infer<typeof codedErrorBodySchema>;

export const API_PATHS = {
  tokenAuth: '/api-token-auth/',
  /** The signed-in user (role included): read after sign-in and again at start and after each sync. */
  me: '/api/v2/me/',
  pendingOrders: '/api/v2/claims/staff/pending-orders/',
  claimDocuments: '/api/v2/claims/documents/',
  /** Templates in OpenAPI form; fill them with the helpers below. */
  orderStatus: '/api/v2/claims/staff/orders/{order_type}/{id}/status/',
  claimPackage: '/api/v2/claims/packages/{id}/',
  orderEvents: '/api/v2/claims/staff/orders/{order_type}/{id}/events/',
} as const;

export function orderStatusPath(orderType: OrderType, id: number): string {
  return API_PATHS.orderStatus.replace('{order_type}', orderType).replace('{id}', String(id));
}

export function claimPackagePath(id: number): string {
  return API_PATHS.claimPackage.replace('{id}', String(id));
}

export function orderEventsPath(orderType: OrderType, id: number): string {
  return API_PATHS.orderEvents.replace('{order_type}', orderType).replace('{id}', String(id));
}
