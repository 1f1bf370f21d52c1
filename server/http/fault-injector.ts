/**
 * Scripted failures for client tests: the next `count` requests matching a method and path fail in the
 * requested way (status, 429 + Retry-After, a delay long enough to trip a timeout, or a dropped connection).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const TEST_HOOK_PREFIX = '/__test__/';

export const faultSpecSchema = z
  .object({
    method: z.string().min(1).optional(),
    /** Exact path (query ignored), or a prefix ending in `*`. */
    path: z.string().min(1),
    status: z.number().int().min(400).max(599).optional(),
    count: z.number().int().min(1),
    retryAfterSeconds: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    destroySocket: z.boolean().optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.delayMs !== undefined || f.destroySocket === true, {
    message: 'A fault needs status, delayMs or destroySocket.',
  });
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
    if (fault.delayMs !== undefined && fault.delayMs > 0) await this.sleep(fault.delayMs);
    if (fault.destroySocket === true) {
      reply.hijack();
      request.raw.socket.destroy();
      return true;
    }
    if (fault.status === undefined) return false; // delay only: then answer normally (late)
    if (fault.retryAfterSeconds !== undefined) reply.header('retry-after', String(fault.retryAfterSeconds));
    await reply.code(fault.status).send(bodyFor(fault.status, fault.retryAfterSeconds));
    return true;
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
