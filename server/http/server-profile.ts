/**
 * What the reference server answers, by profile. `reference` is this server as documented in docs/openapi.json:
 * full answers, ETags, Idempotency-Key replay and coded 409s. `seed000` plays a GeoDB server that gives only what
 * the order-fulfilment contract describes, so the client is tested against the contract rather than against
 * our own server's extras:
 *
 *   sign-in          {token}: Django REST's obtain_auth_token, nothing about the user
 *   /me              {username, is_staff, role}: the contract has no /me; these are the facts ClaimDesk reads
 *                    (the role is what lets a manager's override through), and nothing else
 *   pending orders   {orders, count}, each order with the contract's fields only; no ETag, so no 304
 *   documents        200 {documents: [{filename, document_type, document_id, url}], package: {id, package_number,
 *                    name}}: what the view returns from _create_claim_package; no order, no sizes or checksums.
 *                    No Idempotency-Key: a resend simply adds to the order's existing package (the contract's
 *                    "add to existing package"), also for an order the first upload already completed
 *   status, events   not in the contract: any success is 204 No Content
 *   assignment       not in the contract: no claim, release or take-over endpoints (404), no assigned_to in the list
 *   refusals         {detail} only, as Django REST words them: no `code`, no order status
 * Both profiles share the store and the fulfilment rules; only the answers and the replay semantics differ.
 */
import type { ApiUser, ClaimDocumentsUploadResponse } from '../../shared/api/geodb.schemas';
import { PENDING_ORDER_FIELDS } from '../../shared/api/geodb.schemas';

export const SERVER_PROFILES = ['reference', 'seed000'] as const;
export type ServerProfileName = (typeof SERVER_PROFILES)[number];

export interface Answer {
  statusCode: number;
  body: unknown;
}

export interface ServerProfile {
  name: ServerProfileName;
  /** Honour Idempotency-Key (required on uploads and events, replayed answers, 422 on reuse). */
  idempotency: boolean;
  /** Send and check ETags on the pending-orders list. */
  etags: boolean;
  /** Desk assignment (claim, release, take-over; assigned_to in the list): our extension, absent from the contract. */
  assignments: boolean;
  /** A completed order takes another upload without its claim_package_id (added to its package). */
  uploadsReuseOrderPackage: boolean;
  signIn(token: string, user: ApiUser): unknown;
  me(user: ApiUser): unknown;
  /** One listed order's JSON text, as stored (a raw test order may be anything). */
  pendingOrder(docText: string): string;
  upload(body: ClaimDocumentsUploadResponse): Answer;
  statusChange(body: unknown): Answer;
  event(body: unknown): Answer;
  /** The body of a refusal. */
  error(body: Record<string, unknown>): Record<string, unknown>;
}

const REFERENCE: ServerProfile = {
  name: 'reference',
  idempotency: true,
  etags: true,
  assignments: true,
  uploadsReuseOrderPackage: false,
  signIn: (token, user) => ({ token, user }),
  me: (user) => user,
  pendingOrder: (docText) => docText,
  upload: (body) => ({ statusCode: 201, body }),
  statusChange: (body) => ({ statusCode: 200, body }),
  event: (body) => ({ statusCode: 201, body }),
  error: (body) => body,
};

/** The fields the GeoDB contract's staff_pending_orders() view lists, in its order (no payment_status, no desk assignment). */
const NOT_IN_CONTRACT: ReadonlySet<string> = new Set(['payment_status', 'assigned_to', 'assignment_expired']);
const SEED_000_FIELDS: readonly string[] = PENDING_ORDER_FIELDS.filter((field) => !NOT_IN_CONTRACT.has(field));

function contractFieldsOnly(docText: string): string {
  const doc: unknown = JSON.parse(docText);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return docText;
  const record = doc as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const field of SEED_000_FIELDS) if (field in record) kept[field] = record[field];
  return JSON.stringify(kept);
}

const SEED_000: ServerProfile = {
  name: 'seed000',
  idempotency: false,
  etags: false,
  assignments: false,
  uploadsReuseOrderPackage: true,
  signIn: (token) => ({ token }),
  me: (user) => ({ username: user.username, is_staff: user.is_staff, role: user.role }),
  pendingOrder: contractFieldsOnly,
  upload: (body) => ({
    statusCode: 200,
    body: {
      documents: body.documents.map((doc) => ({
        filename: doc.filename,
        document_type: doc.document_type,
        document_id: doc.document_id,
        url: `/api/v2/documents/${doc.document_id}/download/`,
      })),
      package: { id: body.package.id, package_number: body.package.package_number },
    },
  }),
  statusChange: () => ({ statusCode: 204, body: undefined }),
  event: () => ({ statusCode: 204, body: undefined }),
  error: (body) => (typeof body['detail'] === 'string' ? { detail: body['detail'] } : body),
};

export function serverProfile(name: ServerProfileName = 'reference'): ServerProfile {
  return name === 'seed000' ? SEED_000 : REFERENCE;
}
