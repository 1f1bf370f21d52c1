/**
 * Backoff for talking to the server: capped exponential with full jitter, so many desks coming back online at
 * once do not hammer it in lock-step; a server's Retry-After always wins over our own guess.
 */
export interface BackoffPolicy {
  /** Delay before the first retry, in ms. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
  /** Attempts in total for one operation (first try included). */
  maxAttempts: number;
}

export const DEFAULT_SYNC_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000, maxAttempts: 4 };

/** attempt is 1 for the wait after the first failure. random() returns [0, 1). */
export function backoffDelay(attempt: number, policy: Pick<BackoffPolicy, 'baseMs' | 'capMs'>, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // Full jitter, but never below half the ceiling so a retry is not fired back immediately.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). Returns ms to wait, or null. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
