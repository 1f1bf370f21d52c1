/**
 * Which URLs count as "our app". Pure (no electron import) so the bypass-shaped cases are unit-tested.
 * Always parsed with URL: prefix checks such as startsWith('app://claimdesk') accept
 * `app://claimdesk.evil.com/` and `app://claimdesk@evil.com/`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for app://claimdesk/… with no credentials and no port. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Same scheme, host and port as `origin` (an http(s) dev-server address). */
export function isSameOrigin(url: string, origin: string): boolean {
  const a = parse(url);
  const b = parse(origin);
  if (!a || !b) return false;
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return false;
  if (a.username !== '' || a.password !== '') return false;
  return a.origin === b.origin;
}

/**
 * The predicate used for IPC senders and in-window navigation. In development electron-vite serves the
 * renderer from ELECTRON_RENDERER_URL (http://localhost:…), which is then trusted too — never when packaged.
 */
export function createAppUrlGuard(devServerUrl?: string): (url: string) => boolean {
  if (!devServerUrl) return isAppUrl;
  return (url) => isAppUrl(url) || isSameOrigin(url, devServerUrl);
}
