/**
 * Idempotency-Key handling (Stripe / IETF draft semantics). The key lookup, the work and the stored answer
 * share one SQLite transaction, and transactions on the store's single connection run one at a time, so two
 * concurrent requests with the same key cannot both do the work: the second one finds the first's answer.
 * Only successes are remembered. A refused request (4xx) changed nothing, so its retry is judged afresh. Keys are
 * scoped by the signed-in user, so no account can replay, or collide with, another account's requests.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, type ApiErrorCode } from '../../shared/api/geodb.schemas';
import type { ServerDatabase } from '../store/db.types';
import { findIdempotencyKey, storeIdempotencyKey } from '../store/idempotency.repo';
import type { ReferenceStore } from '../store/reference-store';
import { HttpError } from './http-errors';

/** Visible ASCII, as the draft's sf-string allows; UUIDs fit easily. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentResult {
  statusCode: number;
  body: unknown;
  replayed: boolean;
}

export interface IdempotencyScope {
  key: string | undefined;
  fingerprint: string;
  method: string;
  path: string;
  userId: number;
}

function coded(status: number, code: ApiErrorCode, detail: string): HttpError {
  return new HttpError(status, { detail, code });
}

export function readIdempotencyKey(request: FastifyRequest, required: boolean): string | undefined {
  const raw = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  if (value === undefined || value.trim() === '') {
    if (!required) return undefined;
    throw coded(400, 'idempotency_key_missing', `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new random value, e.g. a UUID, per upload) so a retried request is never applied twice.`);
  }
  // The draft sends the key as a structured-field string ("…"); a bare token is accepted as well.
  const key = value.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY_PATTERN.test(key)) {
    throw coded(400, 'idempotency_key_invalid', `${IDEMPOTENCY_KEY_HEADER} must be 1-255 visible ASCII characters without spaces.`);
  }
  return key;
}

/** Keys sorted at every level, so the same content always hashes the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** SHA-256 of method, path (query dropped) and the request's content. */
export function requestFingerprint(method: string, path: string, content: unknown): string {
  const text = JSON.stringify(canonical({ method: method.toUpperCase(), path, content }));
  return createHash('sha256').update(text).digest('hex');
}

export function requestPath(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

export async function runIdempotent(
  store: ReferenceStore,
  scope: IdempotencyScope,
  work: (trx: Kysely<ServerDatabase>) => Promise<{ statusCode: number; body: unknown }>,
): Promise<IdempotentResult> {
  return store.transaction(async (trx) => {
    if (scope.key !== undefined) {
      // The sender's own keys only: another user's request with the same key is a different request.
      const stored = await findIdempotencyKey(trx, scope.userId, scope.key);
      if (stored !== undefined) {
        if (stored.fingerprint !== scope.fingerprint) {
          throw coded(
            422,
            'idempotency_key_reused',
            `${IDEMPOTENCY_KEY_HEADER} ${scope.key} was already used for a different request (${stored.method} ${stored.path}); use a new key for new content.`,
          );
        }
        return { statusCode: stored.status_code, body: JSON.parse(stored.response) as unknown, replayed: true };
      }
    }
    const result = await work(trx);
    if (scope.key !== undefined) {
      await storeIdempotencyKey(trx, {
        key: scope.key,
        fingerprint: scope.fingerprint,
        method: scope.method,
        path: scope.path,
        status_code: result.statusCode,
        response: JSON.stringify(result.body),
        user_id: scope.userId,
        created_at: new Date().toISOString(),
      });
    }
    return { ...result, replayed: false };
  });
}

export function sendIdempotent(reply: FastifyReply, result: IdempotentResult): FastifyReply {
  if (result.replayed) reply.header(IDEMPOTENT_REPLAYED_HEADER.toLowerCase(), 'true');
  return reply.code(result.statusCode).send(result.body);
}
