/**
 * A hostile (or merely broken) GeoDB server on 127.0.0.1, for the client's limits: it signs anyone in with a bare
 * {token} (no user, no /me), and answers the pending-orders list however the test says: a body of any size
 * generated on the fly, a body trickled a byte at a time, or fixed text. Not our reference server: nothing here
 * follows its rules.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PendingHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HostileServer {
  url: string;
  /** How the next pending-orders requests are answered. */
  setPending(handler: PendingHandler): void;
  /** How many pending-orders requests arrived. */
  requests(): number;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  let pending: PendingHandler = json('{"orders":[]}');
  let count = 0;
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'POST' && path === '/api-token-auth/') {
      request.resume();
      request.on('end', () => json('{"token":"hostile-token"}')(request, response));
      return;
    }
    if (request.method === 'GET' && path === '/api/v2/claims/staff/pending-orders/') {
      count += 1;
      pending(request, response);
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not found."}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setPending: (handler) => {
      pending = handler;
    },
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(text: string): PendingHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(text);
  };
}

/** `{"orders":[],"padding":"xxxx…"}` of `bytes` in all, written in 1 MB chunks as fast as the client reads them. */
export function hugeBody(bytes: number): PendingHandler {
  return (_request, response) => {
    const head = '{"orders":[],"padding":"';
    const tail = '"}';
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let left = bytes - head.length - tail.length;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes) });
    response.write(head);
    const pump = (): void => {
      while (left > 0 && !response.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!response.write(piece)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end(tail);
    };
    pump();
  };
}

/** A valid start, then one byte per second, forever (until the client goes away). */
export function trickle(): PendingHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"orders":[');
    const timer = setInterval(() => response.write(' '), 1000);
    response.on('close', () => clearInterval(timer));
  };
}
