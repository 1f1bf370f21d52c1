/**
 * Scripted failures for client tests: the next `count` requests matching a method and path fail in the
 * requested way (status, 429/503 + Retry-After, a delay long enough to trip a timeout, or a dropped connection).
 *
 * By default the fault strikes before the route runs, so nothing is applied. With `afterApply` the route runs
 * and commits first, and only the answer is lost: dropped (destroySocket), held back (delayMs) or replaced by
 * an error (status). That is the case an Idempotency-Key exists for.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const TEST_HOOK_PREFIX = '/__test__/';

export const faultSpecSchema = z
  .object({
    method: z.string().min(1).optional(),
    /** Exact path (query ignored), or a prefix ending in `*`. */
    path: z.string().min(1),
    /** 4xx/5xx; a 2xx only with afterApply: the work is done, the answer replaced (by `body`). */
    status: z.number().int().min(200).max(599).optional(),
    count: z.number().int().min(1),
    retryAfterSeconds: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    destroySocket: z.boolean().optional(),
    /** Run the route (its work is committed), then fail the answer. */
    afterApply: z.boolean().optional(),
    /** Replaces the canned error body sent with `status`, e.g. a realistic 409. */
    body: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.delayMs !== undefined || f.destroySocket === true, {
    message: 'A fault needs status, delayMs or destroySocket.',
  })
  .refine((f) => f.body === undefined || f.status !== undefined, { message: 'body needs a status.' })
  .refine((f) => f.status === undefined || f.status >= 400 || f.afterApply === true, { message: 'A 2xx status needs afterApply.' });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

interface ArmedFault extends FaultSpec {
  remaining: number;
}

function bodyFor(status: number, retryAfterSeconds: number | undefined): Record<string, string> {
  if (status === 429) {
    const wait = retryAfterSeconds === undefined ? '' : ` Expected available in ${retryAfterSeconds} seconds.`;
    return { detail: `Request was throttled.${wait}` };
  }
  if (status === 503) return { detail: 'Service temporarily unavailable, try again later.' };
  return { detail: `Injected fault (HTTP ${status}).` };
}

export class FaultInjector {
  private faults: ArmedFault[] = [];
  private readonly shutdown = new AbortController();
  /** afterApply faults taken by a request, waiting for its answer. */
  private readonly afterApply = new WeakMap<FastifyRequest, FaultSpec>();

  add(spec: FaultSpec): number {
    this.faults.push({ ...spec, remaining: spec.count });
    return this.faults.length;
  }

  clear(): number {
    const cleared = this.faults.length;
    this.faults = [];
    return cleared;
  }

  list(): FaultSpec[] {
    return this.faults.map(({ remaining, ...spec }) => ({ ...spec, count: remaining }));
  }

  /** Ends pending delays so closing the server never waits for a scripted timeout. */
  abortDelays(): void {
    this.shutdown.abort();
  }

  /** Consumes one use of the first fault matching this request. */
  take(method: string, url: string): FaultSpec | undefined {
    const path = url.split('?')[0] ?? url;
    const index = this.faults.findIndex((f) => {
      if (f.method !== undefined && f.method.toUpperCase() !== method.toUpperCase()) return false;
      return f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : path === f.path;
    });
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  /** onRequest hook: returns true when it answered (or dropped) the request itself. */
  async apply(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (request.url.startsWith(TEST_HOOK_PREFIX)) return false;
    const fault = this.take(request.method, request.url);
    if (fault === undefined) return false;
    if (fault.afterApply === true) {
      this.afterApply.set(request, fault);
      return false;
    }
    if (fault.delayMs !== undefined && fault.delayMs > 0) await this.sleep(fault.delayMs);
    // A client that gave up during the delay gets nothing applied: "timed out" then means "never happened".
    if (fault.destroySocket === true || request.raw.socket.destroyed) {
      reply.hijack();
      request.raw.socket.destroy();
      return true;
    }
    if (fault.status === undefined) return false; // delay only: then answer normally (late)
    if (fault.retryAfterSeconds !== undefined) reply.header('retry-after', String(fault.retryAfterSeconds));
    await reply.code(fault.status).send(fault.body ?? bodyFor(fault.status, fault.retryAfterSeconds));
    return true;
  }

  /**
   * onSend hook: the route has run and committed; now lose its answer as the afterApply fault says. Returns
   * the payload to send (the route's own when only delayed).
   */
  async applyAfter(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const fault = this.afterApply.get(request);
    if (fault === undefined) return payload;
    this.afterApply.delete(request);
    if (fault.delayMs !== undefined && fault.delayMs > 0) await this.sleep(fault.delayMs);
    if (fault.destroySocket === true) {
      // The bytes fastify writes next go nowhere: the client sees a reset, the work is done.
      request.raw.socket.destroy();
      return payload;
    }
    if (fault.status === undefined) return payload;
    reply.code(fault.status).type('application/json; charset=utf-8');
    reply.removeHeader('idempotent-replayed');
    if (fault.retryAfterSeconds !== undefined) reply.header('retry-after', String(fault.retryAfterSeconds));
    return JSON.stringify(fault.body ?? bodyFor(fault.status, fault.retryAfterSeconds));
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.shutdown.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
