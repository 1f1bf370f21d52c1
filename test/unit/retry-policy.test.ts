import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../shared/sync/retry-policy';
import { classifyFailure } from '../../shared/sync/classify-failure';

describe('backoff', () => {
  const policy = { baseMs: 1000, capMs: 8000 };

  it('doubles per attempt, jitters within [ceiling/2, ceiling], and never exceeds the cap', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
    expect(backoffDelay(30, policy, () => 0.999999)).toBe(8000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('classifyFailure', () => {
  const http = (status: number, retryAfterMs: number | null = null) =>
    classifyFailure({ kind: 'http', status, serverMessage: 'said so', retryAfterMs }, 'geodb.example');

  it('retries network errors, timeouts, 408, 429 and 5xx', () => {
    expect(classifyFailure({ kind: 'network', message: 'ECONNREFUSED' }, 'h')).toMatchObject({ action: 'retry', code: 'offline' });
    expect(classifyFailure({ kind: 'timeout' }, 'h')).toMatchObject({ action: 'retry', code: 'offline' });
    expect(http(408)).toMatchObject({ action: 'retry', code: 'server-error' });
    expect(http(429, 5000)).toMatchObject({ action: 'retry', code: 'rate-limited', retryAfterMs: 5000 });
    expect(http(502)).toMatchObject({ action: 'retry', code: 'server-error' });
  });

  it('stops on 401, 403 and other 4xx with the server message', () => {
    expect(http(401)).toMatchObject({ action: 'stop', code: 'auth-required' });
    expect(http(403)).toMatchObject({ action: 'stop', code: 'staff-required' });
    const other = http(404);
    expect(other).toMatchObject({ action: 'stop', code: 'bad-response' });
    expect(other.message).toContain('said so');
  });
});
