/**
 * The app:// protocol's request handler, kept free of Electron imports so it runs (and is tested) under plain
 * Node with the WHATWG Request/Response that Electron's protocol.handle also uses: the built renderer with the
 * CSP as a response header, and the offline basemap's tiles under /basemap/ on the same origin.
 */
import { secureRendererFile } from '../../../core/platform/csp';
import { readStaticFile } from '../../../core/platform/static-files';
import type { BasemapService } from '../../../core/basemap/basemap.service';
import { isBasemapPath, serveBasemapPath } from '../../../core/basemap/basemap-route';
import { APP_HOST } from './navigation-guard';

export function appProtocolHandler(
  rendererDir: string,
  basemap: () => BasemapService | null,
  /** The configured online basemap's origin, for the page's CSP (none: the base policy). */
  basemapOrigin: () => Promise<string | null> = async () => null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST) return new Response('Not found', { status: 404 });
    const head = request.method === 'HEAD';
    if (isBasemapPath(url.pathname)) {
      // Before the back-end is up there is no basemap yet: "no content", as for a tile the file does not have.
      const service = basemap();
      if (!service) return new Response(null, { status: 204 });
      const tile = await serveBasemapPath(service, url.pathname, request.method);
      return new Response(tile.body === null || head ? null : new Uint8Array(tile.body), { status: tile.status, headers: tile.headers });
    }
    const file = await readStaticFile(rendererDir, url.pathname, request.method);
    if (file.status !== 200) return new Response(file.message, { status: file.status });
    const secured = secureRendererFile(file.body, file.contentType, { basemapOrigin: await basemapOrigin().catch(() => null) });
    return new Response(head ? null : new Uint8Array(secured.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache', ...secured.headers },
    });
  };
}
