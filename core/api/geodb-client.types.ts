/** What the GeoDB client offers its callers (sync, outbox, session, crews) and the shapes of its answers. */
import type { ClaimDocumentsUploadFields, OrderStatusChangeRequest, OrderType, UploadDocumentType, UserRole } from '../../shared/api/geodb.schemas';
import type { AnyOrderEventRequest } from '../../shared/api/order-events.schemas';
import type { AssignmentAction } from '../../shared/api/assignment.schemas';
import type { OrderHolder } from '../../shared/assignment/read-assignment';
import type { UploadReceipt } from '../../shared/api/answer-readers';
import type { EntrySink } from './pending-orders-download';

export type AssignmentAnswer =
  | { kind: 'ok'; holder: OrderHolder | null; body: unknown }
  | { kind: 'held'; holder: OrderHolder | null; message: string; body: unknown }
  | { kind: 'unsupported'; status: number; body: unknown };

export interface SignedInUser {
  username: string;
  displayName: string;
  isStaff: boolean;
  role: UserRole;
}

/** The list unchanged (304), or read to its end: every entry went to the caller's sink as it arrived. */
export type PendingOrdersAnswer =
  | { notModified: true }
  | { notModified: false; etag: string | null; listed: boolean; entries: number };

/** How much of a pending-orders download ClaimDesk will take: bytes (decompressed) and wall-clock time. */
export interface DownloadLimits {
  maxBytes: number;
  deadlineMs: number;
}

export interface UploadFile {
  type: UploadDocumentType;
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A delivered upload: the package facts ClaimDesk keeps, and the answer as received (for support). */
export interface UploadAnswer {
  receipt: UploadReceipt;
  body: unknown;
}

/** A token together with the server that issued it: the only form in which a token reaches this client. */
export interface Credential {
  serverUrl: string;
  token: string;
}

/** A usable sign-in: the token with the server it was issued by and the account it belongs to. */
export interface SessionAuth extends Credential {
  username: string;
}

export interface GeoDbClient {
  readonly baseUrl: string;
  /**
   * POST the package (multipart); the key makes a retried request answer the first one's result. With `ready`, the
   * body is encoded first and the request leaves only once `ready` resolves (its rejection is thrown as is).
   */
  uploadDocuments(auth: Credential, fields: ClaimDocumentsUploadFields, files: UploadFile[], idempotencyKey: string, options?: { ready?: Promise<void> }): Promise<UploadAnswer>;
  /** Any 2xx is the change delivered: ClaimDesk needs nothing from the body, which is returned as received. */
  setOrderStatus(
    auth: Credential,
    order: { orderType: OrderType; id: number },
    change: OrderStatusChangeRequest,
    idempotencyKey: string,
  ): Promise<unknown>;
  /**
   * POST an order event: a workflow override (manager or admin only), or a county recording or BLM filing entered
   * after delivery; the key makes a resend record it once. Any 2xx is the event recorded; the body is returned as received.
   */
  postOrderEvent(
    auth: Credential,
    order: { orderType: OrderType; id: number },
    body: AnyOrderEventRequest,
    idempotencyKey: string,
  ): Promise<unknown>;
  /**
   * POST a desk-assignment request (our extension of the contract). A holder refusing it (409 assignment_held) and a
   * server without the endpoint (404 without our code, 405, 501) are answers, not failures; anything else throws.
   */
  postAssignment(
    auth: Credential,
    action: AssignmentAction,
    order: { orderType: OrderType; id: number },
    body: Record<string, unknown>,
    idempotencyKey: string,
  ): Promise<AssignmentAnswer>;
  /**
   * A JSON request to one of our extensions of the contract (field crews): the body of a 2xx answer as received,
   * every other answer a RequestError (a server without the extension answers 404). The key, when given, is sent as
   * Idempotency-Key so a resend is applied once.
   */
  requestJson(auth: Credential, request: { method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; idempotencyKey?: string }): Promise<unknown>;
  /** Signs in; when the answer does not say who the user is (a bare token), asks /me. */
  signIn(username: string, password: string): Promise<{ token: string; user: SignedInUser }>;
  /** GET /api/v2/me/: who the token belongs to now (a role changed on the server shows up here). */
  getMe(auth: Credential, knownUsername?: string): Promise<SignedInUser>;
  /**
   * GET the pending orders, streamed: each entry of the list goes to `onEntry` as its bytes arrive (the whole
   * answer is never held). A failure after some entries were handed over (a network error, the cap, the deadline)
   * still rejects: the caller starts over on a retry (`onAnswer` tells it a new answer begins).
   */
  getPendingOrders(
    auth: Credential,
    options: {
      etag: string | null;
      onAnswer?: () => Promise<void> | void;
      onEntry: EntrySink['onEntry'];
      onDownloadProgress?: (loaded: number, total: number) => void;
      /** Beyond either the download is abandoned: a hostile or broken server cannot exhaust memory or time (default: the sync settings' defaults). */
      limits?: DownloadLimits;
      /** Aborts the download (the app is closing). */
      signal?: AbortSignal;
    },
  ): Promise<PendingOrdersAnswer>;
}
