import { describe, expect, it } from 'vitest';
import { classifySend, OUTBOX_BACKOFF } from '../../shared/outbox/classify-send';

const half = () => 0.5;
const http = (status: number, serverMessage: string | null = null, retryAfterMs: number | null = null) =>
  ({ kind: 'http', status, serverMessage, retryAfterMs }) as const;

describe('classifySend', () => {
  it('treats any 2xx as delivered', () => {
    expect(classifySend({ kind: 'ok', status: 200 }, 1, half)).toEqual({ state: 'done' });
    expect(classifySend({ kind: 'ok', status: 201 }, 3, half)).toEqual({ state: 'done' });
  });

  it('retries network errors, timeouts, 408, 429 and 5xx with capped backoff, honouring Retry-After', () => {
    for (const result of [{ kind: 'network', message: 'ECONNREFUSED' } as const, { kind: 'timeout' } as const, http(408), http(429), http(500), http(502), http(503)]) {
      const outcome = classifySend(result, 1, half);
      expect(outcome.state, JSON.stringify(result)).toBe('retry');
    }
    const first = classifySend(http(503), 1, half);
    const fifth = classifySend(http(503), 5, half);
    const late = classifySend(http(503), 40, half);
    expect(first).toMatchObject({ state: 'retry', delayMs: 1_500 });
    expect(fifth).toMatchObject({ delayMs: 24_000 });
    expect(late).toMatchObject({ delayMs: OUTBOX_BACKOFF.capMs * 0.75 });
    expect(classifySend(http(503, 'maintenance', 7_000), 5, half)).toMatchObject({ state: 'retry', delayMs: 7_000, message: expect.stringContaining('maintenance') });
  });

  it('pauses the queue on 401 and sends 409 or a no-longer-pending order to review', () => {
    expect(classifySend(http(401), 1, half)).toMatchObject({ state: 'paused-auth' });
    expect(classifySend(http(409, 'Order CO-2 is cancelled'), 1, half)).toMatchObject({ state: 'needs-review', message: expect.stringContaining('cancelled') });
    expect(classifySend(http(400, 'Order is no longer pending'), 1, half)).toMatchObject({ state: 'needs-review' });
  });

  it('fails other 4xx and unreadable answers, keeping the server message', () => {
    expect(classifySend(http(400, 'claims: not valid JSON'), 1, half)).toEqual({ state: 'failed', message: 'The server refused it (HTTP 400): claims: not valid JSON.' });
    expect(classifySend(http(403), 1, half)).toMatchObject({ state: 'failed' });
    expect(classifySend(http(503, 'Service temporarily unavailable, try again later.'), 1, half)).toMatchObject({
      message: 'The server answered HTTP 503: Service temporarily unavailable, try again later.',
    });
    expect(classifySend(http(422, 'Idempotency-Key reused with a different request'), 2, half)).toMatchObject({ state: 'failed' });
    expect(classifySend({ kind: 'bad-response', message: 'no package id' }, 1, half)).toMatchObject({ state: 'failed' });
    expect(classifySend({ kind: 'ok', status: 304 }, 1, half)).toMatchObject({ state: 'failed' });
  });
});
