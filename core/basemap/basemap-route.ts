/**
 * The basemap's tiles over the app's own origin, for both shells: the app:// protocol handler in Electron and
 * the browser host. Transport-neutral: a path in, a status, bytes and headers out. Only
 * /basemap/<token>/<z>/<x>/<y> is served; the path never names a file.
 */
import { TILE_CONTENT_TYPES, validTileAddress } from './tile-archive';
import { BASEMAP_PATH_PREFIX, type BasemapService } from './basemap.service';

export type BasemapRouteResult =
  | { status: 200; body: Uint8Array; headers: Record<string, string> }
  | { status: 204 | 400 | 404 | 405; body: null; headers: Record<string, string> };

const ROUTE = /^\/basemap\/([0-9a-f]{16})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})(?:\.\w+)?$/;

export function isBasemapPath(pathname: string): boolean {
  return pathname.startsWith(BASEMAP_PATH_PREFIX);
}

export async function serveBasemapPath(service: BasemapService, pathname: string, method = 'GET'): Promise<BasemapRouteResult> {
  const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, body: null, headers };
  const match = ROUTE.exec(pathname);
  if (!match) return { status: 404, body: null, headers };
  const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (!validTileAddress(z, x, y)) return { status: 400, body: null, headers };
  const tile = await service.tile(match[1]!, z, x, y).catch(() => null);
  // No tile here (outside the file's area or zooms): "no content", which MapLibre draws as nothing.
  if (!tile) return { status: 204, body: null, headers };
  // The token changes with the file, so a tile may be cached for the session.
  return { status: 200, body: tile.bytes, headers: { 'Content-Type': TILE_CONTENT_TYPES[tile.format], 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' } };
}
