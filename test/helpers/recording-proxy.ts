/**
 * A loopback HTTP proxy in front of the reference server that sees what ClaimDesk sends: every Authorization
 * header, and for each Idempotency-Key how many requests arrived and how many were in flight at once. Requests
 * whose method and path match `slow` are held for `delayMs` before they are forwarded (a slow server), so two
 * senders have every chance to overlap. The reference server behind it does the real work.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** Every Authorization header value seen, in order (never the token of another server, we hope). */
  authorizations: string[];
  /** Requests per Idempotency-Key. */
  sentPerKey: Map<string, number>;
  /** The most requests with the same key in flight at the same time. */
  maxInFlightPerKey(): number;
  /** Resolves when a request matching the predicate has arrived (and is being held or forwarded). */
  arrived(match: (method: string, path: string) => boolean): Promise<void>;
  slow: { method: string; pathPrefix: string; delayMs: number } | null;
  close(): Promise<void>;
}

export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const inFlight = new Map<string, number>();
  let maxInFlight = 0;
  const waiters: { match: (method: string, path: string) => boolean; resolve: () => void }[] = [];

  const proxy: RecordingProxy = {
    url: '',
    authorizations: [],
    sentPerKey: new Map(),
    maxInFlightPerKey: () => maxInFlight,
    arrived(match) {
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    slow: null,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  const server: Server = createServer((req, res) => {
    void handle(req).then(
      (answer) => {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      },
      () => {
        res.destroy();
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    if (typeof req.headers.authorization === 'string') proxy.authorizations.push(req.headers.authorization);
    if (key) {
      proxy.sentPerKey.set(key, (proxy.sentPerKey.get(key) ?? 0) + 1);
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, inFlight.get(key)!);
    }
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(method, path)) waiter.resolve();
      else waiters.push(waiter);
    }
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const slow = proxy.slow;
      if (slow && method === slow.method && path.startsWith(slow.pathPrefix)) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
      return await forward(method, path, req.headers, Buffer.concat(chunks));
    } finally {
      if (key) inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  }

  function forward(method: string, path: string, headers: IncomingMessage['headers'], body: Buffer): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest({ host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined && name !== 'transfer-encoding' && name !== 'connection') out[name] = value;
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
