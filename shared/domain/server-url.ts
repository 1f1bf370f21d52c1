/**
 * Which server addresses ClaimDesk signs in to, and the one spelling of an address used to compare them.
 *
 * A sign-in sends the password, and every later request the token: over plain http:// both cross the network
 * readable by anyone on it (the café Wi-Fi of a field office), so http:// is accepted only for this computer's
 * own loopback addresses, where nothing leaves the machine (the demo and test servers). A username or password
 * written into the address itself (https://user:pw@host) would be stored in the cache in plain text and shown in
 * the app, so such an address is refused outright rather than silently stripped.
 */

export const SERVER_URL_EXAMPLE = 'https://api.geodb.io';

/** 127.0.0.0/8, ::1 and localhost: the addresses RFC 6890 / RFC 6761 reserve for this host. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** Why this address cannot be used to sign in, or null when it can. */
export function serverUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `Enter the server address, for example ${SERVER_URL_EXAMPLE}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `Enter the server address, for example ${SERVER_URL_EXAMPLE}`;
  if (url.username || url.password) {
    return 'The server address must not contain a username or password (user:password@…): it would be stored in plain text. Enter them in the fields below instead.';
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return `Use https:// for ${url.host}: over plain http:// your password and sign-in token would cross the network unencrypted. http:// is accepted only for this computer (localhost, 127.x.x.x, ::1).`;
  }
  return null;
}

/**
 * The address as ClaimDesk stores and compares it: scheme and host lower-cased, default port dropped (URL.origin
 * does both), trailing slashes removed. Two spellings of one server compare equal; two servers never do.
 */
export function canonicalServerUrl(value: string): string {
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function sameServer(a: string, b: string): boolean {
  try {
    return canonicalServerUrl(a) === canonicalServerUrl(b);
  } catch {
    return false;
  }
}
