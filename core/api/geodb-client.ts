/**
 * The HTTP client for the GeoDB API (axios). It turns every failure into a RequestFailure for the one pure
 * classifier in shared/sync, and never logs the token.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { API_PATHS, IDEMPOTENCY_KEY_HEADER, orderEventsPath, orderStatusPath, userRoleSchema } from '../../shared/api/geodb.schemas';
import { ASSIGNMENT_HELD_CODE, assignmentPath } from '../../shared/api/assignment.schemas';
import { readHolder } from '../../shared/assignment/read-assignment';
import { readSignIn, readUploadReceipt, readUserFacts, type UserFacts } from '../../shared/api/answer-readers';
import { parseRetryAfter } from '../../shared/sync/retry-policy';
import { DEFAULT_SYNC_LIMITS, downloadLimitsOf } from '../../shared/sync/sync-limits';
import type { RequestFailure } from '../../shared/sync/classify-failure';
import { sameServer } from '../../shared/domain/server-url';
import { AppError } from '../../shared/errors';
import type { Readable } from 'node:stream';
import { BodyFailure, readPendingOrdersBody, readSmallBody } from './pending-orders-download';
import { SplitError } from './pending-orders-splitter';
import { headerValue, serverMessage, toTransportFailure } from './http-answers';
import { encodeMultipart } from './multipart-body';
import { RequestError } from './request-error';
import type { Credential, GeoDbClient, SignedInUser } from './geodb-client.types';

// The client's callers import its error and types from here, with the client.
export { RequestError } from './request-error';
export type * from './geodb-client.types';

/** Answers ClaimDesk reads whole (sign-in, /me, upload receipts) are small; anything bigger is not one of them. */
const SMALL_ANSWER_BYTES = 10 * 1024 * 1024;

/**
 * The user behind a token, from whatever the server said about them. An explicit is_staff or role decides.
 * When the server says nothing (Django REST's token view answers only {token}, and a server may have no /me),
 * the account is taken as staff: ClaimDesk is a staff tool, the server refuses a non-staff token on every staff
 * endpoint (the pending-orders list answers 403, which the app reports as "Staff access required"), and the plain
 * staff role unlocks no overrides.
 */
function toSignedInUser(facts: UserFacts | null, fallbackUsername: string): SignedInUser {
  const role = userRoleSchema.safeParse(facts?.role);
  const isStaff = facts?.isStaff ?? (role.success ? role.data !== 'customer' : true);
  const username = facts?.username ?? fallbackUsername;
  return {
    username,
    displayName: facts?.displayName ?? username,
    isStaff,
    role: role.success ? role.data : isStaff ? 'staff' : 'customer',
  };
}

export function createGeoDbClient(options: {
  baseUrl: string;
  timeoutMs?: number;
  uploadTimeoutMs?: number;
  now?: () => Date;
  /** Told whenever the server answered at all (any HTTP status): it is reachable, whatever it said. */
  onAnswered?: () => void;
}): GeoDbClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    timeout: options.timeoutMs ?? 30_000,
    // Every status is handled here, so axios must not throw on 4xx/5xx.
    validateStatus: () => true,
    responseType: 'json',
    maxRedirects: 0,
    maxContentLength: SMALL_ANSWER_BYTES,
  });

  async function send<T>(request: () => Promise<AxiosResponse<T>>, describeAbort?: () => RequestFailure | null): Promise<AxiosResponse<T>> {
    try {
      const response = await request();
      options.onAnswered?.();
      return response;
    } catch (error) {
      if (error instanceof AppError) throw error; // refused before sending (authorization)
      throw new RequestError((axios.isCancel(error) && describeAbort?.()) || toTransportFailure(error));
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

  const isSuccess = (response: AxiosResponse<unknown>): boolean => response.status >= 200 && response.status < 300;

  async function readMe(auth: Credential, knownUsername: string | undefined): Promise<SignedInUser> {
    const response = await send(() => http.get<unknown>(API_PATHS.me, { headers: { Authorization: authorization(auth) } }));
    if (response.status !== 200) throw httpFailure(response);
    const facts = readUserFacts(response.data);
    const username = facts?.username ?? knownUsername;
    if (!facts || !username) throw new RequestError({ kind: 'bad-response', message: 'the /me answer does not say who the user is' });
    return toSignedInUser(facts, username);
  }

  return {
    baseUrl,
    async signIn(username, password) {
      const response = await send(() => http.post<unknown>(API_PATHS.tokenAuth, { username, password }));
      if (response.status !== 200) throw httpFailure(response);
      const answer = readSignIn(response.data);
      if (!answer.ok) throw new RequestError({ kind: 'bad-response', message: `the sign-in answer lacks ${answer.missing}` });
      const facts = answer.value.user;
      if (facts?.isStaff == null && facts?.role == null) {
        // A bare token: /me says who it is, when the server has one; otherwise what the answer said stands.
        const me = await readMe({ serverUrl: baseUrl, token: answer.value.token }, facts?.username ?? username).catch(() => null);
        if (me) return { token: answer.value.token, user: me };
      }
      return { token: answer.value.token, user: toSignedInUser(facts, username) };
    },
    getMe: readMe,
    async uploadDocuments(auth, fields, files, idempotencyKey, { ready } = {}) {
      const { body, contentType } = encodeMultipart(
        Object.entries(fields).flatMap(([key, value]) => (value === undefined ? [] : [[key, typeof value === 'object' ? JSON.stringify(value) : String(value)] as [string, string]])),
        files.map((file) => ({ name: file.type, fileName: file.name, mediaType: file.mediaType, bytes: file.bytes })),
      );
      await ready;
      const response = await send(() =>
        http.post<unknown>(API_PATHS.claimDocuments, body, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey, 'Content-Type': contentType },
          // A package with maps can take a while on a field connection; the key makes a resend harmless.
          timeout: options.uploadTimeoutMs ?? 120_000,
          maxBodyLength: Infinity,
        }),
      );
      if (!isSuccess(response)) throw httpFailure(response);
      const receipt = readUploadReceipt(response.data);
      // The server applied the upload but its answer lacks what ClaimDesk must keep: a person decides what next.
      if (!receipt.ok) throw new RequestError({ kind: 'unusable-answer', status: response.status, message: `the upload answer lacks ${receipt.missing}` });
      return { receipt: receipt.value, body: response.data };
    },
    async setOrderStatus(auth, order, change, idempotencyKey) {
      const response = await send(() =>
        http.patch<unknown>(orderStatusPath(order.orderType, order.id), change, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        }),
      );
      if (!isSuccess(response)) throw httpFailure(response);
      return response.data;
    },
    async requestJson(auth, { method, path, body, idempotencyKey }) {
      const headers = { Authorization: authorization(auth), ...(idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey } : {}) };
      const response = await send(() => http.request<unknown>({ method, url: path, data: body, headers }));
      if (!isSuccess(response)) throw httpFailure(response);
      return response.data;
    },
    async postOrderEvent(auth, order, body, idempotencyKey) {
      const response = await send(() =>
        http.post<unknown>(orderEventsPath(order.orderType, order.id), body, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        }),
      );
      if (!isSuccess(response)) throw httpFailure(response);
      return response.data;
    },
    async postAssignment(auth, action, order, body, idempotencyKey) {
      const response = await send(() =>
        http.post<unknown>(assignmentPath(action, order.orderType, order.id), body, {
          headers: { Authorization: authorization(auth), [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        }),
      );
      const data = response.data as Record<string, unknown> | null;
      const code = typeof data === 'object' && data !== null ? data.code : undefined;
      if (isSuccess(response)) return { kind: 'ok', holder: readHolder(data?.assigned_to), body: response.data };
      if (response.status === 409 && code === ASSIGNMENT_HELD_CODE) {
        return { kind: 'held', holder: readHolder(data?.assigned_to), message: serverMessage(response.data) ?? 'Someone else works this order.', body: response.data };
      }
      // Our server says not_found for an order it does not have; any other 404 is a server without the endpoint.
      if ((response.status === 404 && code !== 'not_found') || response.status === 405 || response.status === 501) {
        return { kind: 'unsupported', status: response.status, body: response.data };
      }
      throw httpFailure(response);
    },
    async getPendingOrders(auth, { etag, onAnswer, onEntry, onDownloadProgress, limits = downloadLimitsOf(DEFAULT_SYNC_LIMITS), signal }) {
      // One controller ends the request for either reason; which one fired decides what the caller is told.
      const controller = new AbortController();
      let deadlineHit = false;
      const deadline = setTimeout(() => ((deadlineHit = true), controller.abort()), limits.deadlineMs);
      const onAbort = (): void => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) controller.abort();
      const stopped = (): RequestFailure => (deadlineHit ? { kind: 'deadline', ms: limits.deadlineMs } : { kind: 'aborted' });
      try {
        const response = await send(
          () =>
            http.get<Readable>(API_PATHS.pendingOrders, {
              headers: { Authorization: authorization(auth), ...(etag ? { 'If-None-Match': etag } : {}) },
              signal: controller.signal,
              responseType: 'stream',
              maxContentLength: limits.maxBytes,
            }),
          stopped,
        );
        if (response.status === 304) {
          // Read to its (empty) end rather than destroyed: a finished response that is destroyed unread never hands
          // its keep-alive socket back, and that socket kept `claimdesk sync` alive after an unchanged list.
          response.data.resume();
          return { notModified: true };
        }
        if (response.status !== 200) throw httpFailure({ ...response, data: await readSmallBody(response.data) });
        await onAnswer?.();
        const total = Number(headerValue(response.headers['content-length']) ?? 0) || 0;
        try {
          const read = await readPendingOrdersBody(response.data, total, { onEntry, onProgress: onDownloadProgress });
          return { notModified: false, etag: headerValue(response.headers.etag), ...read };
        } catch (error) {
          if (!(error instanceof BodyFailure)) throw error;
          if (controller.signal.aborted) throw new RequestError(stopped());
          if (error.reason instanceof SplitError) throw new RequestError({ kind: 'bad-response', message: error.reason.message });
          throw new RequestError(toTransportFailure(error.reason));
        }
      } finally {
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
