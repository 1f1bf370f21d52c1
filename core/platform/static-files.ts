/**
 * Serving the built renderer (out/renderer) from a URL path, shared by the app:// protocol handler and the
 * browser host so the path-traversal check exists once. No electron import.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname (still percent-encoded) to a file inside rootDir, or null when it would leave it.
 * Decoding happens here, once, and the check runs on the decoded, resolved path: `..%2f`, `%2e%2e/`,
 * backslashes and NUL bytes cannot sneak past a check done on the encoded form.
 */
export function resolveStaticPath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..')) return null;
  const root = resolve(rootDir);
  const relativePath = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const target = resolve(root, `.${relativePath.startsWith('/') ? '' : '/'}${relativePath}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return target;
}

export type StaticFileResult =
  | { status: 200; body: Buffer; contentType: string }
  | { status: 400 | 403 | 404 | 405; message: string };

export async function readStaticFile(rootDir: string, pathname: string, method = 'GET'): Promise<StaticFileResult> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, message: 'Method not allowed' };
  const filePath = resolveStaticPath(rootDir, pathname);
  if (filePath === null) return { status: 403, message: 'Forbidden' };
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return { status: 404, message: 'Not found' };
    return { status: 200, body: await readFile(filePath), contentType: contentTypeFor(filePath) };
  } catch {
    return { status: 404, message: 'Not found' };
  }
}
