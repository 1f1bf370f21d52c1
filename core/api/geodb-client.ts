/**
 * The HTTP client for the GeoDB API (axios). It turns every failure into a RequestFailure for the one pure
 * classifier in shared/sync, and never logs the token.
 */
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { z } from 'zod';
import { API_PATHS, claimDocumentsUploadResponseSchema, IDEMPOTENCY_KEY_HEADER, orderEventsPath, orderStatusChangeResponseSchema, orderStatusPath, userRoleSchema, type ClaimDocumentsUploadFields, type ClaimDocumentsUploadResponse, type OrderStatusChangeRequest, type OrderStatusChangeResponse, type OrderType, type UploadDocumentType, type UserRole } from '../../shared/api/geodb.schemas';
import { orderEventResponseSchema, type OrderEventRequest, type OrderEventResponse } from '../../shared/api/order-events.schemas';
import { parseRetryAfter } from '../../shared/sync/retry-policy';
import type { RequestFailure } from '../../shared/sync/classify-failure';
import { sameServer } from '../../shared/domain/server-url';
import { AppError } from '../../shared/errors';

export class RequestError extends Error {
  readonly failure: RequestFailure;

  constructor(failure: RequestFailure) {
    super(describeFailure(failure));
    this.name = 'RequestError';
    this.failure = failure;
  }
}

function describeFailure(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'network':
    case 'bad-response':
      return failure.message;
    case 'timeout':
      return 'timed out';
    case 'http':
      return `HTTP ${failure.status}${failure.serverMessage ? `: ${failure.serverMessage}` : ''}`;
  }
}

export interface SignedInUser {
  username: string;
  displayName: string;
  isStaff: boolean;
  role: UserRole;
}

export type PendingOrdersAnswer =
  | { notModified: true }
  | { notModified: false; etag: string | null; body: unknown };

export interface UploadFile {
  type: UploadDocumentType;
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** A token together with the server that issued it: the only form in which a token reaches this client. */
export interface Credential {
  serverUrl: string;
  token: string;
}

export interface GeoDbClient {
  readonly baseUrl: string;
  /** POST the package (multipart); the key makes a retried request answer the first one's result. */
  uploadDocuments(auth: Credential, fields: ClaimDocumentsUploadFields, files: UploadFile[], idempotencyKey: string): Promise<ClaimDocumentsUploadResponse>;
  setOrderStatus(
    auth: Credential,
    order: { orderType: OrderType; id: number },
    change: OrderStatusChangeRequest,
    idempotencyKey: string,
  ): Promise<OrderStatusChangeResponse>;
  /** POST a workflow override as a domain event (manager or admin only); the key makes a resend record it once. */
  postOrderEvent(
    auth: Credential,
    order: { orderType: OrderType; id: number },
    body: OrderEventRequest,
    idempotencyKey: string,
  ): Promise<OrderEventResponse>;
  signIn(username: string, password: string): Promise<{ token: string; user: SignedInUser }>;
  /** GET /api/v2/me/: who the token belongs to now (a role changed on the server shows up here). */
  getMe(auth: Credential): Promise<SignedInUser>;
  getPendingOrders(
    auth: Credential,
    options: { etag: string | null; onDownloadProgress?: (loaded: number, total: number) => void },
  ): Promise<PendingOrdersAnswer>;
}

// The real server's user object is not pinned down by the contract, so read it tolerantly.
const apiUserAnswerSchema = z.object({
  username: z.string().optional(),
  email: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  is_staff: z.boolean().optional(),
  role: z.string().optional(),
});
const signInAnswerSchema = z.object({ token: z.string().min(1), user: apiUserAnswerSchema.optional() });

/** A user without a recognised role is staff if the server says is_staff, else a customer: never more than that. */
function toSignedInUser(user: z.infer<typeof apiUserAnswerSchema>, fallbackUsername: string): SignedInUser {
  const isStaff = user.is_staff ?? false;
  const role = userRoleSchema.safeParse(user.role);
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    username: user.username ?? fallbackUsername,
    displayName: name || user.username || fallbackUsername,
    isStaff,
    role: role.success ? role.data : isStaff ? 'staff' : 'customer',
  };
}

export function createGeoDbClient(options: { baseUrl: string; timeoutMs?: number; uploadTimeoutMs?: number; now?: () => Date }): GeoDbClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    timeout: options.timeoutMs ?? 30_000,
    // Every status is handled here, so axios must not throw on 4xx/5xx.
    validateStatus: () => true,
    responseType: 'json',
    maxRedirects: 0,
  });

  async function send<T>(request: () => Promise<AxiosResponse<T>>): Promise<AxiosResponse<T>> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof AppError) throw error; // refused before sending (authorization)
      throw new RequestError(toTransportFailure(error));
    }
  }

  /**
   * Checked on every request, not only at sign-in: a token goes to the server that issued it and nowhere else,
   * whatever a caller combined it with.
   */
  function authorization(auth: Credential): string {
    if (!sameServer(auth.serverUrl, baseUrl)) {
      throw new AppError('auth-required', `ClaimDesk refused to send the sign-in token of ${auth.serverUrl} to ${baseUrl}. Sign in to ${baseUrl} to use it.`);
    }
    return `Token ${auth.token}`;
  }

  function httpFailure(response: AxiosResponse<unknown>): RequestError {
    return new RequestError({
      kind: 'http',
      status: response.status,
      serverMessage: serverMessage(response.data),
      retryAfterMs: parseRetryAfter(headerValue(response.headers['retry-after']), now()),
    });
  }

  return {
    baseUrl,
    async signIn(username, password) {
      const response = await send(() => http.post<unknown>(API_PATHS.tokenAuth, { username, password }));
      if (response.status !== 200) throw httpFailure(response);
      const parsed = signInAnswerSchema.safeParse(response.data);
      if (!parsed.success) throw new RequestError({ kind: 'bad-response', message: 'the sign-in answer has no token' });
      return { token: parsed.data.token, user: toSignedInUser(parsed.data.user ?? {}, username) };
    },
    async getMe(auth) {
      const response = await send(() => http.get<unknown>(API_PATHS.me, { headers: { Authorization: authorization(auth) } }));
      if (response.status !== 200) throw httpFailure(response);
      const parsed = apiUserAnswerSchema.safeParse(response.data);
      if (!parsed.success || !parsed.data.username) throw new RequestError({ kind: 'bad-response', message: 'the /me answer has no user' });
      return toSignedInUser(parsed.data, parsed.data.username);
    },
    async uploadDocuments(auth, fields, files, idempotencyKey) {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
      }
      for (const file of files) form.append(file.type, new Blob([file.bytes], { type: file.mediaType }), file.name);
      const response = await send(() =>
        http.post<unknown>(API_PATHS.claimDocuments, form, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
          // A package with maps can take a while on a field connection; the key makes a resend harmless.
          timeout: options.uploadTimeoutMs ?? 120_000,
          maxBodyLength: Infinity,
        }),
      );
      if (response.status < 200 || response.status >= 300) throw httpFailure(response);
      const parsed = claimDocumentsUploadResponseSchema.safeParse(response.data);
      if (!parsed.success) throw new RequestError({ kind: 'bad-response', message: 'the upload answer has no package and documents' });
      return parsed.data;
    },
    async setOrderStatus(auth, order, change, idempotencyKey) {
      const response = await send(() =>
        http.patch<unknown>(orderStatusPath(order.orderType, order.id), change, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        }),
      );
      if (response.status < 200 || response.status >= 300) throw httpFailure(response);
      const parsed = orderStatusChangeResponseSchema.safeParse(response.data);
      if (!parsed.success) throw new RequestError({ kind: 'bad-response', message: 'the status answer is not an order status' });
      return parsed.data;
    },
    async postOrderEvent(auth, order, body, idempotencyKey) {
      const response = await send(() =>
        http.post<unknown>(orderEventsPath(order.orderType, order.id), body, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        }),
      );
      if (response.status < 200 || response.status >= 300) throw httpFailure(response);
      const parsed = orderEventResponseSchema.safeParse(response.data);
      if (!parsed.success) throw new RequestError({ kind: 'bad-response', message: 'the event answer is not an order event' });
      return parsed.data;
    },
    async getPendingOrders(auth, { etag, onDownloadProgress }) {
      const response = await send(() =>
        http.get<unknown>(API_PATHS.pendingOrders, {
          headers: { Authorization: authorization(auth), ...(etag ? { 'If-None-Match': etag } : {}) },
          onDownloadProgress: onDownloadProgress
            ? (event) => onDownloadProgress(event.loaded, event.total ?? 0)
            : undefined,
        }),
      );
      if (response.status === 304) return { notModified: true };
      if (response.status !== 200) throw httpFailure(response);
      if (typeof response.data !== 'object' || response.data === null) {
        throw new RequestError({ kind: 'bad-response', message: 'the pending-orders answer is not a JSON object' });
      }
      return { notModified: false, etag: headerValue(response.headers.etag), body: response.data };
    },
  };
}

function toTransportFailure(error: unknown): RequestFailure {
  if (error instanceof AxiosError) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return { kind: 'timeout' };
    if (error.message.includes('JSON')) return { kind: 'bad-response', message: error.message };
    return { kind: 'network', message: error.code ?? error.message };
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}

function headerValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** DRF answers {"detail": …}, {"error": …} or {"non_field_errors": [...]}; show whichever is there. */
function serverMessage(data: unknown): string | null {
  if (typeof data === 'string') return data.trim().slice(0, 300) || null;
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  for (const key of ['error', 'detail', 'message']) {
    if (typeof record[key] === 'string') return record[key];
  }
  const nonField = record.non_field_errors;
  if (Array.isArray(nonField) && typeof nonField[0] === 'string') return nonField[0];
  return null;
}
