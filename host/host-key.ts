/**
 * The browser host's per-launch key: 32 random bytes made when it starts, printed as part of the address to open
 * (?key=…). Opening that address stores the key in an HttpOnly, SameSite=Strict cookie (scripts on the page cannot
 * read it) and every later request of the page carries it; anything else — another local user's process, a page
 * the developer has open, a port scanner — gets 403 without it. Scripts and tests may send the X-ClaimDesk-Key
 * header instead. The cookie is named after the port: cookies are shared by every port of 127.0.0.1.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const HOST_KEY_HEADER = 'x-claimdesk-key';
const QUERY_PARAM = 'key';

export interface HostKey {
  value: string;
  /** The Set-Cookie value that keeps the key for the page. */
  cookie: string;
  /** Why the request may not pass (no key, or a wrong one), or null when it carries this launch's key. */
  check(request: Pick<FastifyRequest, 'headers'>): string | null;
  /** For GET <path>?key=<this key>: where to send the browser next (the same address without the key); else null. */
  fromQuery(request: Pick<FastifyRequest, 'method' | 'url'>): string | null;
}

function matches(candidate: string | undefined, expected: Buffer): boolean {
  if (candidate === undefined) return false;
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function createHostKey(port: string): HostKey {
  const value = randomBytes(32).toString('base64url');
  const expected = Buffer.from(value);
  const cookieName = `claimdesk-host-key-${port}`;
  return {
    value,
    cookie: `${cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict`,
    check(request) {
      const header = request.headers[HOST_KEY_HEADER];
      if (matches(typeof header === 'string' ? header : undefined, expected)) return null;
      if (matches(cookieValue(request.headers.cookie, cookieName), expected)) return null;
      return "This browser host only answers the page opened from the address it printed at start (it carries this launch's key): open that address.";
    },
    fromQuery(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return null;
      const url = new URL(request.url, 'http://host.invalid');
      if (!matches(url.searchParams.get(QUERY_PARAM) ?? undefined, expected)) return null;
      url.searchParams.delete(QUERY_PARAM);
      return `${url.pathname}${url.search}`;
    },
  };
}
