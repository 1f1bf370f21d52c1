/**
 * Browser test host (development and tests only — never packaged): serves the built renderer over
 * http://127.0.0.1 and carries the IPC contract over HTTP (shared/ipc/http-bridge.ts), so the real renderer
 * can be driven in Chromium against the real Node back-end without an Electron binary.
 *
 * It acts with the signed-in token on the customers' data, and any local process — another user's too — and any
 * web page the developer has open can send requests to 127.0.0.1, so every request is checked:
 *  - it must carry this launch's random key (host-key.ts): the URL the host prints has it as ?key=…, opening it
 *    sets an HttpOnly cookie the page then sends with every request; scripts may send the X-ClaimDesk-Key header,
 *  - Host must be this host's own address (defeats DNS rebinding: evil.com re-pointed at 127.0.0.1),
 *  - on every route but the static files (decided on the route the request matched, never on the raw URL, which
 *    `/%69pc/…` would slip past), Origin / Sec-Fetch-Site, when a browser sends them, must say "same origin" (CSRF),
 *  - IPC posts must be application/json, which a cross-site form cannot send without a CORS preflight.
 */
import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { IPC_EVENT_NAMES } from '../shared/ipc/channels';
import { EVENTS_PATH, IPC_HTTP_PREFIX } from '../shared/ipc/http-bridge';
import type { IpcResult } from '../shared/ipc/result';
import type { ClaimDeskApp } from '../core/app/create-app.types';
import { dispatchIpc } from '../core/ipc/dispatch';
import { readStaticFile } from '../core/platform/static-files';
import { basemapOriginOf, secureRendererFile } from '../core/platform/csp';
import { BASEMAP_PATH_PREFIX } from '../core/basemap/basemap.service';
import { serveBasemapPath } from '../core/basemap/basemap-route';
import { createHostKey, type HostKey } from './host-key';

export interface BrowserHostOptions {
  app: ClaimDeskApp;
  /** The built renderer, normally out/renderer. */
  staticDir: string;
  /** 0 or omitted: any free port. */
  port?: number;
  log?: (message: string) => void;
}

export interface BrowserHost {
  /** The address to open, with this launch's key: http://127.0.0.1:5174/?key=… */
  url: string;
  /** e.g. http://127.0.0.1:5174 */
  origin: string;
  /** This launch's key, for scripts (send it as the X-ClaimDesk-Key header). */
  key: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const STATIC_ROUTE = '/*';
const SSE_HEARTBEAT_MS = 15_000;

export async function startBrowserHost({ app, staticDir, port = 0, log = console.error }: BrowserHostOptions): Promise<BrowserHost> {
  // Never inside the desktop app (it is not packaged either, electron-builder.yml): Electron talks over IPC only.
  if (process.versions.electron) throw new Error('The browser host is a development tool; it does not run inside the desktop app.');
  const server = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  const streams = new Set<ServerResponse>();
  // Known only after listen(); the guard runs per request, so reading it late is fine.
  let origin = '';
  let key: HostKey | null = null;

  server.addHook('onRequest', async (request, reply) => {
    // Opening the printed address: the key moves from the URL into the cookie, and the URL loses it.
    const opened = key?.fromQuery(request);
    if (key && opened && !checkHost(request, origin)) {
      return reply.code(303).headers({ 'Set-Cookie': key.cookie, Location: opened, 'Cache-Control': 'no-store' }).send();
    }
    // The route the router matched, not the raw URL: "/%69pc/getSession" matches the IPC route and is checked as one.
    const isStatic = request.routeOptions.url === STATIC_ROUTE;
    const refusal = checkHost(request, origin) ?? key?.check(request) ?? (isStatic ? null : checkSameOrigin(request, origin));
    if (refusal) {
      log(`[host] refused ${request.method} ${request.url}: ${refusal}`);
      if (isStatic) return reply.code(403).header('Cache-Control', 'no-store').type('text/plain; charset=utf-8').send(refusal);
      return reply.code(403).header('Cache-Control', 'no-store').send(errorEnvelope('untrusted-sender', refusal));
    }
  });

  // Malformed JSON and other framework errors on /ipc still answer with an envelope, never an HTML page.
  server.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    const code = status < 500 ? 'invalid-request' : 'internal';
    if (status >= 500) log(`[host] ${error.message}`);
    return reply.code(status).header('Cache-Control', 'no-store').send(errorEnvelope(code, status < 500 ? error.message : 'The browser host failed.'));
  });

  server.post<{ Params: { method: string } }>(`${IPC_HTTP_PREFIX}:method`, async (request, reply) => {
    if (!isJson(request)) {
      return reply.code(415).send(errorEnvelope('invalid-request', 'IPC requests must be sent as application/json.'));
    }
    const result = await dispatchIpc(app.handlers, request.params.method, request.body, { log });
    return reply.code(200).header('Cache-Control', 'no-store').send(result);
  });

  server.get(EVENTS_PATH, (request, reply) => openEventStream(request, reply, app, streams));

  // The offline basemap's tiles, on this origin so the renderer's CSP stays 'self' (core/basemap/basemap-route.ts).
  server.get(`${BASEMAP_PATH_PREFIX}*`, async (request, reply) => {
    const pathname = (request.raw.url ?? '/').split('?')[0] ?? '/';
    const tile = await serveBasemapPath(app.basemap, pathname, request.method);
    return reply.code(tile.status).headers(tile.headers).send(tile.body === null ? undefined : Buffer.from(tile.body));
  });

  server.get(STATIC_ROUTE, async (request, reply) => serveStatic(request, reply, staticDir, app));

  const address = await server.listen({ host: HOST, port });
  origin = new URL(address).origin;
  key = createHostKey(new URL(address).port);

  return {
    url: `${origin}/?key=${key.value}`,
    origin,
    key: key.value,
    async close() {
      // Hijacked SSE responses are not "idle" to fastify; end them first or close() waits for them forever.
      for (const stream of streams) stream.end();
      streams.clear();
      await server.close();
    },
  };
}

/** Returns why a request is refused, or null when it comes from this host's own pages (or a non-browser client). */
export function checkSameOrigin(request: Pick<FastifyRequest, 'headers'>, ownOrigin: string): string | null {
  const hostRefusal = checkHost(request, ownOrigin);
  if (hostRefusal) return hostRefusal;
  const originHeader = request.headers.origin;
  if (originHeader !== undefined && originHeader !== ownOrigin) return `Origin "${originHeader}" is not ${ownOrigin}.`;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Cross-site request (Sec-Fetch-Site: ${String(site)}).`;
  return null;
}

export function checkHost(request: Pick<FastifyRequest, 'headers'>, ownOrigin: string): string | null {
  if (!ownOrigin) return 'The host is not listening yet.';
  const expected = new URL(ownOrigin).host;
  const host = request.headers.host;
  return host === expected ? null : `Host "${host ?? ''}" is not ${expected}.`;
}

function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function errorEnvelope(code: 'invalid-request' | 'untrusted-sender' | 'internal', message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function openEventStream(request: FastifyRequest, reply: FastifyReply, app: ClaimDeskApp, streams: Set<ServerResponse>): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  // A comment line first so the client's EventSource 'open' fires right away.
  res.write(': connected\n\n');
  streams.add(res);

  const unsubscribes = IPC_EVENT_NAMES.map((name) =>
    app.onEvent(name, (payload) => {
      // JSON.stringify never emits a raw newline, so one data: line is a complete SSE message.
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const heartbeat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
  heartbeat.unref();

  const cleanup = (): void => {
    clearInterval(heartbeat);
    for (const unsubscribe of unsubscribes) unsubscribe();
    streams.delete(res);
  };
  request.raw.once('close', cleanup);
  res.once('close', cleanup);
}

async function serveStatic(request: FastifyRequest, reply: FastifyReply, staticDir: string, app: ClaimDeskApp): Promise<FastifyReply> {
  // The raw URL, not fastify's decoded params: readStaticFile decodes exactly once and checks the result.
  const pathname = (request.raw.url ?? '/').split('?')[0] ?? '/';
  const file = await readStaticFile(staticDir, pathname, request.method);
  if (file.status !== 200) return reply.code(file.status).type('text/plain; charset=utf-8').send(file.message);
  // The page's CSP names the basemap origin configured now; a changed basemap reloads the page (settings dialog).
  const basemapOrigin = basemapOriginOf((await app.handlers.getSettings({}).catch(() => ({ basemapUrl: null }))).basemapUrl);
  const secured = secureRendererFile(file.body, file.contentType, { basemapOrigin });
  return reply
    .code(200)
    .headers({ ...secured.headers, 'Cache-Control': 'no-cache' })
    .type(file.contentType)
    .send(secured.body);
}
